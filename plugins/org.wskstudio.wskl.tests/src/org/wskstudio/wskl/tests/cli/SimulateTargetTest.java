package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.testing.Examples;

/** {@code wskl simulate --target java|c|both [--c-source DIR]}. */
class SimulateTargetTest {

	@TempDir
	Path temp;

	@Test
	void bothRunsEachScenarioOnTheTwoDriversAndSaysTheyAgree() {
		CliRun run = wskl("simulate", Examples.example("event_accept.wskl"), "--target", "both");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("C driver (generated) built with gcc -g -O1 -fsanitize=address,undefined")
				.contains("scenario Events (event_accept.wsks:5) on the Java twin: PASSED")
				.contains("scenario Events (event_accept.wsks:5) on the C driver: PASSED")
				.contains("  back to back: the Java twin and the C driver agree on 45 events (2 requests, 0 violations)")
				// the scenario's fault sweep runs on both too, each point compared back to back
				.containsPattern("  fault sweep: \\d+ failed-allocation run\\(s\\) \\(\\d+ IoAllocateIrp, \\d+ "
						+ "ExAllocatePoolWithTag reached\\) on the Java twin and the C driver, back to back: PASSED")
				.containsPattern("    fail irp allocation 1: Java twin PASSED, outcomes [^;]*, 0 violation\\(s\\); "
						+ "C driver PASSED, outcomes [^;]*, 0 violation\\(s\\); agree \\(\\d+ events\\)")
				.containsPattern("    fail pool allocation 1: Java twin PASSED, .*; agree")
				.doesNotContain("DIVERGE");
	}

	@Test
	void theEngineersEditedCRunsFromItsFolderAndItsDefectNamesTheLine() throws IOException {
		Path dir = temp.resolve("c");
		assertThat(wskl("generate", "--target", "c", Examples.example("event_accept.wskl"), "-o", dir).exitCode()).isZero();
		CliRun clean = wskl("simulate", Examples.example("event_accept.wskl"), "--target", "c", "--c-source", dir);
		assertThat(clean.exitCode()).as(clean.toString()).isZero();
		assertThat(clean.out()).contains("C driver (" + dir + ")").contains("on the C driver: PASSED");

		Path c = dir.resolve("evtacc_driver.c");
		String text = Files.readString(c);
		Files.writeString(c, text.replace("    IoFreeIrp(Irp);\n", "    IoFreeIrp(Irp);\n    IoFreeIrp(Irp);\n"));
		CliRun broken = wskl("simulate", Examples.example("event_accept.wskl"), "--target", "c", "--c-source", dir);
		assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
		assertThat(broken.out()).contains("IRP_DOUBLE_FREE").contains("C_SANITIZER")
				.containsPattern("attempting double-free at evtacc_driver\\.c:\\d+ \\(EvtAcc_FreeIrp\\)");
	}

	@Test
	void cSourceNeedsTheCTargetAndAnExistingFolder() {
		CliRun java = wskl("simulate", Examples.example("event_accept.wskl"), "--c-source", temp);
		assertThat(java.exitCode()).isEqualTo(2);
		assertThat(java.err()).contains("--c-source needs --target c or both");
		CliRun missing = wskl("simulate", Examples.example("event_accept.wskl"), "--target", "c", "--c-source",
				temp.resolve("none"));
		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.err()).contains(temp.resolve("none") + ": no such directory");
		CliRun target = wskl("simulate", Examples.example("event_accept.wskl"), "--target", "rust");
		assertThat(target.exitCode()).isEqualTo(2);
		assertThat(target.err()).contains("unknown target 'rust': use java, c or both");
	}
}

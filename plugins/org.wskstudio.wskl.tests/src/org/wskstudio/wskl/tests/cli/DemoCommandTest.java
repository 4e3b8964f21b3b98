package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.testing.Examples;

class DemoCommandTest {

	@TempDir
	Path temp;

	@Test
	void theDemoWritesCodeTraceAndPicture() throws IOException {
		Path out = temp.resolve("demo");
		CliRun run = wskl("demo", "-o", out, "--model", Examples.example("dual_stack.wskl"));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(out.resolve("c/echo_driver.c")).isRegularFile();
		assertThat(out.resolve("java/wskstudio/generated/echo/EchoDriver.java")).isRegularFile();
		assertThat(Files.readAllLines(out.resolve("trace.jsonl"))).isNotEmpty()
				.allSatisfy(line -> assertThat(line).startsWith("{\"seq\":"));
		assertThat(Files.readString(out.resolve("timeline.svg"))).startsWith("<svg").contains("Scenario Mixed");
		assertThat(run.out()).contains("  Mixed: PASSED").contains("the picture:  " + out.resolve("timeline.svg"))
				.contains("the C driver and its Java twin agree on every scenario, event for event")
				.containsPattern("  fault sweep: \\d+ failed-allocation run\\(s\\) .* on the Java twin and the C driver, "
						+ "back to back: PASSED")
				.contains("the code:     " + out.resolve("c"));
	}

	@Test
	void withoutTheExampleTheDemoSaysWhereItLooked() {
		CliRun run = wskl("demo", "-o", temp.resolve("x"), "--model", temp.resolve("missing.wskl"));
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("cannot find " + temp.resolve("missing.wskl"));
	}
}

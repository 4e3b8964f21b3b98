package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.testing.Examples;

/**
 * Scenario files given to {@code wskl simulate}: their problems are worded, placed and sorted as
 * {@code wskl check} words them, a file that is no scenario is refused before anything runs, and
 * a file saved by a Windows editor (byte order mark, CRLF) runs as it checks.
 */
class SimulateScenarioInputTest {

	@TempDir
	Path temp;

	private Path model() throws IOException {
		return Files.copy(Examples.example("conditional_accept.wskl"), temp.resolve("guard.wskl"));
	}

	@Test
	void aScenariosProblemsAreThoseOfCheckSortedAndNothingRuns() throws IOException {
		Path model = model();
		// the pipeline reports names it cannot resolve before the validator's findings
		Path typos = Files.writeString(temp.resolve("a-typos.wsks"), """
				scenario S for GuardedServer {
					at 0 ms connect 10.1.2.300:5555 -> Public
					at 1 ms check Reputaton answers accept
					at 2 ms connect 10.1.2.3:5555 -> Publik
					at 3 ms check Reputation answers accept for zz
				}
				""");
		Path syntax = Files.writeString(temp.resolve("b-syntax.wsks"), """
				scenario T for GuardedServer {
					at 0 ms connect 10.1.2.3 -> Public
				}
				""");
		CliRun run = wskl("simulate", model, syntax, typos);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.errLines()).as(run.toString()).containsExactly(
				typos + ":2:18: error: '10.1.2.300' is not a valid IP address.",
				typos + ":3:16: error: unknown deferred check 'Reputaton'",
				typos + ":4:35: error: unknown listener 'Publik'",
				typos + ":5:46: error: unknown request 'zz'",
				syntax + ":2:27: error: syntax error: unexpected '->', expected ':'",
				"nothing simulated");
		assertThat(run.out()).doesNotContain("summary:");
		// check says the same, line for line
		CliRun check = wskl("check", syntax, typos);
		assertThat(check.outLines()).as(check.toString()).containsExactlyElementsOf(
				Stream.concat(run.errLines().stream().limit(5), Stream.of("2 files checked: 5 errors")).toList());
	}

	@Test
	void anAllocationNumberedZeroIsAnErrorAtItsLineNotAFailureOfTheRun() throws IOException {
		Path model = model();
		Path scenario = Files.writeString(temp.resolve("zero.wsks"), """
				scenario S for GuardedServer {
					fail pool allocation 0
					at 0 ms connect 10.1.2.3:5555 -> Public expect rejected
				}
				""");
		String error = scenario + ":2:23: error: Allocations are counted from 1 (the run's first pool allocation is 1): "
				+ "allocation 0 never happens.";
		CliRun check = wskl("check", scenario);
		assertThat(check.outLines()).as(check.toString()).containsExactly(error, "1 file checked: 1 error");
		CliRun run = wskl("simulate", model, scenario);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.errLines()).as(run.toString()).containsExactly(error, "nothing simulated");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void aFolderAWrongExtensionAndAMissingFileAreRefusedBeforeAnythingRuns() throws IOException {
		Path model = model();
		Path folder = Files.createDirectory(temp.resolve("runs.wsks"));
		Path text = Files.writeString(temp.resolve("flows.txt"), Examples.read(Examples.example("conditional_accept.wsks")));
		Path missing = temp.resolve("nowhere.wsks");
		CliRun run = wskl("simulate", model, folder, text, missing);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.errLines()).as(run.toString()).containsExactly(
				text + ": error: not a .wsks file",
				missing + ": error: no such file",
				folder + ": error: is a directory, not a .wsks file",
				"nothing simulated");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void aScenarioWithAByteOrderMarkAndCrlfLinesRuns() throws IOException {
		Path model = Files.writeString(temp.resolve("guard.wskl"),
				"\uFEFF" + Examples.read(Examples.example("conditional_accept.wskl")).replace("\n", "\r\n"),
				StandardCharsets.UTF_8);
		Path scenario = Files.writeString(temp.resolve("guard.wsks"),
				"\uFEFF" + Examples.read(Examples.example("conditional_accept.wsks")).replace("\n", "\r\n"),
				StandardCharsets.UTF_8);
		CliRun check = wskl("check", model, scenario);
		assertThat(check.outLines()).as(check.toString()).containsExactly("2 files checked: no problems");
		CliRun run = wskl("simulate", model, scenario);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).contains("scenario SeedFlows (guard.wsks:5): PASSED")
				.contains("scenario ListenerRecreated (guard.wsks:22): PASSED")
				.contains("summary: 2 run(s), 2 passed, 0 failed");
	}
}

package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.testing.Examples;

class SimulateCommandTest {

	@TempDir
	Path temp;

	@Test
	void theScenarioFileNextToTheModelRunsAndPasses() {
		CliRun run = wskl("simulate", Examples.example("conditional_accept.wskl"));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("simulating " + Examples.example("conditional_accept.wskl")
				+ " (driver GuardedServer, Java driver wskstudio/generated/guard/GuardDriver.java compiled in memory)")
				.contains("scenario SeedFlows (conditional_accept.wsks:5): PASSED")
				.contains("  requests: 6 (pended 3)")
				.contains("  fault sweep: 8 failed-allocation run(s) (6 IoAllocateIrp, 2 ExAllocatePoolWithTag reached): PASSED")
				.contains("    fail irp allocation 1: PASSED, outcomes refused=6, 0 violation(s)")
				.contains("    fail pool allocation 2: PASSED, outcomes ")
				.contains("    pended-then-accepted: 1")
				.contains("summary: ")
				.contains("  rule violations: 0")
				.contains("  failed expectations: 0");
	}

	@Test
	void verboseShowsTheEventsWithTheirModelElements() {
		CliRun run = wskl("simulate", "-v", Examples.example("conditional_accept.wskl"),
				Examples.example("conditional_accept.wsks"));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("scenario SeedFlows events:")
				.containsPattern("WSK -> DRIVER  WskInspectEvent  \\[Public\\]")
				.contains("DRIVER -> WSK  CheckQuery  [rule 3 of listener Public]  Reputation for 172.16.0.5:1234");
	}

	@Test
	void failedExpectationsExitWithOneAndSayWhy() {
		CliRun run = wskl("simulate", Examples.example("dual_stack.wskl"), Examples.example("invalid/failing.wsks"));
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("scenario WrongExpectations (failing.wsks:4): FAILED")
				.contains("  failed expectation: request #0 (10.9.9.9:1000) expected accepted, but was rejected")
				.contains("  failed expectations: 4");
	}

	@Test
	void aBrokenScenarioFileIsReportedAndNothingRuns() {
		CliRun run = wskl("simulate", Examples.example("dual_stack.wskl"), Examples.example("invalid/broken_scenario.wsks"));
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains("broken_scenario.wsks:4:").contains("Nowhere").contains("nothing simulated");
		assertThat(run.out()).doesNotContain("summary:");
	}

	@Test
	void aModelWithoutScenarioAndWithoutRandomIsAnError() throws IOException {
		Path model = Files.copy(Examples.example("event_accept.wskl"), temp.resolve("lonely.wskl"));
		CliRun run = wskl("simulate", model);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains("no scenario: " + temp.resolve("lonely.wsks") + " does not exist");
	}

	@Test
	void aRandomRunWritesItsTraceAndPictureAndRepeatsForTheSameSeedWhateverTheJobs() throws IOException {
		Path trace = temp.resolve("a/trace.jsonl");
		Path svg = temp.resolve("a/run.svg");
		CliRun run = wskl("simulate", Examples.example("dual_stack.wskl"), "--random", 20000, "--seed", 3, "--trace",
				trace, "--svg", svg, "--jobs", 2, "--shard-size", 6000);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("random run of 20000 requests, seed 3 (4 shard(s) of at most 6000, 2 job(s)): PASSED")
				.contains("  requests: 20000").contains("trace: " + trace)
				.contains("sequence diagram: " + svg + " (shard 1 of 4, the first 2000 rows at most)");
		// the output is no terminal here: no progress line, the timing only
		assertThat(run.err()).contains("wskl simulate: 20000 requests simulated in ").contains("2 job(s), 4 shard(s))")
				.doesNotContain("\r");
		assertThat(Files.readAllLines(trace).get(0)).startsWith("{\"seq\":0,\"t\":0,").endsWith(",\"shard\":0}");
		assertThat(Files.readString(svg)).startsWith("<svg");
		assertThat(trace.resolveSibling(".trace.jsonl.part")).doesNotExist();
		Path again = temp.resolve("b.jsonl");
		CliRun second = wskl("simulate", Examples.example("dual_stack.wskl"), "--random", 20000, "--seed", 3, "--trace",
				again, "--jobs", 1, "--shard-size", 6000, "--quiet");
		assertThat(second.exitCode()).isZero();
		assertThat(second.err()).doesNotContain("simulated in");
		assertThat(Files.mismatch(trace, again)).isEqualTo(-1L);
	}

	@Test
	void jobsAndShardSizeMustBePositive() {
		CliRun run = wskl("simulate", Examples.example("dual_stack.wskl"), "--random", 100, "--jobs", 0);
		assertThat(run.exitCode()).as(run.toString()).isNotZero();
		assertThat(run.err()).contains("--jobs and --shard-size need a positive number");
	}

	@Test
	void aFolderGivenAsTheTraceOrPictureIsRefusedBeforeTheRunAndKept() throws IOException {
		Path folder = Files.createDirectory(temp.resolve("traces"));
		for (String option : new String[] { "--trace", "--svg" }) {
			CliRun run = wskl("simulate", Examples.example("conditional_accept.wskl"), "--random", 100, option, folder);
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
			assertThat(run.err()).startsWith(option + " " + folder + " is a folder: give the name of the file to write");
			assertThat(run.out()).isEmpty();
			assertThat(folder).isEmptyDirectory();
			CliRun empty = wskl("simulate", Examples.example("conditional_accept.wskl"), "--random", 100, option, "");
			assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(2);
			assertThat(empty.err()).startsWith(option + " needs a name");
		}
	}

	@Test
	void severalRunsWriteOneTraceEach() {
		Path trace = temp.resolve("t.jsonl");
		CliRun run = wskl("simulate", Examples.example("irp_accept.wskl"), Examples.example("irp_accept.wsks"),
				"--random", 50, "--trace", trace);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(temp.resolve("t.Burst.jsonl")).isRegularFile();
		assertThat(temp.resolve("t.Random50Seed1.jsonl")).isRegularFile();
		assertThat(trace).doesNotExist();
	}
}

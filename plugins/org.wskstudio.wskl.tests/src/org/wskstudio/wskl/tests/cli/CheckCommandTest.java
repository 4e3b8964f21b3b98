package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.testing.Examples;

class CheckCommandTest {

	@TempDir
	Path temp;

	@Test
	void validExamplesHaveNoProblemsAndExitZero() {
		List<Path> models = Examples.validModels();
		CliRun run = wskl(concat("check", models));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.outLines()).as(run.toString())
				.containsExactly(models.size() + " files checked: no problems");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void exampleScenariosHaveNoProblemsAgainstTheModelsInTheirFolder() throws IOException {
		List<Path> scenarios;
		try (var files = Files.list(Examples.examplesDir())) {
			scenarios = files.filter(f -> f.toString().endsWith(".wsks")).sorted().toList();
		}
		CliRun run = wskl(concat("check", scenarios));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.outLines()).as(run.toString()).containsExactly(scenarios.size() + " files checked: no problems");
	}

	@Test
	void aScenarioNamingWhatItsModelLacksIsReportedAtItsLines() throws IOException {
		Files.copy(Examples.example("conditional_accept.wskl"), temp.resolve("guard.wskl"));
		Path scenario = Files.writeString(temp.resolve("guard.wsks"), """
				scenario S for GuardedServer {
					at 0 ms connect 10.1.2.3:5555 -> Front
					at 1 ms check Reputaton answers accept
				}
				""");
		CliRun run = wskl("check", scenario);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.outLines()).as(run.toString()).containsExactly(
				scenario + ":2:35: error: unknown listener 'Front'",
				scenario + ":3:16: error: unknown deferred check 'Reputaton'",
				"1 file checked: 2 errors");
	}

	@Test
	void aScenarioIsCheckedAgainstTheModelGiven() {
		Path scenario = Examples.example("invalid/broken_scenario.wsks");
		CliRun run = wskl("check", "--model", Examples.example("dual_stack.wskl"), scenario);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.outLines()).as(run.toString())
				.anySatisfy(l -> assertThat(l).startsWith(scenario + ":4:").contains("Nowhere"))
				.noneSatisfy(l -> assertThat(l).contains("EchoServer"));
		// without it, the folder's models (the invalid ones) do not declare the driver
		CliRun alone = wskl("check", scenario);
		assertThat(alone.outLines()).anySatisfy(l -> assertThat(l).startsWith(scenario + ":3:").contains("EchoServer"));
	}

	@Test
	void aMissingModelIsReported() {
		Path model = temp.resolve("nowhere.wskl");
		CliRun run = wskl("check", "--model", model, Examples.example("dual_stack.wsks"));
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).containsExactly(model + ": error: no such file", "1 file checked: 1 error");
	}

	@Test
	void aModelOptionThatIsNoModelIsReportedOnce() throws IOException {
		Path scenario = Examples.example("dual_stack.wsks");
		Path folder = Files.createDirectory(temp.resolve("models.wskl"));
		for (Path model : List.of(scenario, folder)) {
			CliRun run = wskl("check", "--model", model, scenario);
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
			assertThat(run.outLines()).as(run.toString()).hasSize(2)
					.first().asString().startsWith(model + ": error: ");
			assertThat(run.outLines()).last().isEqualTo("1 file checked: 1 error");
		}
	}

	@Test
	void syntaxErrorIsReportedAtItsLineAndColumn() {
		Path file = Examples.example("invalid/syntax_error.wskl");
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		// "listener Public on ipv4 0.0.0.0 {": the '{' in column 33 stands where ':' PORT belongs
		assertThat(run.outLines()).as(run.toString())
				.contains(file + ":4:33: error: syntax error: unexpected '{', expected ':'")
				.last().isEqualTo("1 file checked: 1 error");
		assertThat(CliRun.errorLines(run.outLines(), file)).containsOnly(4);
	}

	@Test
	void validationErrorsAreReportedSortedAtTheirLines() {
		Path file = Examples.example("invalid/validation_errors.wskl");
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		List<Integer> lines = CliRun.errorLines(run.outLines(), file);
		// the pool tag 'TooLong' (2), the address 300.1.2.3 (11), the second listener on port 40007 (17)
		assertThat(lines).as(run.toString()).contains(2, 11, 17).isSorted();
		assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith(file + ":2:36: error: ").contains("TooLong"));
		assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith(file + ":11:").contains("300.1.2.3"));
		assertThat(run.outLines().get(run.outLines().size() - 1)).matches("1 file checked: \\d+ errors");
	}

	@Test
	void problemsOfSeveralFilesAreSortedByFile() {
		Path syntax = Examples.example("invalid/syntax_error.wskl");
		Path validation = Examples.example("invalid/validation_errors.wskl");
		CliRun run = wskl("check", validation, syntax);
		assertThat(run.exitCode()).isEqualTo(1);
		List<String> problems = run.outLines().subList(0, run.outLines().size() - 1);
		assertThat(problems.get(0)).startsWith(syntax + ":4:33: error:");
		assertThat(problems.subList(1, problems.size())).allSatisfy(l -> assertThat(l).startsWith(validation + ":"));
		assertThat(run.outLines()).last().asString().startsWith("2 files checked: ");
	}

	@Test
	void warningsAloneExitZero() throws IOException {
		Path file = temp.resolve("warned.wskl");
		Files.writeString(file, Examples.read(Examples.example("event_accept.wskl")) + "\ndeferred check Unused\n");
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.outLines()).as(run.toString()).hasSize(2);
		assertThat(run.outLines().get(0)).matches(java.util.regex.Pattern.quote(file.toString())
				+ ":\\d+:\\d+: warning: .*Unused.*");
		assertThat(run.outLines().get(1)).isEqualTo("1 file checked: 1 warning");
	}

	@Test
	void unresolvedReferenceIsAnUnknownName() throws IOException {
		Path file = Files.writeString(temp.resolve("link.wskl"), String.join("\n",
				"driver Linked pool tag 'Link'",
				"listener L on ipv4 0.0.0.0:80 {",
				"  options conditional-accept",
				"  accept by irp",
				"  inspect { pend remote any with check Nope timeout 1 s else reject default reject }",
				"}", ""));
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.outLines()).as(run.toString()).contains(file + ":5:40: error: unknown deferred check 'Nope'");
	}

	@Test
	void aNumberTooLargeForAnIntIsNamedNotTheJavaParsersMessage() throws IOException {
		Path model = Files.writeString(temp.resolve("big.wskl"), Examples.read(Examples.example("event_accept.wskl"))
				.replace(":40008", ":99999999999"));
		Path scenario = Files.writeString(temp.resolve("big.wsks"), """
				scenario S for EventServer seed 4294967296 {
					at 0 ms connect 10.0.0.1:1000 -> Public
				}
				""");
		CliRun run = wskl("check", model, scenario);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.outLines()).as(run.toString()).containsExactly(
				model + ":6:33: error: syntax error: The number 99999999999 is too large (at most 2147483647).",
				scenario + ":1:33: error: syntax error: The number 4294967296 is too large (at most 2147483647).",
				"2 files checked: 2 errors");
	}

	@Test
	void missingFile() {
		Path file = temp.resolve("nowhere.wskl");
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).containsExactly(file + ": error: no such file", "1 file checked: 1 error");
	}

	@Test
	void notAWsklFile() throws IOException {
		Path file = Files.writeString(temp.resolve("driver.txt"), "driver A pool tag 'Abcd'\n");
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).first().isEqualTo(file + ": error: not a .wskl or .wsks file");
	}

	@Test
	void directory() throws IOException {
		Path dir = Files.createDirectory(temp.resolve("models.wskl"));
		CliRun run = wskl("check", dir);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).first().asString().startsWith(dir + ": error: is a directory");
	}

	@Test
	void binaryGarbageIsNotATextFile() throws IOException {
		Path file = temp.resolve("garbage.wskl");
		Files.write(file, new byte[] { 'd', 'r', 'i', 'v', 0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 'x' });
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).first().asString().startsWith(file + ":1:1: error: not a text file");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void invalidUtf8IsNotATextFile() throws IOException {
		Path file = temp.resolve("latin1.wskl");
		Files.write(file, "driver Caf\u00e9 pool tag 'Cafe'\n".getBytes(StandardCharsets.ISO_8859_1));
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).first().asString().startsWith(file + ":1:1: error: not a text file");
	}

	@Test
	void emptyFileIsASyntaxError() throws IOException {
		Path file = Files.writeString(temp.resolve("empty.wskl"), "");
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).first().asString().startsWith(file + ":1:1: error: syntax error: ");
	}

	@Test
	void unreadableFile() throws IOException {
		Path file = Files.writeString(temp.resolve("secret.wskl"), "driver A pool tag 'Abcd'\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		if (Files.isReadable(file)) {
			return; // root reads any file: nothing to test (Assumptions would need org.opentest4j in the manifest)
		}
		CliRun run = wskl("check", file);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).first().isEqualTo(file + ": error: cannot read: permission denied");
	}

	@Test
	void everyProblemOfAMixedRunIsReportedWithoutStackTraces() throws IOException {
		Path garbage = temp.resolve("garbage.wskl");
		Files.write(garbage, new byte[] { 0, 0, 0 });
		CliRun run = wskl("check", temp.resolve("missing.wskl"), garbage, Examples.example("event_accept.wskl"));
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.outLines()).hasSize(3).last().isEqualTo("3 files checked: 2 errors");
		assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void noFileIsAUsageError() {
		CliRun run = wskl("check");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Missing required parameter").contains("Usage: wskl check");
	}

	private static Object[] concat(String first, List<Path> rest) {
		List<Object> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all.toArray();
	}
}

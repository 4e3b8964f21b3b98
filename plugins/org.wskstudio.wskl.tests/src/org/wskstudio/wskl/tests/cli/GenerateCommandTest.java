package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wsk.generator.WskGenerators;
import org.wskstudio.wskl.testing.Examples;

class GenerateCommandTest {

	@TempDir
	Path temp;

	@Test
	void anInvalidModelWritesNothing() throws IOException {
		Path out = temp.resolve("out");
		Path file = Examples.example("invalid/validation_errors.wskl");
		CliRun run = wskl("generate", "--target", "c", file, "-o", out);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(CliRun.errorLines(run.errLines(), file)).contains(2, 11, 17);
		assertThat(run.errLines()).last().isEqualTo("nothing generated");
		assertThat(out).doesNotExist();
		assertThat(list(temp)).isEmpty();
	}

	@Test
	void oneInvalidModelAmongValidOnesWritesNothingIntoAnExistingFolder() throws IOException {
		Path out = Files.createDirectory(temp.resolve("out"));
		CliRun run = wskl("generate", "-t", "c", Examples.example("event_accept.wskl"),
				Examples.example("invalid/syntax_error.wskl"), "-o", out);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(list(out)).isEmpty();
		assertThat(list(temp)).containsExactly(out);
	}

	@Test
	void aValidModelIsGeneratedAndItsPathsPrinted() throws IOException {
		Path out = temp.resolve("gen/c");
		CliRun run = wskl("generate", "--target", "c", Examples.example("event_accept.wskl"), "-o", out);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.outLines()).isNotEmpty().allSatisfy(line -> {
			Path written = Path.of(line);
			assertThat(written).startsWith(out).isRegularFile();
			assertThat(Files.size(written)).isPositive();
		});
		try (Stream<Path> files = Files.walk(out)) {
			assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(run.outLines().size());
		}
		// the temporary folder is gone
		assertThat(list(temp.resolve("gen"))).containsExactly(out);
	}

	@Test
	void generatingAgainReplacesTheFilesAndKeepsOthers() throws IOException {
		Path out = temp.resolve("out");
		CliRun first = wskl("generate", "--target", "c", Examples.example("irp_accept.wskl"), "-o", out);
		assertThat(first.exitCode()).as(first.toString()).isZero();
		Path mine = Files.writeString(out.resolve("README.txt"), "kept");
		Path generated = Path.of(first.outLines().get(0));
		Files.writeString(generated, "stale");
		CliRun second = wskl("generate", "--target", "c", Examples.example("irp_accept.wskl"), "-o", out);
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(Files.readString(generated)).isNotEqualTo("stale");
		assertThat(Files.readString(mine)).isEqualTo("kept");
		assertThat(list(temp)).containsExactly(out);
	}

	@Test
	void everyValidExampleGeneratesC() {
		for (Path model : Examples.validModels()) {
			Path out = temp.resolve(model.getFileName().toString());
			CliRun run = wskl("generate", "--target", "c", model, "-o", out);
			assertThat(run.exitCode()).as(model + ": " + run).isZero();
			assertThat(out).isDirectory();
		}
	}

	@Test
	void allValidExamplesGenerateIntoOneFolder() {
		Path out = temp.resolve("all");
		List<Object> args = new java.util.ArrayList<>(List.of("generate", "--target", "c", "-o", out));
		args.addAll(Examples.validModels());
		CliRun run = wskl(args.toArray());
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.outLines()).doesNotHaveDuplicates().allSatisfy(line -> assertThat(Path.of(line)).isRegularFile());
	}

	@Test
	void anOutputPathThatIsAFileIsAnError() throws IOException {
		Path out = Files.writeString(temp.resolve("out"), "a file");
		CliRun run = wskl("generate", "--target", "c", Examples.example("event_accept.wskl"), "-o", out);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.errLines()).contains(out + ": error: cannot write the output: not a directory");
		assertThat(Files.readString(out)).isEqualTo("a file");
	}

	@Test
	void aFolderWhereAGeneratedFileGoesStopsTheRunBeforeAnyFileIsReplaced() throws IOException {
		Path out = Files.createDirectory(temp.resolve("out"));
		Path header = Files.writeString(out.resolve("evtacc_driver.h"), "mine");
		Files.createDirectories(out.resolve("evtacc_driver.c/keep"));
		CliRun run = wskl("generate", "--target", "c", Examples.example("event_accept.wskl"), "-o", out);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.errLines()).containsExactly(
				out + ": error: cannot write the output: " + out.resolve("evtacc_driver.c") + " is a folder",
				"nothing generated");
		// the header that comes first is not replaced, nothing is added, no temporary folder is left
		assertThat(Files.readString(header)).isEqualTo("mine");
		assertThat(list(out)).containsExactly(out.resolve("evtacc_driver.c"), header);
		assertThat(list(temp)).containsExactly(out);
	}

	@Test
	void aFileWhereAFolderOfTheOutputGoesIsNamed() throws IOException {
		Path out = Files.createDirectory(temp.resolve("out"));
		Path blocking = Files.writeString(out.resolve("wskstudio"), "a file");
		CliRun java = wskl("generate", "--target", "java", Examples.example("event_accept.wskl"), "-o", out);
		assertThat(java.exitCode()).as(java.toString()).isEqualTo(1);
		assertThat(java.errLines()).containsExactly(
				out + ": error: cannot write the output: " + blocking + " is a file, not a folder", "nothing generated");
		assertThat(list(out)).containsExactly(blocking);

		Path below = blocking.resolve("c");
		CliRun c = wskl("generate", "--target", "c", Examples.example("event_accept.wskl"), "-o", below);
		assertThat(c.exitCode()).as(c.toString()).isEqualTo(1);
		assertThat(c.errLines()).containsExactly(
				below + ": error: cannot write the output: " + blocking + " is a file, not a folder", "nothing generated");
		assertThat(Files.readString(blocking)).isEqualTo("a file");
		assertThat(list(temp)).containsExactly(out);
	}

	@Test
	void anEmptyOutputNameIsAUsageErrorNotTheCurrentFolder() {
		CliRun run = wskl("generate", "--target", "c", Examples.example("event_accept.wskl"), "-o", "");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).startsWith("--output needs a name");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void unknownTargetListsTheKnownOnes() {
		CliRun run = wskl("generate", "--target", "cobol", Examples.example("event_accept.wskl"), "-o", temp.resolve("out"));
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Unknown target 'cobol'; known targets: " + String.join(", ", WskGenerators.targets()));
		assertThat(temp.resolve("out")).doesNotExist();
	}

	@Test
	void theGeneratorListHasOneGeneratorPerTarget() {
		assertThat(WskGenerators.targets()).containsExactly("c", "java");
		assertThat(WskGenerators.create("java").target()).isEqualTo("java");
		assertThat(WskGenerators.forTarget("cobol")).isEmpty();
		assertThatThrownBy(() -> WskGenerators.create("cobol")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("unknown target 'cobol'; known targets: c, java");
	}

	@Test
	void missingOptionsAreUsageErrors() {
		assertThat(wskl("generate", Examples.example("event_accept.wskl"), "-o", temp).exitCode()).isEqualTo(2);
		assertThat(wskl("generate", "--target", "c", Examples.example("event_accept.wskl")).exitCode()).isEqualTo(2);
		assertThat(wskl("generate", "--target", "c", "-o", temp).exitCode()).isEqualTo(2);
	}

	private static List<Path> list(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.sorted().toList();
		}
	}
}

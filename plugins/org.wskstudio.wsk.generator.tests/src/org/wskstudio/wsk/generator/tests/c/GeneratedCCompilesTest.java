package org.wskstudio.wsk.generator.tests.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wskl.testing.Examples;

/** Every example model gives C that compiles with zero diagnostics against mingw's kernel headers. */
class GeneratedCCompilesTest {

	static Stream<String> examples() {
		return Examples.validModels().stream().map(GeneratedC::exampleName);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyUnitCompilesWithoutDiagnostics(String example, @TempDir Path dir) {
		Map<String, String> files = GeneratedC.generate(example);
		GeneratedC.write(files, dir);
		List<String> units = files.keySet().stream().filter(f -> f.endsWith(".c")).toList();
		assertThat(units).as("generated units").isNotEmpty();
		for (String unit : units) {
			GeneratedC.Result r = GeneratedC.compile(dir, unit);
			assertThat(r.output()).as(unit + ": compiler output").isEmpty();
			assertThat(r.exitCode()).as(unit + ": exit code").isZero();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void headerIsSelfContained(String example, @TempDir Path dir) {
		Map<String, String> files = GeneratedC.generate(example);
		String header = files.keySet().stream().filter(f -> f.endsWith("_driver.h")).findFirst().orElseThrow();
		files = new java.util.LinkedHashMap<>(files);
		files.put("self.c", "#include \"" + header + "\"\n");
		GeneratedC.write(files, dir);
		GeneratedC.Result r = GeneratedC.compile(dir, "self.c");
		assertThat(r.output()).isEmpty();
		assertThat(r.exitCode()).isZero();
	}
}

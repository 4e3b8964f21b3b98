package org.wskstudio.wsk.generator.tests.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wskl.testing.Examples;

/**
 * The C of the seed's three scenarios against reviewed golden files in
 * resources/golden/c/<example>/ (system property {@code wsk.golden.update=true}, or the
 * environment variable WSK_GOLDEN_UPDATE=true, rewrites them; review the diff before committing).
 * wsk_decls.h is not kept as a golden file: it has one copy, the generator's resource, and every
 * driver gets it unchanged.
 */
class GeneratedCGoldenTest {

	static Path goldenDir(String example) {
		return Examples.repositoryRoot().resolve("plugins/org.wskstudio.wsk.generator.tests/resources/golden/c").resolve(example);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "irp_accept", "event_accept", "conditional_accept" })
	void matchesGoldenFiles(String example) throws IOException {
		Map<String, String> files = GeneratedC.generate(example);
		files.remove("wsk_decls.h");
		files.remove("netio.def");
		Path dir = goldenDir(example);
		if (Boolean.getBoolean("wsk.golden.update") || "true".equals(System.getenv("WSK_GOLDEN_UPDATE"))) {
			if (Files.isDirectory(dir)) {
				try (var old = Files.list(dir)) {
					for (Path p : old.toList()) {
						Files.delete(p);
					}
				}
			}
			GeneratedC.write(files, dir);
		}
		try (var golden = Files.list(dir)) {
			assertThat(golden.map(p -> p.getFileName().toString()).sorted().toList())
					.as("golden files of " + example).isEqualTo(files.keySet().stream().sorted().toList());
		}
		for (Map.Entry<String, String> f : files.entrySet()) {
			String expected = Files.readString(dir.resolve(f.getKey()), StandardCharsets.UTF_8);
			assertThat(f.getValue()).as(example + "/" + f.getKey()).isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "irp_accept", "event_accept", "conditional_accept" })
	void everyDriverGetsTheDeclarationsHeaderUnchanged(String example) throws IOException {
		assertThat(GeneratedC.generate(example)).containsEntry("wsk_decls.h", CGenerator.declarations());
		assertThat(CGenerator.declarations()).contains("WSK_CLIENT_LISTEN_DISPATCH", "WskInspectComplete");
		assertThat(GeneratedC.generate(example)).containsEntry("netio.def", CGenerator.netioDefinitions());
	}
}

package org.wskstudio.wsk.generator.tests.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/** Same model, same bytes: two independent loads and two generator instances agree. */
class GeneratedCDeterminismTest {

	static Stream<String> examples() {
		return Examples.validModels().stream().map(GeneratedC::exampleName);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void sameModelGivesSameBytes(String example) {
		WskDriver first = ModelLoading.codeModel(Examples.example(example + ".wskl"));
		WskDriver second = ModelLoading.codeModel(Examples.example(example + ".wskl"));
		List<GeneratedFile> a = new CGenerator().generate(first);
		List<GeneratedFile> b = new CGenerator().generate(second);
		List<GeneratedFile> c = new CGenerator().generate(first);
		assertThat(b).isEqualTo(a);
		assertThat(c).isEqualTo(a);
		assertThat(a).allSatisfy(f -> {
			assertThat(f.content()).doesNotContain("\r");
			assertThat(f.content()).endsWith("\n");
		});
	}
}

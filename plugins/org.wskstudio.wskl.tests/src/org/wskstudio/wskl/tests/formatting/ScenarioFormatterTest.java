package org.wskstudio.wskl.tests.formatting;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.tests.WsksInjectorProvider;

import com.google.inject.Inject;

/** The scenario formatter (WsksFormatter): the examples' layout is its fixed point. */
@ExtendWith(InjectionExtension.class)
@InjectWith(WsksInjectorProvider.class)
class ScenarioFormatterTest {

	@Inject
	FormatterTestHelper formatter;

	static Stream<Path> scenarioFiles() {
		return Examples.scenarioFiles().stream();
	}

	@ParameterizedTest
	@MethodSource("scenarioFiles")
	void examplesAreAFixedPointOfTheFormatter(Path file) {
		String text = Examples.read(file);
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(text);
			request.setExpectation(text);
			request.setUseNodeModel(true);
			request.setAllowSyntaxErrors(false);
		});
	}

	@Test
	void squashedScenariosAreLaidOut() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("scenario   A for Echo seed 3 { at 0 ms connect 10.0.0.1 : 1000 -> Public as first"
					+ " expect pended-then-accepted at 5 ms check R answers accept for first"
					+ " at 2 ms connect [2001:db8::5] :1002 to [2001:db8::1]: 80 -> Public drops at 3 ms"
					+ " fail irp allocation 2 at 9 ms fail listener Public expect 1 accepted expect no violations }"
					+ " scenario B for Echo {expect violation IRP_LEAK}");
			request.setExpectation("""
					scenario A for Echo seed 3 {
					    at 0 ms connect 10.0.0.1:1000 -> Public as first expect pended-then-accepted
					    at 5 ms check R answers accept for first
					    at 2 ms connect [2001:db8::5]:1002 to [2001:db8::1]:80 -> Public drops at 3 ms
					    fail irp allocation 2
					    at 9 ms fail listener Public
					    expect 1 accepted
					    expect no violations
					}
					scenario B for Echo {
					    expect violation IRP_LEAK
					}
					""".replace("    ", "\t"));
		});
	}

	@Test
	void blankLinesAndCommentsBetweenScenariosStay() {
		String text = """
				// first
				scenario A for Echo {
					expect no violations
				}


				// second, after two blank lines
				scenario B for Echo {
					expect no violations // the rule checks
				}
				""";
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(text);
			request.setExpectation(text);
		});
	}
}

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
import org.wskstudio.wskl.tests.WsklInjectorProvider;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(WsklInjectorProvider.class)
class FormatterTest {

	@Inject
	FormatterTestHelper formatter;

	static Stream<Path> examples() {
		return Examples.validModels().stream();
	}

	/** The examples are written in the formatter's layout (tabs, Xtext's default): formatting changes nothing. */
	@ParameterizedTest
	@MethodSource("examples")
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
	void squashedModelIsLaidOut() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("driver   E prefix Ec   pool tag 'Echo' deferred check R listener A on dual-stack [::] : 80 {"
					+ " options reuse-address ,conditional-accept accept by event per-socket inspect max pending 8 {"
					+ " reject remote 10.0.0.0 / 8 port 1 - 1024 pend remote [2001:db8::]/32 with check R timeout 1 s else accept"
					+ " default reject } connection handles receive ,disconnect }"
					+ " listener B on ipv4 127.0.0.1:81 { accept by irp queue 2 reuse }");
			request.setExpectation("""
					driver E prefix Ec pool tag 'Echo'

					deferred check R

					listener A on dual-stack [::]:80 {
					    options reuse-address, conditional-accept
					    accept by event per-socket
					    inspect max pending 8 {
					        reject remote 10.0.0.0/8 port 1-1024
					        pend remote [2001:db8::]/32 with check R timeout 1 s else accept
					        default reject
					    }
					    connection handles receive, disconnect
					}

					listener B on ipv4 127.0.0.1:81 {
					    accept by irp queue 2 reuse
					}
					""".replace("    ", "\t"));
		});
	}

	@Test
	void commentsStayWhereTheyAre() {
		String text = """
				// a server
				driver E pool tag 'Echo'

				listener B on ipv4 127.0.0.1:81 {
				    accept by irp // one IRP
				}
				""".replace("    ", "\t");
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(text);
			request.setExpectation(text);
		});
	}
}

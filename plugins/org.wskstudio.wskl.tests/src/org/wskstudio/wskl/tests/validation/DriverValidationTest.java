package org.wskstudio.wskl.tests.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wskstudio.wskl.tests.WsklInjectorProvider;
import org.wskstudio.wskl.validation.WsklIssueCodes;

@ExtendWith(InjectionExtension.class)
@InjectWith(WsklInjectorProvider.class)
class DriverValidationTest extends ValidationTestSupport {

	private static final String BODY = listener("L", 8000, "accept by irp");

	@ParameterizedTest
	@ValueSource(strings = { "Abc", "Abcde", "", "Ab\u00e9d" })
	void poolTagMustBeFourAsciiCharacters(String tag) {
		String model = "driver T pool tag '" + tag + "'\n" + BODY;
		assertThat(issuesWith(model, WsklIssueCodes.INVALID_POOL_TAG)).singleElement().satisfies(i -> {
			assertThat(isError(i)).isTrue();
			assertThat(i.getLineNumber()).isEqualTo(1);
			assertThat(i.getMessage()).contains("four printable ASCII characters");
		});
	}

	@Test
	void fourCharacterPoolTagIsFine() {
		assertThat(codes("driver T pool tag 'Tst1'\n" + BODY)).doesNotContain(WsklIssueCodes.INVALID_POOL_TAG);
	}

	@Test
	void duplicateListenerNamesAreErrors() {
		String model = HEADER + listener("L", 8000, "accept by irp") + listener("L", 8001, "accept by irp");
		assertThat(issuesWith(model, WsklIssueCodes.DUPLICATE_NAME)).singleElement()
				.satisfies(i -> assertThat(i.getLineNumber()).isEqualTo(5));
	}

	@Test
	void duplicateDeferredCheckNamesAreErrors() {
		String model = HEADER + "deferred check A\ndeferred check A\n" + BODY;
		assertThat(issuesWith(model, WsklIssueCodes.DUPLICATE_NAME)).hasSize(1);
	}

	@Test
	void distinctNamesAreFine() {
		String model = HEADER + listener("A", 8000, "accept by irp") + listener("B", 8001, "accept by irp");
		assertThat(codes(model)).doesNotContain(WsklIssueCodes.DUPLICATE_NAME);
	}

	@Test
	void staticEventCallbacksCannotBeMixedWithOtherModes() {
		String model = HEADER + listener("A", 8000, "accept by event static") + listener("B", 8001, "accept by irp");
		assertThat(issuesWith(model, WsklIssueCodes.STATIC_EVENTS_MIXED)).singleElement()
				.satisfies(i -> assertThat(i.getMessage()).contains("'B'"));
	}

	@Test
	void allListenersStaticIsFine() {
		String model = HEADER + listener("A", 8000, "accept by event static") + listener("B", 8001, "accept by event static");
		assertThat(codes(model)).isEmpty();
	}

	@Test
	void unusedDeferredCheckIsAWarning() {
		String model = HEADER + "deferred check Lonely\n" + BODY;
		assertThat(issuesWith(model, WsklIssueCodes.UNUSED_DEFERRED_CHECK)).singleElement()
				.satisfies(i -> assertThat(isError(i)).isFalse());
	}
}

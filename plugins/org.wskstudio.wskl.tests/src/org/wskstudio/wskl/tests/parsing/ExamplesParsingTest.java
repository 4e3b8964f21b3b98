package org.wskstudio.wskl.tests.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;
import org.wskstudio.wskl.wskl.Driver;

/** Every example parses and validates cleanly; every invalid example is rejected. */
class ExamplesParsingTest {

	static Stream<Path> validModels() {
		return Examples.validModels().stream();
	}

	static Stream<Path> invalidModels() {
		return Examples.invalidModels().stream();
	}

	@ParameterizedTest
	@MethodSource("validModels")
	void exampleParsesWithoutSyntaxErrors(Path file) {
		Resource resource = ModelLoading.load(file);
		assertThat(resource.getErrors()).as("syntax errors in %s", file).isEmpty();
		assertThat(resource.getContents()).singleElement().isInstanceOf(Driver.class);
	}

	@ParameterizedTest
	@MethodSource("validModels")
	void exampleHasNoValidationErrorsOrWarnings(Path file) {
		List<Issue> issues = ModelLoading.validate(ModelLoading.load(file));
		assertThat(issues).as("issues in %s", file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("invalidModels")
	void invalidExampleHasErrors(Path file) {
		List<Issue> issues = ModelLoading.validate(ModelLoading.load(file));
		assertThat(issues).as("issues in %s", file).anyMatch(i -> i.getSeverity() == Severity.ERROR);
	}

	@Test
	void syntaxErrorExampleReportsTheListenerLine() {
		List<Issue> issues = ModelLoading.validate(ModelLoading.load(Examples.example("invalid/syntax_error.wskl")));
		assertThat(issues).filteredOn(i -> i.getSeverity() == Severity.ERROR)
				.first().satisfies(issue -> {
					assertThat(issue.getLineNumber()).isEqualTo(4);
					assertThat(issue.getMessage()).contains(":");
				});
	}

	@Test
	void seedSamplesAreAllThere() {
		assertThat(Examples.validModels()).extracting(p -> p.getFileName().toString())
				.contains("irp_accept.wskl", "event_accept.wskl", "conditional_accept.wskl", "dual_stack.wskl");
	}
}

package org.wskstudio.wskl.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.pipeline.FollowOnErrors;

/** The follow-on policy on its own: which issues are reported. */
class FollowOnErrorsTest {

	@Test
	void withoutSyntaxErrorsEverythingButIgnoredIsReported() {
		Issue error = issue(Severity.ERROR, "check"), warning = issue(Severity.WARNING, "check"),
				ignored = issue(Severity.IGNORE, "check");
		assertThat(FollowOnErrors.reported(List.of(error, ignored, warning))).containsExactly(error, warning);
		assertThat(FollowOnErrors.hasErrors(List.of(warning))).isFalse();
		assertThat(FollowOnErrors.hasErrors(List.of(warning, error))).isTrue();
	}

	@Test
	void aSyntaxErrorHidesTheOtherIssues() {
		Issue syntax = issue(Severity.ERROR, Diagnostic.SYNTAX_DIAGNOSTIC), check = issue(Severity.ERROR, "check"),
				warning = issue(Severity.WARNING, "check");
		assertThat(FollowOnErrors.reported(List.of(check, syntax, warning))).containsExactly(syntax);
	}

	private static Issue issue(Severity severity, String code) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(severity);
		issue.setCode(code);
		issue.setSyntaxError(Diagnostic.SYNTAX_DIAGNOSTIC.equals(code));
		issue.setMessage(code);
		return issue;
	}
}

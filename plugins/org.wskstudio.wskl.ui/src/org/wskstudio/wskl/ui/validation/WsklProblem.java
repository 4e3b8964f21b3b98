package org.wskstudio.wskl.ui.validation;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/**
 * One problem of a WSKL text, detached from EMF: what the validator said, where (character
 * offset and length, 1-based line) and its issue code from
 * {@link org.wskstudio.wskl.validation.WsklIssueCodes} (or Xtext's syntax/linking codes).
 */
public record WsklProblem(Severity severity, String message, String code, List<String> data, int offset, int length,
		int line) {

	static WsklProblem of(Issue issue) {
		int offset = issue.getOffset() == null ? 0 : issue.getOffset();
		int length = issue.getLength() == null ? 0 : issue.getLength();
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		List<String> data = issue.getData() == null ? List.of() : List.of(issue.getData());
		return new WsklProblem(issue.getSeverity(), issue.getMessage(), issue.getCode(), data, offset, length, line);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}
}

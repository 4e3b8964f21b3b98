package org.wskstudio.wskl.ui.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * Validates a WSKL text with the language's own validator (syntax, linking and the checks of
 * {@code org.wskstudio.wskl.validation}): the one source of problems for the editor's
 * annotations and the workspace markers.
 */
public final class WsklValidation {

	private WsklValidation() {
	}

	/**
	 * The problems of the text.
	 *
	 * @throws OperationCanceledException when the cancel indicator said so
	 */
	public static List<WsklProblem> validate(String text, CancelIndicator cancel) {
		XtextResource resource = WsklParsing.parse(text);
		IResourceValidator validator = WsklUiPlugin.injector().getInstance(IResourceValidator.class);
		OperationCanceledManager canceledManager = WsklUiPlugin.injector().getInstance(OperationCanceledManager.class);
		List<Issue> issues;
		try {
			issues = validator.validate(resource, CheckMode.ALL, cancel == null ? CancelIndicator.NullImpl : cancel);
		} catch (RuntimeException | Error e) {
			if (canceledManager.isOperationCanceledException(e)) {
				throw new OperationCanceledException();
			}
			throw e;
		}
		List<WsklProblem> problems = new ArrayList<>();
		for (Issue issue : issues) {
			if (issue.getSeverity() != Severity.IGNORE) {
				problems.add(WsklProblem.of(issue));
			}
		}
		return problems;
	}
}

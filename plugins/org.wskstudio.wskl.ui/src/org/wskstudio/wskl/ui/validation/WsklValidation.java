package org.wskstudio.wskl.ui.validation;

import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * Validates a WSKL or WSKS text with the language's pipeline (syntax, linking and the checks of
 * {@code org.wskstudio.wskl.validation}, with the pipeline's policy for follow-on errors): the
 * one source of problems for the editor's annotations and the workspace markers. A scenario is
 * validated against the models next to it; their own problems are theirs, not the scenario's.
 */
public final class WsklValidation {

	private WsklValidation() {
	}

	/** The problems of a WSKL text of no file. */
	public static List<WsklProblem> validate(String text, CancelIndicator cancel) {
		return validate(WskSource.wskl(text), cancel);
	}

	/**
	 * The problems of the source.
	 *
	 * @throws OperationCanceledException when the cancel indicator said so
	 */
	public static List<WsklProblem> validate(WskSource source, CancelIndicator cancel) {
		XtextResource resource = WsklParsing.parse(source);
		OperationCanceledManager canceledManager = source.language().injector().getInstance(OperationCanceledManager.class);
		List<Issue> issues;
		try {
			issues = WsklUiPlugin.pipeline().validate(resource, cancel);
		} catch (RuntimeException | Error e) {
			if (canceledManager.isOperationCanceledException(e)) {
				throw new OperationCanceledException();
			}
			throw e;
		}
		return issues.stream().map(WsklProblem::of).toList();
	}
}

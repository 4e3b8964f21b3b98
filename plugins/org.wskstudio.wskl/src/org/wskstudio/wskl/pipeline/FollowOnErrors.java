package org.wskstudio.wskl.pipeline;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/**
 * The one policy for problems that follow from others, applied by {@link WsklPipeline} for the
 * command line, the editor, the builder and the simulation launch alike:
 * <ul>
 * <li>issues of severity IGNORE are not reported;</li>
 * <li>with a syntax error, only the syntax errors are reported: the checks of a tree the parser
 * had to patch up report noise (a missing port reads as port 0);</li>
 * <li>a model with errors is not transformed to the code model (so nothing is generated or
 * simulated from it), see {@link ModelResult#codeModel()}.</li>
 * </ul>
 */
public final class FollowOnErrors {

	private FollowOnErrors() {
	}

	/** The issues to report, in the validator's order. */
	public static List<Issue> reported(List<Issue> issues) {
		boolean syntax = issues.stream().anyMatch(Issue::isSyntaxError);
		return issues.stream()
				.filter(i -> i.getSeverity() != Severity.IGNORE)
				.filter(i -> !syntax || i.isSyntaxError())
				.toList();
	}

	/** Whether any of the issues is an error (an issue without severity counts as one). */
	public static boolean hasErrors(List<Issue> issues) {
		return issues.stream().anyMatch(i -> i.getSeverity() == null || i.getSeverity() == Severity.ERROR);
	}
}

package org.wskstudio.wskl.ui.validation;

import org.eclipse.jface.text.source.Annotation;

/**
 * A problem found while typing, shown in the editor before the file is saved. It uses the
 * platform's error/warning/info annotation types, so it is drawn, ruled and hovered like any
 * problem, and it keeps the problem (issue code, data) for the quick assist.
 */
public class WsklProblemAnnotation extends Annotation {

	public static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	public static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	public static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private final WsklProblem problem;

	public WsklProblemAnnotation(WsklProblem problem) {
		super(switch (problem.severity()) {
		case ERROR -> ERROR;
		case WARNING -> WARNING;
		default -> INFO;
		}, false, problem.message());
		this.problem = problem;
	}

	public WsklProblem getProblem() {
		return problem;
	}
}

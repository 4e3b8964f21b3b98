package org.wskstudio.wskl.ui.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/**
 * The WSKL problem markers (type {@value #PROBLEM_MARKER}, a persistent problem and text marker
 * declared in plugin.xml): one per problem of the saved file, with its character range, its
 * line and the issue code.
 */
public final class WsklMarkers {

	public static final String PROBLEM_MARKER = "org.wskstudio.wskl.ui.problem";
	/** The issue code ({@link org.wskstudio.wskl.validation.WsklIssueCodes}): what quick fixes key on. */
	public static final String ISSUE_CODE = "issueCode";
	/** The issue's data strings, joined by {@link #DATA_SEPARATOR}. */
	public static final String ISSUE_DATA = "issueData";
	public static final String DATA_SEPARATOR = "\u001f";

	private WsklMarkers() {
	}

	/** Replaces the file's WSKL markers by the given problems. Run inside a workspace operation. */
	public static void replace(IFile file, List<WsklProblem> problems) throws CoreException {
		file.deleteMarkers(PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
		for (WsklProblem problem : problems) {
			file.createMarker(PROBLEM_MARKER, attributes(problem));
		}
	}

	static Map<String, Object> attributes(WsklProblem problem) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(IMarker.MESSAGE, problem.message());
		attributes.put(IMarker.SEVERITY, switch (problem.severity()) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		});
		attributes.put(IMarker.LINE_NUMBER, problem.line());
		attributes.put(IMarker.CHAR_START, problem.offset());
		attributes.put(IMarker.CHAR_END, problem.offset() + problem.length());
		attributes.put(IMarker.LOCATION, "line " + problem.line());
		if (problem.code() != null) {
			attributes.put(ISSUE_CODE, problem.code());
		}
		if (!problem.data().isEmpty()) {
			attributes.put(ISSUE_DATA, String.join(DATA_SEPARATOR, problem.data()));
		}
		return attributes;
	}

	public static String issueCode(IMarker marker) {
		return marker.getAttribute(ISSUE_CODE, null);
	}

	public static List<String> issueData(IMarker marker) {
		String data = marker.getAttribute(ISSUE_DATA, null);
		return data == null ? List.of() : List.of(data.split(DATA_SEPARATOR, -1));
	}
}

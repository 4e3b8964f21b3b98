package org.wskstudio.wsk.generator.c;

import org.wskstudio.wsk.model.Traceable;

/**
 * The "from ..." comments that tie generated C to the model: {@code from listener Public
 * (event_accept.wskl:6)}. Only the file's last path segment is used, so the output does not
 * depend on where the model was read from.
 */
final class CTrace {

	private CTrace() {
	}

	/** {@code listener Public (x.wskl:6)}, or without the location when the model has none. */
	static String of(Traceable element) {
		String origin = element.getOrigin() != null && !element.getOrigin().isBlank() ? element.getOrigin()
				: element.eClass().getName();
		String where = where(element);
		return CLiterals.commentSafe(where.isEmpty() ? origin : origin + " (" + where + ")");
	}

	/** {@code from listener Public (x.wskl:6)} */
	static String from(Traceable element) {
		return "from " + of(element);
	}

	/** {@code x.wskl:6}, or "" when unknown. */
	static String where(Traceable element) {
		String file = element.getSourceFile();
		if (file == null || file.isBlank()) {
			return element.getSourceLine() > 0 ? "line " + element.getSourceLine() : "";
		}
		String name = file.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		return element.getSourceLine() > 0 ? name + ":" + element.getSourceLine() : name;
	}
}

package org.wskstudio.wsk.generator.c;

import org.wskstudio.wsk.generator.common.ModelTrace;
import org.wskstudio.wsk.model.Traceable;

/**
 * The "from ..." comments that tie generated C to the model: {@code from listener Public
 * (event_accept.wskl:6)}, the {@link ModelTrace} text made safe for a C comment.
 */
final class CTrace {

	private CTrace() {
	}

	/** {@code listener Public (x.wskl:6)}, or without the location when the model has none. */
	static String of(Traceable element) {
		return CLiterals.commentSafe(ModelTrace.text(element));
	}

	/** {@code from listener Public (x.wskl:6)} */
	static String from(Traceable element) {
		return "from " + of(element);
	}
}

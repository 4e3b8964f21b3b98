package org.wskstudio.wskl.ui.highlighting;

import java.util.List;
import java.util.Set;

import org.wskstudio.wskl.ui.WsklLexing;
import org.wskstudio.wskl.ui.WsklLexing.WsklToken;

/**
 * Highlighting of WSKS scenarios. The identifier after {@code scenario} or {@code as} is a
 * declaration (a scenario, a named request); the one after {@code for} (the driver, or the
 * request a check answer is for), {@code ->} and {@code listener} (a listener), {@code check}
 * (a deferred check) or {@code violation} (a rule of the simulator) is a reference.
 */
public final class WsksTokenClassifier extends TokenClassifier {

	static final Set<String> VALUES = Set.of("accepted", "pended-then-accepted", "rejected", "timed-out", "aborted",
			"refused", "reset", "unresolved", "accept", "reject", "ms", "s", "irp", "pool");

	private static final Set<String> DECLARING = Set.of("scenario", "as");
	private static final Set<String> REFERRING = Set.of("for", "->", "listener", "check", "violation");

	/** Created after the sets above, which its constructor reads. */
	static final WsksTokenClassifier INSTANCE = new WsksTokenClassifier();

	private WsksTokenClassifier() {
		super(VALUES);
	}

	@Override
	protected WsklHighlightingStyles classifyName(List<WsklToken> tokens, int index) {
		WsklToken previous = WsklLexing.previousVisible(tokens, index);
		if (previous == null) {
			return WsklHighlightingStyles.DEFAULT;
		}
		if (DECLARING.stream().anyMatch(previous::isKeyword)) {
			return WsklHighlightingStyles.DECLARATION;
		}
		if (REFERRING.stream().anyMatch(previous::isKeyword)) {
			return WsklHighlightingStyles.REFERENCE;
		}
		return WsklHighlightingStyles.DEFAULT;
	}
}

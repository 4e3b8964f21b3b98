package org.wskstudio.wskl.ui.highlighting;

import java.util.Set;

/**
 * Highlighting of WSKS scenarios. The identifier after {@code scenario} or {@code as} is a
 * declaration (a scenario, a named request); the one after {@code for} (the driver, or the
 * request a check answer is for), {@code ->} and {@code listener} (a listener), {@code check}
 * (a deferred check) or {@code violation} (a rule of the simulator) is a reference.
 */
public final class WsksTokenClassifier extends TokenClassifier {

	static final Set<String> VALUES = Set.of("accepted", "pended-then-accepted", "rejected", "timed-out", "aborted",
			"refused", "reset", "unresolved", "accept", "reject", "ms", "s", "irp", "pool");

	/** Created after the set above, which its constructor reads. */
	static final WsksTokenClassifier INSTANCE = new WsksTokenClassifier();

	private WsksTokenClassifier() {
		super(VALUES, Set.of("scenario", "as"), Set.of("for", "->", "listener", "check", "violation"));
	}
}

package org.wskstudio.wskl.ui.highlighting;

import java.util.List;
import java.util.Set;

import org.wskstudio.wskl.ui.WsklLexing;
import org.wskstudio.wskl.ui.WsklLexing.WsklToken;

/**
 * Highlighting of WSKL models. The identifier after {@code driver}, {@code listener} or
 * {@code deferred check} is a declaration, the one after {@code with check} a reference; this is
 * exact for this grammar, where an identifier appears nowhere else except after {@code prefix}.
 */
public final class WsklTokenClassifier extends TokenClassifier {

	static final Set<String> VALUES = Set.of("ipv4", "ipv6", "dual-stack", "conditional-accept", "reuse-address",
			"exclusive-address-use", "per-socket", "static", "accept", "reject", "ms", "s", "receive", "disconnect",
			"send-backlog", "irp", "event", "any", "nothing", "reuse", "free");

	/** Created after the set above, which its constructor reads. */
	static final WsklTokenClassifier INSTANCE = new WsklTokenClassifier();

	private WsklTokenClassifier() {
		super(VALUES, Set.of("driver", "listener"), Set.of());
	}

	/** {@code accept} of {@code accept by ...} is a statement keyword, not the decision value. */
	@Override
	protected boolean isValue(List<WsklToken> tokens, int index) {
		WsklToken next = WsklLexing.nextVisible(tokens, index);
		return !(tokens.get(index).text().equals("accept") && next != null && next.isKeyword("by"));
	}

	/** After {@code check}: a declaration in {@code deferred check}, a reference in {@code with check}. */
	@Override
	protected WsklHighlightingStyles classifyName(List<WsklToken> tokens, int index) {
		WsklToken previous = WsklLexing.previousVisible(tokens, index);
		if (previous != null && previous.isKeyword("check")) {
			WsklToken beforeCheck = WsklLexing.previousVisible(tokens, tokens.indexOf(previous));
			return beforeCheck != null && beforeCheck.isKeyword("with") ? WsklHighlightingStyles.REFERENCE
					: WsklHighlightingStyles.DECLARATION;
		}
		return super.classifyName(tokens, index);
	}
}

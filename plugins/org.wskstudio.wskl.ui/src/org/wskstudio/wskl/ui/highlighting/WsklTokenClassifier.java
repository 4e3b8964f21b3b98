package org.wskstudio.wskl.ui.highlighting;

import java.util.List;
import java.util.Set;

import org.wskstudio.wskl.ui.WsklLexing;
import org.wskstudio.wskl.ui.WsklLexing.WsklToken;

/**
 * Maps the lexer's tokens to highlighting styles. Keywords that stand for values (enum
 * literals of the grammar) get their own colour. Names are told apart by the keyword before
 * them: the identifier after {@code driver}, {@code listener} or {@code deferred check} is a
 * declaration, the one after {@code with check} a reference. This is a lexical approximation of
 * semantic highlighting that needs no parse and is exact for this grammar, where an identifier
 * appears nowhere else except after {@code prefix}.
 */
public final class WsklTokenClassifier {

	static final Set<String> VALUES = Set.of("ipv4", "ipv6", "dual-stack", "conditional-accept", "reuse-address",
			"exclusive-address-use", "per-socket", "static", "accept", "reject", "ms", "s", "receive", "disconnect",
			"send-backlog", "irp", "event", "any", "nothing", "reuse", "free");

	private WsklTokenClassifier() {
	}

	public static WsklHighlightingStyles classify(List<WsklToken> tokens, int index) {
		WsklToken token = tokens.get(index);
		switch (token.kind()) {
		case KEYWORD:
			if (VALUES.contains(token.text()) && !isAcceptMode(tokens, index)) {
				return WsklHighlightingStyles.VALUE;
			}
			return WsklHighlightingStyles.KEYWORD;
		case COMMENT:
			return WsklHighlightingStyles.COMMENT;
		case STRING:
			return WsklHighlightingStyles.STRING;
		case INT:
			return WsklHighlightingStyles.NUMBER;
		case ADDRESS:
			return WsklHighlightingStyles.ADDRESS;
		case ID:
			return classifyName(tokens, index);
		default:
			return WsklHighlightingStyles.DEFAULT;
		}
	}

	/** {@code accept} of {@code accept by ...} is a statement keyword, not the decision value. */
	private static boolean isAcceptMode(List<WsklToken> tokens, int index) {
		WsklToken next = WsklLexing.nextVisible(tokens, index);
		return tokens.get(index).text().equals("accept") && next != null && next.isKeyword("by");
	}

	private static WsklHighlightingStyles classifyName(List<WsklToken> tokens, int index) {
		WsklToken previous = WsklLexing.previousVisible(tokens, index);
		if (previous == null) {
			return WsklHighlightingStyles.DEFAULT;
		}
		if (previous.isKeyword("driver") || previous.isKeyword("listener")) {
			return WsklHighlightingStyles.DECLARATION;
		}
		if (previous.isKeyword("check")) {
			int previousIndex = tokens.indexOf(previous);
			WsklToken beforeCheck = WsklLexing.previousVisible(tokens, previousIndex);
			return beforeCheck != null && beforeCheck.isKeyword("with") ? WsklHighlightingStyles.REFERENCE
					: WsklHighlightingStyles.DECLARATION;
		}
		return WsklHighlightingStyles.DEFAULT;
	}
}

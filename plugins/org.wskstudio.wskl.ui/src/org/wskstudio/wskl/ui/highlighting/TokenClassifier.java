package org.wskstudio.wskl.ui.highlighting;

import java.util.List;
import java.util.Set;

import org.wskstudio.wskl.ui.WskLanguage;
import org.wskstudio.wskl.ui.WsklLexing;
import org.wskstudio.wskl.ui.WsklLexing.WsklToken;

/**
 * Maps a language's tokens to highlighting styles. The token kinds every language shares
 * (comments, strings, numbers, addresses) are styled alike; keywords that stand for values
 * (enum literals of the grammar) get their own colour; a name is a declaration or a reference by
 * the keyword before it, a lexical approximation of semantic highlighting that needs no parse.
 */
public abstract class TokenClassifier {

	private final Set<String> values;
	private final Set<String> declaring;
	private final Set<String> referring;

	/**
	 * @param values keywords that are values
	 * @param declaring keywords after which a name is declared
	 * @param referring keywords after which a name refers to a declaration
	 */
	protected TokenClassifier(Set<String> values, Set<String> declaring, Set<String> referring) {
		this.values = values;
		this.declaring = declaring;
		this.referring = referring;
	}

	/** The classifier of a language. */
	public static TokenClassifier of(WskLanguage language) {
		return language == WskLanguage.WSKS ? WsksTokenClassifier.INSTANCE : WsklTokenClassifier.INSTANCE;
	}

	public WsklHighlightingStyles classify(List<WsklToken> tokens, int index) {
		WsklToken token = tokens.get(index);
		return switch (token.kind()) {
		case KEYWORD -> values.contains(token.text()) && isValue(tokens, index) ? WsklHighlightingStyles.VALUE
				: WsklHighlightingStyles.KEYWORD;
		case COMMENT -> WsklHighlightingStyles.COMMENT;
		case STRING -> WsklHighlightingStyles.STRING;
		case INT -> WsklHighlightingStyles.NUMBER;
		case ADDRESS -> WsklHighlightingStyles.ADDRESS;
		case ID -> classifyName(tokens, index);
		default -> WsklHighlightingStyles.DEFAULT;
		};
	}

	/** Whether a keyword that can be a value is one here (some are statement keywords elsewhere). */
	protected boolean isValue(List<WsklToken> tokens, int index) {
		return true;
	}

	/** The style of an identifier: declaration or reference by the keyword before it, else plain. */
	protected WsklHighlightingStyles classifyName(List<WsklToken> tokens, int index) {
		WsklToken previous = WsklLexing.previousVisible(tokens, index);
		if (previous != null && declaring.stream().anyMatch(previous::isKeyword)) {
			return WsklHighlightingStyles.DECLARATION;
		}
		if (previous != null && referring.stream().anyMatch(previous::isKeyword)) {
			return WsklHighlightingStyles.REFERENCE;
		}
		return WsklHighlightingStyles.DEFAULT;
	}
}

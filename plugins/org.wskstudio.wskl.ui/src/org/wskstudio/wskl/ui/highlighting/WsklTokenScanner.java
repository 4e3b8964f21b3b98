package org.wskstudio.wskl.ui.highlighting;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.wskstudio.wskl.ui.WskLanguage;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklLexing;
import org.wskstudio.wskl.ui.WsklLexing.WsklToken;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * An {@link ITokenScanner} over the Xtext lexer of the document's language. It always lexes the whole document (the
 * damager repairs whole documents, see {@link WsklPresentationReconciler}) and then hands out
 * the tokens that touch the requested range.
 */
public class WsklTokenScanner implements ITokenScanner {

	private List<WsklToken> tokens = List.of();
	private TokenClassifier classifier = TokenClassifier.of(WskLanguage.WSKL);
	private int index;
	private int rangeEnd;
	private WsklToken current;

	@Override
	public void setRange(IDocument document, int offset, int length) {
		WskSource source = WskSource.of(document);
		WskLanguage language = source.language();
		classifier = TokenClassifier.of(language);
		try {
			tokens = WsklLexing.tokens(language, source.text());
		} catch (RuntimeException e) {
			WsklUiPlugin.log(language + " highlighting could not lex the document", e);
			tokens = List.of();
		}
		rangeEnd = offset + length;
		index = 0;
		while (index < tokens.size() && tokens.get(index).end() <= offset) {
			index++;
		}
		current = null;
	}

	@Override
	public IToken nextToken() {
		if (index >= tokens.size() || tokens.get(index).offset() >= rangeEnd) {
			current = null;
			return Token.EOF;
		}
		current = tokens.get(index);
		WsklHighlightingStyles style = classifier.classify(tokens, index);
		index++;
		return current.kind() == WsklLexing.Kind.WHITESPACE ? Token.WHITESPACE : new Token(style.attribute());
	}

	@Override
	public int getTokenOffset() {
		return current.offset();
	}

	@Override
	public int getTokenLength() {
		return current.length();
	}
}

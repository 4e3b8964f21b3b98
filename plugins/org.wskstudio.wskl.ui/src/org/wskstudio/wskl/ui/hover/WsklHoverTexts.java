package org.wskstudio.wskl.ui.hover;

import org.wskstudio.wskl.ide.hover.KeywordTexts;
import org.wskstudio.wskl.ui.WskLanguage;

/**
 * The WSK meaning of each keyword for the editors: the texts of
 * {@link KeywordTexts} (ide bundle, shared with the language server).
 */
public final class WsklHoverTexts {

	public static final String ACCEPT_MODE = KeywordTexts.ACCEPT_MODE;
	public static final String ACCEPT_DECISION = KeywordTexts.ACCEPT_DECISION;

	private WsklHoverTexts() {
	}

	/** The WSKL text for a key (a keyword, or {@link #ACCEPT_MODE} / {@link #ACCEPT_DECISION}), or null. */
	public static String get(String key) {
		return get(WskLanguage.WSKL, key);
	}

	/** A language's text for a key, or null. */
	public static String get(WskLanguage language, String key) {
		return KeywordTexts.get(language == WskLanguage.WSKS, key);
	}

	/** The text for a keyword where its context is not known: 'accept' as the decision. */
	public static String forKeyword(WskLanguage language, String keyword) {
		return "accept".equals(keyword) ? get(language, ACCEPT_DECISION) : get(language, keyword);
	}
}

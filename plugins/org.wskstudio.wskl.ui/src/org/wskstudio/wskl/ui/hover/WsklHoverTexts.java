package org.wskstudio.wskl.ui.hover;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.wskstudio.wskl.ui.WskLanguage;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * The WSK meaning of each keyword, from WsklHoverTexts.properties (models) and
 * WsksHoverTexts.properties (scenarios; a keyword it does not list has its WSKL text).
 */
public final class WsklHoverTexts {

	public static final String ACCEPT_MODE = "accept.mode";
	public static final String ACCEPT_DECISION = "accept.decision";

	private static final Properties TEXTS = load("WsklHoverTexts.properties", null);
	private static final Properties SCENARIO_TEXTS = load("WsksHoverTexts.properties", TEXTS);

	private WsklHoverTexts() {
	}

	private static Properties load(String name, Properties defaults) {
		Properties properties = new Properties(defaults);
		try (InputStream in = WsklHoverTexts.class.getResourceAsStream(name);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		} catch (IOException | NullPointerException e) {
			WsklUiPlugin.log("Could not read the hover texts " + name, e);
		}
		return properties;
	}

	/** The WSKL text for a key (a keyword, or {@link #ACCEPT_MODE} / {@link #ACCEPT_DECISION}), or null. */
	public static String get(String key) {
		return get(WskLanguage.WSKL, key);
	}

	/** A language's text for a key, or null. */
	public static String get(WskLanguage language, String key) {
		return (language == WskLanguage.WSKS ? SCENARIO_TEXTS : TEXTS).getProperty(key);
	}

	/** The text for a keyword where its context is not known: 'accept' as the decision. */
	public static String forKeyword(WskLanguage language, String keyword) {
		return "accept".equals(keyword) ? get(language, ACCEPT_DECISION) : get(language, keyword);
	}
}

package org.wskstudio.wskl.ide.hover;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.apache.log4j.Logger;

/**
 * The WSK meaning of each keyword, from WsklHoverTexts.properties (models) and
 * WsksHoverTexts.properties (scenarios; a keyword it does not list has its WSKL text): one copy
 * for the Eclipse hover and the language server's hover.
 */
public final class KeywordTexts {

	/** The key of 'accept' in 'accept by ...'. */
	public static final String ACCEPT_MODE = "accept.mode";
	/** The key of 'accept' as an inspect decision. */
	public static final String ACCEPT_DECISION = "accept.decision";

	private static final Properties MODEL_TEXTS = load("WsklHoverTexts.properties", null);
	private static final Properties SCENARIO_TEXTS = load("WsksHoverTexts.properties", MODEL_TEXTS);

	private KeywordTexts() {
	}

	private static Properties load(String name, Properties defaults) {
		Properties properties = new Properties(defaults);
		try (InputStream in = KeywordTexts.class.getResourceAsStream(name);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		} catch (IOException | NullPointerException e) {
			Logger.getLogger(KeywordTexts.class).error("Could not read the hover texts " + name, e);
		}
		return properties;
	}

	/** The text for a key (a keyword, {@link #ACCEPT_MODE} or {@link #ACCEPT_DECISION}) in a model or a scenario, or null. */
	public static String get(boolean scenario, String key) {
		return (scenario ? SCENARIO_TEXTS : MODEL_TEXTS).getProperty(key);
	}

	/** The key of a keyword given the keyword that follows it: 'accept' is a mode before 'by', else a decision. */
	public static String key(String keyword, String next) {
		return "accept".equals(keyword) ? ("by".equals(next) ? ACCEPT_MODE : ACCEPT_DECISION) : keyword;
	}
}

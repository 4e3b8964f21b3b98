package org.wskstudio.wskl.ui.hover;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.wskstudio.wskl.ui.WsklUiPlugin;

/** The WSK meaning of each WSKL keyword, from WsklHoverTexts.properties. */
public final class WsklHoverTexts {

	public static final String ACCEPT_MODE = "accept.mode";
	public static final String ACCEPT_DECISION = "accept.decision";

	private static final Properties TEXTS = load();

	private WsklHoverTexts() {
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = WsklHoverTexts.class.getResourceAsStream("WsklHoverTexts.properties");
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		} catch (IOException | NullPointerException e) {
			WsklUiPlugin.log("Could not read the WSKL hover texts", e);
		}
		return properties;
	}

	/** The text for a key (a keyword, or {@link #ACCEPT_MODE} / {@link #ACCEPT_DECISION}), or null. */
	public static String get(String key) {
		return TEXTS.getProperty(key);
	}

	/** The text for a keyword where its context is not known: 'accept' as the decision. */
	public static String forKeyword(String keyword) {
		return "accept".equals(keyword) ? get(ACCEPT_DECISION) : get(keyword);
	}
}

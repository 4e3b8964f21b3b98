package org.wskstudio.wskl.ui.navigation;

import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;

/** Bracket matching of WSKL: blocks {...} and IPv6 addresses [...]. */
public class WsklCharacterPairMatcher extends DefaultCharacterPairMatcher {

	public WsklCharacterPairMatcher() {
		super(new char[] { '{', '}', '[', ']' });
	}
}

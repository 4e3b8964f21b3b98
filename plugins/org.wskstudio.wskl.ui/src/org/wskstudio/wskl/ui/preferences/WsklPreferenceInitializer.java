package org.wskstudio.wskl.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

/** Registered in plugin.xml ({@code org.eclipse.core.runtime.preferences}). */
public class WsklPreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		WsklPreferences.initializeDefaults();
	}
}

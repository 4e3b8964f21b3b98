package org.wskstudio.wskl.ui.validation;

import org.eclipse.ui.IStartup;

/**
 * Starts this bundle with the workbench, so that the marker updater (installed by the
 * activator) also follows .wskl files changed before any WSKL editor was opened.
 */
public class WsklStartup implements IStartup {

	@Override
	public void earlyStartup() {
		// loading this class activated the bundle; nothing else to do
	}
}

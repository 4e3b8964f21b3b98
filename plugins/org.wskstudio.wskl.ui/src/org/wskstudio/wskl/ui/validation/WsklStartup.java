package org.wskstudio.wskl.ui.validation;

import java.io.File;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * Starts this bundle with the workbench, so that the marker updater (installed by the
 * activator) also follows .wskl files changed before any WSKL editor was opened. When the
 * system property {@value #OPEN_PROPERTY} names a file (e.g. {@code -Dwskstudio.open=/path/x.wskl}
 * after {@code -vmargs}), it is opened in an editor once the workbench window is up.
 */
public class WsklStartup implements IStartup {

	public static final String OPEN_PROPERTY = "wskstudio.open";

	@Override
	public void earlyStartup() {
		String path = System.getProperty(OPEN_PROPERTY);
		if (path == null || path.isBlank()) {
			return;
		}
		File file = new File(path);
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
				window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
			}
			if (window == null || window.getActivePage() == null || !file.isFile()) {
				return;
			}
			try {
				IDE.openEditorOnFileStore(window.getActivePage(), EFS.getLocalFileSystem().getStore(file.toURI()));
			} catch (PartInitException e) {
				WsklUiPlugin.log("Could not open " + file, e);
			}
		});
	}
}

package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.wizards.WsklProjects;

/**
 * Opens an example in the editor and saves a screenshot of the workbench window (SWT GC copyArea)
 * to the file named by the system property {@code wsk.screenshot} (set in pom.xml to
 * target/screenshots/editor.png), to look at the test workbench; the README's screenshots come
 * from the product (docs/ide.md).
 */
class ScreenshotTest {

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
		var project = org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot().getProject("wskl-examples");
		if (project.exists()) {
			project.delete(true, true, new NullProgressMonitor());
		}
	}

	@Test
	void screenshotOfTheEditorOnAnExample() throws Exception {
		IProject project = WsklProjects.createExampleProject("wskl-examples", null, new NullProgressMonitor());
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1200, 820);
		shell.setActive();
		ITextEditor editor = Workbench.open(project.getFile("conditional_accept.wskl"));
		assertThat(Workbench.document(editor).get()).contains("driver");
		Display display = shell.getDisplay();
		long end = System.currentTimeMillis() + 2_000; // let highlighting, folding and markers settle
		while (System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				display.timerExec(50, () -> {
				});
				display.sleep();
			}
		}
		String target = System.getProperty("wsk.screenshot");
		if (target == null) {
			return;
		}
		Rectangle bounds = shell.getBounds();
		GC gc = new GC(display);
		Image image = new Image(display, bounds.width, bounds.height);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageData data = image.getImageData();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { data };
			File file = new File(target);
			file.getParentFile().mkdirs();
			loader.save(file.getAbsolutePath(), SWT.IMAGE_PNG);
			assertThat(file).exists();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}

package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.wskstudio.wskl.ui.highlighting.WsklHighlightingStyles;
import org.wskstudio.wskl.ui.validation.WsklMarkerUpdater;
import org.wskstudio.wskl.ui.validation.WsklMarkers;
import org.wskstudio.wskl.ui.validation.WsklProblemAnnotation;

/** The running workbench of the tests: a test project, editors, and waiting for asynchronous work. */
public final class Workbench {

	static final String GENERIC_EDITOR_ID = "org.eclipse.ui.genericeditor.GenericEditor";
	static final long TIMEOUT_MILLIS = 20_000;

	/** A valid WSKL file with conditional accept, a deferred check and a pend rule. */
	static final String GUARDED = """
			// conditional accept with a deferred check
			driver Guard prefix Guard pool tag 'Grd1'

			deferred check Reputation "asks the reputation service"

			listener Public on ipv4 0.0.0.0:40009 {
				options conditional-accept
				accept by event per-socket
				inspect {
					reject remote 10.0.0.0/8
					pend remote 172.16.0.0/12 with check Reputation timeout 500 ms else reject
					default reject
				}
				connection handles receive, disconnect
			}
			""";

	/** A valid scenario for {@link #GUARDED} (saved next to it as guard.wskl): reject, pend and answer. */
	static final String GUARDED_SCENARIO = """
			// the seed's flows
			scenario Flows for Guard seed 7 {
				at 0 ms connect 10.1.2.3:5555 -> Public expect rejected
				at 2 ms connect 172.16.0.5:1234 -> Public as slow expect pended-then-accepted
				at 300 ms check Reputation answers accept for slow
				expect no violations
			}
			""";

	private Workbench() {
	}

	static IProject project() throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("wskl-ui-tests");
		if (!project.exists()) {
			project.create(new NullProgressMonitor());
		}
		if (!project.isOpen()) {
			project.open(new NullProgressMonitor());
		}
		return project;
	}

	static IFile createFile(String name, String content) throws CoreException {
		IFile file = project().getFile(name);
		InputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, IResource.FORCE, new NullProgressMonitor());
		} else {
			file.create(in, IResource.FORCE, new NullProgressMonitor());
		}
		file.setCharset("UTF-8", new NullProgressMonitor());
		return file;
	}

	static String read(IFile file) throws CoreException, IOException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	public static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	static ITextEditor open(IFile file) throws CoreException {
		IEditorPart part = IDE.openEditor(page(), file, true);
		ITextEditor editor = part.getAdapter(ITextEditor.class);
		if (editor == null) {
			fail(file.getName() + " opened in " + part.getClass().getName() + ", not a text editor");
		}
		processEvents();
		return editor;
	}

	static ISourceViewer viewer(ITextEditor editor) {
		return (ISourceViewer) editor.getAdapter(org.eclipse.jface.text.ITextViewer.class);
	}

	static IDocument document(ITextEditor editor) {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	static void closeAllAndClean() throws CoreException {
		IWorkbenchPage page = page();
		if (page != null) {
			page.closeAllEditors(false);
		}
		processEvents();
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("wskl-ui-tests");
		if (project.exists()) {
			project.delete(true, true, new NullProgressMonitor());
		}
		processEvents();
	}

	public static void processEvents() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// drain
		}
	}

	/** Runs the event loop until the condition holds; fails after {@link #TIMEOUT_MILLIS}. */
	static void waitUntil(String what, BooleanSupplier condition) {
		waitFor(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
	}

	/** Runs the event loop until the supplier gives a non-null value, and returns it. */
	static <T> T waitFor(String what, Supplier<T> supplier) {
		return waitFor(what, TIMEOUT_MILLIS, supplier);
	}

	/** Runs the event loop until the supplier gives a non-null value, and returns it; fails after the timeout. */
	public static <T> T waitFor(String what, long timeoutMillis, Supplier<T> supplier) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + timeoutMillis;
		while (true) {
			T value = supplier.get();
			if (value != null) {
				return value;
			}
			if (System.currentTimeMillis() > end) {
				return fail("Timed out after " + timeoutMillis + " ms waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
					// wakes up the sleep below
				});
				display.sleep();
			}
		}
	}

	/** Waits for the marker jobs scheduled so far (they need no UI thread). */
	static void joinMarkerJobs() {
		try {
			Job.getJobManager().join(WsklMarkerUpdater.JOB_FAMILY, null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		processEvents();
	}

	/** The WSKL problem markers of a file with the issue code (all of them for null). */
	static List<IMarker> markers(IFile file, String issueCode) {
		try {
			List<IMarker> result = new ArrayList<>();
			for (IMarker marker : file.findMarkers(WsklMarkers.PROBLEM_MARKER, true, IResource.DEPTH_ZERO)) {
				if (issueCode == null || issueCode.equals(WsklMarkers.issueCode(marker))) {
					result.add(marker);
				}
			}
			return result;
		} catch (CoreException e) {
			return fail("Could not read markers", e);
		}
	}

	static IMarker waitForMarker(IFile file, String issueCode) {
		return waitFor("a marker " + issueCode + " on " + file.getName(), () -> {
			List<IMarker> markers = markers(file, issueCode);
			return markers.isEmpty() ? null : markers.get(0);
		});
	}

	/** The as-you-type problem annotations of the editor's document. */
	static List<WsklProblemAnnotation> problemAnnotations(ITextEditor editor) {
		IAnnotationModel model = viewer(editor).getAnnotationModel();
		List<WsklProblemAnnotation> result = new ArrayList<>();
		if (model != null) {
			for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
				if (it.next() instanceof WsklProblemAnnotation annotation) {
					result.add(annotation);
				}
			}
		}
		return result;
	}

	/** How many folding regions the editor has. */
	static int foldingRegions(ITextEditor editor) {
		ProjectionAnnotationModel model = ((ProjectionViewer) viewer(editor)).getProjectionAnnotationModel();
		int count = 0;
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext(); it.next()) {
			count++;
		}
		return count;
	}

	/** Whether the text at the offset has the style's colour and font style (bold, italic). */
	static boolean hasStyle(StyledText text, int offset, WsklHighlightingStyles expected) {
		StyleRange range = text.getStyleRangeAtOffset(offset);
		if (range == null) {
			return expected.attribute().getForeground() == null;
		}
		int fontStyles = SWT.BOLD | SWT.ITALIC;
		return range.foreground != null && range.foreground.equals(expected.attribute().getForeground())
				&& (range.fontStyle & fontStyles) == (expected.attribute().getStyle() & fontStyles);
	}

	static WsklProblemAnnotation waitForProblemAnnotation(ITextEditor editor, String issueCode) {
		return waitFor("an annotation " + issueCode, () -> problemAnnotations(editor).stream()
				.filter(a -> issueCode.equals(a.getProblem().code())).findFirst().orElse(null));
	}
}

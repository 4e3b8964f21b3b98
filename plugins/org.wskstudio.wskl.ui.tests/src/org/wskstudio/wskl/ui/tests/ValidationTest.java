package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.validation.WsklMarkers;
import org.wskstudio.wskl.ui.validation.WsklProblemAnnotation;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/** Problems appear as annotations while typing, and as markers when the file is saved. */
class ValidationTest {

	private static final String SYNTAX = "org.eclipse.xtext.diagnostics.Diagnostic.Syntax";

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	@Test
	void aValidFileHasNoProblems() throws Exception {
		IFile file = Workbench.createFile("valid.wskl", Workbench.GUARDED);
		ITextEditor editor = Workbench.open(file);
		IDocument document = Workbench.document(editor);
		// a change that keeps the file valid, so that the reconciler surely ran once
		document.replace(document.get().indexOf("40009"), 5, "40010");
		Workbench.waitUntil("no problem annotations", () -> Workbench.problemAnnotations(editor).isEmpty());
		editor.doSave(null);
		Workbench.joinMarkerJobs();

		assertThat(Workbench.markers(file, null)).isEmpty();
	}

	@Test
	void typingAnErrorShowsAnAnnotationOnItsLine() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("typing.wskl", Workbench.GUARDED));
		IDocument document = Workbench.document(editor);

		int poolTag = document.get().indexOf("'Grd1'");
		document.replace(poolTag, "'Grd1'".length(), "'Guard'");

		WsklProblemAnnotation annotation = Workbench.waitForProblemAnnotation(editor, WsklIssueCodes.INVALID_POOL_TAG);
		IAnnotationModel model = Workbench.viewer(editor).getAnnotationModel();
		Position position = model.getPosition(annotation);
		assertThat(annotation.getType()).isEqualTo(WsklProblemAnnotation.ERROR);
		assertThat(document.getLineOfOffset(position.getOffset())).isEqualTo(1);
		assertThat(document.get(position.getOffset(), position.getLength())).isEqualTo("'Guard'");
		assertThat(annotation.getText()).contains("four printable ASCII characters");
	}

	@Test
	void aSyntaxErrorIsShownWhereItIs() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("syntax.wskl", Workbench.GUARDED));
		IDocument document = Workbench.document(editor);

		int port = document.get().indexOf("40009");
		document.replace(port, "40009".length(), "http");

		// Xtext's code of syntax errors (org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC)
		WsklProblemAnnotation annotation = Workbench.waitFor("a syntax error annotation", () -> Workbench
				.problemAnnotations(editor).stream().filter(a -> SYNTAX.equals(a.getProblem().code())).findFirst().orElse(null));
		Position position = Workbench.viewer(editor).getAnnotationModel().getPosition(annotation);
		assertThat(annotation.getType()).isEqualTo(WsklProblemAnnotation.ERROR);
		assertThat(document.getLineOfOffset(position.getOffset())).isEqualTo(5);
		assertThat(document.get(position.getOffset(), position.getLength())).isEqualTo("http");
	}

	@Test
	void savingCreatesMarkersWithRangeLineAndIssueCode() throws Exception {
		IFile file = Workbench.createFile("saved.wskl", Workbench.GUARDED);
		ITextEditor editor = Workbench.open(file);
		IDocument document = Workbench.document(editor);

		String defaultLine = "\t\tdefault reject\n";
		document.replace(document.get().indexOf(defaultLine), defaultLine.length(), "");
		Workbench.waitForProblemAnnotation(editor, WsklIssueCodes.MISSING_DEFAULT_ACTION);
		assertThat(Workbench.markers(file, null)).as("no marker before the save").isEmpty();

		editor.doSave(null);

		IMarker marker = Workbench.waitForMarker(file, WsklIssueCodes.MISSING_DEFAULT_ACTION);
		int inspect = document.get().indexOf("inspect {");
		assertThat(marker.getAttribute(IMarker.SEVERITY, -1)).isEqualTo(IMarker.SEVERITY_ERROR);
		assertThat(marker.getAttribute(IMarker.LINE_NUMBER, -1)).isEqualTo(document.getLineOfOffset(inspect) + 1);
		assertThat(marker.getAttribute(IMarker.CHAR_START, -1)).isEqualTo(inspect);
		assertThat(marker.getAttribute(IMarker.CHAR_END, -1)).isEqualTo(inspect + "inspect".length());
		assertThat(marker.getAttribute(WsklMarkers.ISSUE_CODE, "")).isEqualTo(WsklIssueCodes.MISSING_DEFAULT_ACTION);
		assertThat(marker.getAttribute(IMarker.MESSAGE, "")).contains("default accept");
		assertThat(marker.isSubtypeOf(IMarker.PROBLEM)).isTrue();

		// after the save the marker shows the problem in the editor, once
		Workbench.waitUntil("the marker annotation replacing the typing annotation",
				() -> Workbench.problemAnnotations(editor).isEmpty() && visibleMarkerAnnotations(editor) == 1);

		// and typing again hands over to the as-you-type annotations
		document.replace(document.get().indexOf("\t}\n\tconnection"), 0, "\t\tdefault accept\n");
		Workbench.waitUntil("no annotation and a hidden marker annotation",
				() -> Workbench.problemAnnotations(editor).isEmpty() && visibleMarkerAnnotations(editor) == 0);
		editor.doSave(null);
		Workbench.waitUntil("the marker gone after the save", () -> Workbench.markers(file, null).isEmpty());
	}

	@Test
	void aFileChangedOutsideAnEditorGetsMarkers() throws Exception {
		IFile file = Workbench.createFile("closed.wskl", Workbench.GUARDED.replace("timeout 500 ms ", ""));

		IMarker marker = Workbench.waitForMarker(file, WsklIssueCodes.PEND_WITHOUT_TIMEOUT);

		String text = Workbench.read(file);
		int check = text.indexOf("Reputation else");
		assertThat(marker.getAttribute(IMarker.CHAR_START, -1)).isEqualTo(check);
		assertThat(marker.getAttribute(IMarker.CHAR_END, -1)).isEqualTo(check + "Reputation".length());
		assertThat(marker.getAttribute(IMarker.LINE_NUMBER, -1)).isEqualTo(11);
	}

	private static int visibleMarkerAnnotations(ITextEditor editor) {
		IAnnotationModel model = Workbench.viewer(editor).getAnnotationModel();
		int count = 0;
		for (var it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation marker && !marker.isMarkedDeleted()
					&& WsklMarkers.PROBLEM_MARKER.equals(type(marker))) {
				count++;
			}
		}
		return count;
	}

	private static String type(MarkerAnnotation annotation) {
		try {
			return annotation.getMarker().getType();
		} catch (Exception e) {
			return null;
		}
	}
}

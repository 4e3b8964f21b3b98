package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.highlighting.WsklHighlightingStyles;
import org.wskstudio.wskl.ui.validation.WsklProblemAnnotation;
import org.wskstudio.wskl.validation.WsksIssueCodes;

/**
 * A .wsks scenario opens in the generic editor with its own content type, coloured and folded,
 * and is validated against the model next to it: while typing, on save, and again when the
 * model changes.
 */
class ScenarioEditorTest {

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	private static IFile scenario(String text) throws Exception {
		Workbench.createFile("guard.wskl", Workbench.GUARDED);
		return Workbench.createFile("guard.wsks", text);
	}

	@Test
	void scenarioOpensInTheGenericEditorWithTheScenarioContentType() throws Exception {
		IFile file = scenario(Workbench.GUARDED_SCENARIO);

		ITextEditor editor = Workbench.open(file);

		assertThat(editor.getSite().getId()).isEqualTo(Workbench.GENERIC_EDITOR_ID);
		assertThat(file.getContentDescription().getContentType().getId()).isEqualTo(WsklFiles.SCENARIO_CONTENT_TYPE_ID);
	}

	@Test
	void namesAreColouredAsDeclarationsAndReferences() throws Exception {
		ITextEditor editor = Workbench.open(scenario(Workbench.GUARDED_SCENARIO));
		StyledText text = Workbench.viewer(editor).getTextWidget();
		String source = Workbench.GUARDED_SCENARIO;

		Workbench.waitUntil("the keyword 'scenario' coloured",
				() -> Workbench.hasStyle(text, source.indexOf("scenario"), WsklHighlightingStyles.KEYWORD));

		assertThat(Workbench.hasStyle(text, source.indexOf("Flows"), WsklHighlightingStyles.DECLARATION)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("Guard"), WsklHighlightingStyles.REFERENCE)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("Public"), WsklHighlightingStyles.REFERENCE)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("slow"), WsklHighlightingStyles.DECLARATION)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("pended-then-accepted"), WsklHighlightingStyles.VALUE)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("172.16.0.5"), WsklHighlightingStyles.ADDRESS)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("// the"), WsklHighlightingStyles.COMMENT)).isTrue();
	}

	@Test
	void theScenarioBlockFolds() throws Exception {
		ITextEditor editor = Workbench.open(scenario(Workbench.GUARDED_SCENARIO));

		Workbench.waitUntil("one folding region", () -> Workbench.foldingRegions(editor) == 1);
	}

	@Test
	void aValidScenarioHasNoProblemsAgainstItsModel() throws Exception {
		IFile file = scenario(Workbench.GUARDED_SCENARIO);
		ITextEditor editor = Workbench.open(file);
		IDocument document = Workbench.document(editor);
		// a change that keeps the file valid, so that the reconciler surely ran once
		document.replace(document.get().indexOf("5555"), 4, "5556");
		Workbench.waitUntil("no problem annotations", () -> Workbench.problemAnnotations(editor).isEmpty());
		editor.doSave(null);
		Workbench.joinMarkerJobs();

		assertThat(Workbench.markers(file, null)).isEmpty();
	}

	@Test
	void typingAnUnknownListenerShowsALinkingErrorOnItsLine() throws Exception {
		ITextEditor editor = Workbench.open(scenario(Workbench.GUARDED_SCENARIO));
		IDocument document = Workbench.document(editor);

		int listener = document.get().indexOf("Public");
		document.replace(listener, "Public".length(), "Nowhere");

		WsklProblemAnnotation annotation = Workbench.waitForProblemAnnotation(editor, Diagnostic.LINKING_DIAGNOSTIC);
		Position position = Workbench.viewer(editor).getAnnotationModel().getPosition(annotation);
		assertThat(annotation.getType()).isEqualTo(WsklProblemAnnotation.ERROR);
		assertThat(document.getLineOfOffset(position.getOffset())).isEqualTo(2);
		assertThat(document.get(position.getOffset(), position.getLength())).isEqualTo("Nowhere");
		assertThat(annotation.getText()).contains("Nowhere");
	}

	@Test
	void aScenarioCheckOfTheLanguageShowsWhileTyping() throws Exception {
		ITextEditor editor = Workbench.open(scenario(Workbench.GUARDED_SCENARIO));
		IDocument document = Workbench.document(editor);

		// an IPv6 client cannot reach the IPv4-only listener Public
		int remote = document.get().indexOf("10.1.2.3:5555");
		document.replace(remote, "10.1.2.3:5555".length(), "[2001:db8::1]:5555");

		WsklProblemAnnotation annotation = Workbench.waitForProblemAnnotation(editor, WsksIssueCodes.UNREACHABLE_LISTENER);
		Position position = Workbench.viewer(editor).getAnnotationModel().getPosition(annotation);
		assertThat(document.getLineOfOffset(position.getOffset())).isEqualTo(2);
	}

	@Test
	void savingAChangedModelRevalidatesTheScenariosNextToIt() throws Exception {
		IFile model = Workbench.createFile("guard.wskl", Workbench.GUARDED);
		IFile file = Workbench.createFile("guard.wsks", Workbench.GUARDED_SCENARIO);
		Workbench.joinMarkerJobs();
		assertThat(Workbench.markers(file, null)).isEmpty();

		// the listener is renamed in the model: the scenario's references to it break
		Workbench.createFile(model.getName(), Workbench.GUARDED.replace("Public", "Front"));

		IMarker marker = Workbench.waitForMarker(file, Diagnostic.LINKING_DIAGNOSTIC);
		assertThat(marker.getAttribute(IMarker.LINE_NUMBER, -1)).isEqualTo(3);
		assertThat(marker.getAttribute(IMarker.MESSAGE, "")).contains("Public");
		assertThat(Workbench.markers(file, Diagnostic.LINKING_DIAGNOSTIC)).hasSize(2);

		// and back: the markers go
		Workbench.createFile(model.getName(), Workbench.GUARDED);
		Workbench.waitUntil("no markers on the scenario", () -> Workbench.markers(file, null).isEmpty());
	}
}

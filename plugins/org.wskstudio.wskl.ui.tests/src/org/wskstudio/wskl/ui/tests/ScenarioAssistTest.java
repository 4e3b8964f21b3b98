package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.HyperlinkManager;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.contentassist.WsklContentAssistProcessor;
import org.wskstudio.wskl.ui.format.WsklFormatHandler;
import org.wskstudio.wskl.ui.hover.WsklTextHover;
import org.wskstudio.wskl.ui.outline.WsklOutlinePage;
import org.wskstudio.wskl.ui.quickfix.WsklQuickAssistProcessor;
import org.wskstudio.wskl.ui.validation.WsklProblemAnnotation;

/**
 * What a scenario's editor offers besides validation, all of it resolved against the model next
 * to the scenario: content assist, hover, go to definition into the model, outline, quick fixes
 * of unresolved names, format.
 */
class ScenarioAssistTest {

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	private static ITextEditor open(String scenario) throws Exception {
		return open("guard.wsks", scenario);
	}

	private static ITextEditor open(String name, String scenario) throws Exception {
		Workbench.createFile("guard.wskl", Workbench.GUARDED);
		return Workbench.open(Workbench.createFile(name, scenario));
	}

	private int files;

	/** The proposals at the '|' of the text, in a new scenario file next to guard.wskl. */
	private List<String> proposals(String textWithCaret) throws Exception {
		int caret = textWithCaret.indexOf('|');
		ITextEditor editor = open("assist" + ++files + ".wsks",
				textWithCaret.substring(0, caret) + textWithCaret.substring(caret + 1));
		ICompletionProposal[] proposals = new WsklContentAssistProcessor()
				.computeCompletionProposals(Workbench.viewer(editor), caret);
		return Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
	}

	@Test
	void contentAssistProposesTheModelsDriversListenersAndChecks() throws Exception {
		assertThat(proposals("scenario S for |")).containsExactly("Guard");
		assertThat(proposals("scenario S for Guard {\n\tat 0 ms connect 10.0.0.1:1000 -> |\n}\n")).containsExactly("Public");
		assertThat(proposals("scenario S for Guard {\n\tat 5 ms check |\n}\n")).containsExactly("Reputation");
	}

	@Test
	void aPartlyTypedNameIsCompletedAloneAndDescribedByItsDeclaration() throws Exception {
		String text = Workbench.GUARDED_SCENARIO.replace("5555 -> Public", "5555 -> Pub");
		ITextEditor editor = open(text);
		int caret = text.indexOf("-> Pub") + "-> Pub".length();

		ICompletionProposal[] proposals = new WsklContentAssistProcessor()
				.computeCompletionProposals(Workbench.viewer(editor), caret);

		// only what completes 'Pub', not what could follow it ('}', 'expect', ...)
		assertThat(proposals).extracting(ICompletionProposal::getDisplayString).containsExactly("Public");
		assertThat(proposals[0].getAdditionalProposalInfo()).startsWith("Listener Public (guard.wskl:6):")
				.contains("accept by event per-socket");
		proposals[0].apply(Workbench.document(editor));
		assertThat(Workbench.document(editor).get()).isEqualTo(Workbench.GUARDED_SCENARIO);
	}

	@Test
	void contentAssistProposesStepsOutcomesAndRequests() throws Exception {
		assertThat(proposals("scenario S for Guard {\n\t|\n}\n")).contains("at", "fail", "expect");
		assertThat(proposals("scenario S for Guard {\n\tat 0 ms |\n}\n")).contains("connect", "check", "fail");
		assertThat(proposals("scenario S for Guard {\n\tat 0 ms connect 10.0.0.1:1000 -> Public expect |\n}\n"))
				.contains("accepted", "pended-then-accepted", "rejected", "timed-out", "aborted", "refused", "reset");
		assertThat(proposals(Workbench.GUARDED_SCENARIO.replace("accept for slow", "accept for |slow")))
				.containsExactly("slow");
	}

	@Test
	void hoverShowsWhatANameRefersToAndWhatAKeywordMeans() throws Exception {
		ITextEditor editor = open(Workbench.GUARDED_SCENARIO);
		WskSource source = WskSource.of(Workbench.document(editor));
		String text = Workbench.GUARDED_SCENARIO;

		assertThat(WsklTextHover.hoverText(source, text.indexOf("Public") + 2))
				.startsWith("Listener Public (guard.wskl:6):")
				.contains("listener Public on ipv4 0.0.0.0:40009", "accept by event per-socket");
		assertThat(WsklTextHover.hoverText(source, text.indexOf("Reputation") + 1))
				.startsWith("Deferred check Reputation (guard.wskl:4)").contains("asks the reputation service");
		assertThat(WsklTextHover.hoverText(source, text.indexOf("Guard") + 1)).startsWith("Driver Guard (guard.wskl:2)");
		assertThat(WsklTextHover.hoverText(source, text.lastIndexOf("slow") + 1))
				.isEqualTo("Request slow (guard.wsks:4):\nat 2 ms connect 172.16.0.5:1234 -> Public as slow expect pended-then-accepted");
		assertThat(WsklTextHover.hoverText(source, text.indexOf("connect") + 1)).contains("WskInspectEvent");
		assertThat(WsklTextHover.hoverText(source, text.indexOf("answers") + 1)).contains("WskInspectComplete");
		assertThat(WsklTextHover.hoverText(source, text.indexOf("rejected") + 1)).contains("WskInspectReject");
	}

	@SuppressWarnings("restriction")
	@Test
	void theGenericEditorUsesTheScenarioServices() throws Exception {
		ITextEditor editor = open(Workbench.GUARDED_SCENARIO);
		ISourceViewer viewer = Workbench.viewer(editor);
		Set<IContentType> scenarioType = Set.of(Platform.getContentTypeManager().getContentType(WsklFiles.SCENARIO_CONTENT_TYPE_ID));
		var registry = org.eclipse.ui.internal.genericeditor.GenericEditorPlugin.getDefault();

		List<ITextHover> hovers = registry.getHoverRegistry().getAvailableHovers(viewer, editor, scenarioType);
		assertThat(hovers).hasAtLeastOneElementOfType(WsklTextHover.class);
		assertThat(registry.getContentAssistProcessorRegistry().getContentAssistProcessors(viewer, editor, scenarioType))
				.hasAtLeastOneElementOfType(WsklContentAssistProcessor.class);

		// the hover as the editor calls it: the language and the models come from the viewer's document
		WsklTextHover hover = new WsklTextHover();
		IRegion region = hover.getHoverRegion(viewer, Workbench.GUARDED_SCENARIO.indexOf("Public") + 1);
		assertThat(hover.getHoverInfo(viewer, region)).startsWith("Listener Public (guard.wskl:6):");
	}

	@Test
	void goToDefinitionOpensTheModelAtTheListener() throws Exception {
		ITextEditor editor = open(Workbench.GUARDED_SCENARIO);
		ISourceViewer viewer = Workbench.viewer(editor);
		viewer.setSelectedRange(Workbench.GUARDED_SCENARIO.indexOf("Public") + 3, 0);

		// what F3 runs in the generic editor
		viewer.getTextOperationTarget().doOperation(HyperlinkManager.OPEN_HYPERLINK);
		Workbench.processEvents();

		IEditorPart active = Workbench.page().getActiveEditor();
		assertThat(active.getEditorInput().getName()).isEqualTo("guard.wskl");
		ITextSelection selection = (ITextSelection) ((ITextEditor) active).getSelectionProvider().getSelection();
		assertThat(selection.getText()).isEqualTo("Public");
		assertThat(selection.getOffset()).isEqualTo(Workbench.GUARDED.indexOf("Public"));
	}

	@Test
	void goToDefinitionOfARequestStaysInTheScenario() throws Exception {
		ITextEditor editor = open(Workbench.GUARDED_SCENARIO);
		ISourceViewer viewer = Workbench.viewer(editor);
		viewer.setSelectedRange(Workbench.GUARDED_SCENARIO.lastIndexOf("slow") + 1, 0);

		viewer.getTextOperationTarget().doOperation(HyperlinkManager.OPEN_HYPERLINK);

		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertThat(selection.getOffset()).isEqualTo(Workbench.GUARDED_SCENARIO.indexOf("slow"));
		assertThat(selection.getText()).isEqualTo("slow");
	}

	@Test
	void theOutlineShowsScenariosAndTheirSteps() throws Exception {
		ITextEditor editor = open(Workbench.GUARDED_SCENARIO);
		ContentOutline view = (ContentOutline) Workbench.page().showView(IPageLayout.ID_OUTLINE);
		Workbench.page().activate(editor);
		Workbench.processEvents();

		WsklOutlinePage page = Workbench.waitFor("the outline page",
				() -> view.getCurrentPage() instanceof WsklOutlinePage p ? p : null);
		Tree tree = (Tree) page.getControl();
		TreeItem scenario = tree.getItem(0);
		assertThat(scenario.getText()).isEqualTo("scenario Flows for Guard (seed 7)");
		assertThat(Arrays.stream(scenario.getItems()).map(TreeItem::getText)).containsExactly(
				"at 0 ms connect 10.1.2.3:5555 -> Public expect rejected",
				"at 2 ms connect 172.16.0.5:1234 -> Public as slow expect pended-then-accepted",
				"at 300 ms check Reputation answers accept for slow", "expect no violations");
	}

	@Test
	void anUnknownListenerIsFixedWithANameOfTheModel() throws Exception {
		ITextEditor editor = open(Workbench.GUARDED_SCENARIO);
		IDocument document = Workbench.document(editor);
		ISourceViewer viewer = Workbench.viewer(editor);
		int listener = document.get().indexOf("Public");
		document.replace(listener, "Public".length(), "Publik");
		WsklProblemAnnotation annotation = Workbench.waitForProblemAnnotation(editor, Diagnostic.LINKING_DIAGNOSTIC);

		WsklQuickAssistProcessor processor = new WsklQuickAssistProcessor();
		assertThat(processor.canFix(annotation)).isTrue();
		ICompletionProposal[] proposals = processor.computeQuickAssistProposals(new TextInvocationContext(viewer, listener, 0));
		assertThat(proposals).extracting(ICompletionProposal::getDisplayString).containsExactly("Change to 'Public'");
		proposals[0].apply(document);

		assertThat(document.get()).isEqualTo(Workbench.GUARDED_SCENARIO);
		Workbench.waitUntil("the annotation gone", () -> Workbench.problemAnnotations(editor).isEmpty());
	}

	@Test
	void aMarkerOfAnUnknownCheckIsFixedFromTheProblemsView() throws Exception {
		Workbench.createFile("guard.wskl", Workbench.GUARDED);
		IFile file = Workbench.createFile("guard.wsks", Workbench.GUARDED_SCENARIO.replace("check Reputation", "check Reputaton"));
		IMarker marker = Workbench.waitForMarker(file, Diagnostic.LINKING_DIAGNOSTIC);

		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
		assertThat(resolutions).extracting(IMarkerResolution::getLabel).containsExactly("Change to 'Reputation'");
		resolutions[0].run(marker);

		assertThat(Workbench.read(file)).isEqualTo(Workbench.GUARDED_SCENARIO);
		Workbench.waitUntil("no markers", () -> Workbench.markers(file, null).isEmpty());
	}

	@Test
	void formatLaysOutTheScenario() throws Exception {
		ITextEditor editor = open("// the seed's flows\nscenario  Flows for Guard seed 7 { at 0 ms connect 10.1.2.3 : 5555 -> Public"
				+ " expect rejected\n at 2 ms connect 172.16.0.5:1234 -> Public as slow expect pended-then-accepted"
				+ " at 300 ms check Reputation answers accept for slow expect no violations }");
		IDocument document = Workbench.document(editor);
		IHandlerService handlers = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
		Command command = PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class)
				.getCommand(WsklFormatHandler.COMMAND_ID);
		assertThat(command.isEnabled()).isTrue();

		handlers.executeCommand(WsklFormatHandler.COMMAND_ID, null);

		assertThat(document.get()).isEqualTo(Workbench.GUARDED_SCENARIO);
	}
}

package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.quickfix.WsklQuickAssistProcessor;
import org.wskstudio.wskl.ide.quickfix.WskQuickFix;
import org.wskstudio.wskl.ui.quickfix.WsklQuickFixes;
import org.wskstudio.wskl.ui.validation.WsklProblem;
import org.wskstudio.wskl.ui.validation.WsklProblemAnnotation;
import org.wskstudio.wskl.ui.validation.WsklValidation;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/** Quick fixes, keyed by issue code, change the text and make the problem go away. */
class QuickFixTest {

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	private static IMarkerResolution resolution(IMarker marker, String label) {
		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
		assertThat(resolutions).extracting(IMarkerResolution::getLabel).contains(label);
		return Arrays.stream(resolutions).filter(r -> r.getLabel().equals(label)).findFirst().orElseThrow();
	}

	@Test
	void addDefaultRejectInTheOpenEditorAndTheMarkerGoes() throws Exception {
		String withoutDefault = Workbench.GUARDED.replace("\t\tdefault reject\n", "");
		IFile file = Workbench.createFile("default.wskl", withoutDefault);
		IMarker marker = Workbench.waitForMarker(file, WsklIssueCodes.MISSING_DEFAULT_ACTION);
		ITextEditor editor = Workbench.open(file);
		IDocument document = Workbench.document(editor);

		resolution(marker, "Add 'default reject'").run(marker);

		assertThat(document.get()).isEqualTo(Workbench.GUARDED);
		assertThat(marker.exists()).isFalse();
		assertThat(editor.isDirty()).isTrue();
		editor.doSave(null);
		Workbench.waitUntil("no markers after the save", () -> Workbench.markers(file, null).isEmpty());
	}

	@Test
	void fixThePoolTagOfAClosedFile() throws Exception {
		IFile file = Workbench.createFile("pooltag.wskl", Workbench.GUARDED.replace("'Grd1'", "'Gd'"));
		IMarker marker = Workbench.waitForMarker(file, WsklIssueCodes.INVALID_POOL_TAG);

		resolution(marker, "Make the pool tag four ASCII characters").run(marker);

		assertThat(Workbench.read(file)).contains("pool tag 'Gd  '");
		Workbench.waitUntil("no markers once the fixed file is validated", () -> Workbench.markers(file, null).isEmpty());
	}

	@Test
	void enableConditionalAcceptAddsAnOptionsLine() throws Exception {
		IFile file = Workbench.createFile("conditional.wskl", Workbench.GUARDED.replace("\toptions conditional-accept\n", ""));
		IMarker marker = Workbench.waitForMarker(file, WsklIssueCodes.INSPECT_WITHOUT_CONDITIONAL_ACCEPT);

		resolution(marker, "Enable conditional accept (SO_CONDITIONAL_ACCEPT)").run(marker);

		assertThat(Workbench.read(file)).isEqualTo(Workbench.GUARDED);
		Workbench.waitUntil("no markers", () -> Workbench.markers(file, null).isEmpty());
	}

	@Test
	void enableConditionalAcceptExtendsExistingOptions() throws Exception {
		IFile file = Workbench.createFile("options.wskl",
				Workbench.GUARDED.replace("options conditional-accept", "options reuse-address"));
		IMarker marker = Workbench.waitForMarker(file, WsklIssueCodes.INSPECT_WITHOUT_CONDITIONAL_ACCEPT);

		resolution(marker, "Enable conditional accept (SO_CONDITIONAL_ACCEPT)").run(marker);

		assertThat(Workbench.read(file)).contains("\toptions reuse-address, conditional-accept\n");
	}

	@Test
	void removeAShadowedRule() throws Exception {
		String shadowed = Workbench.GUARDED.replace("\t\treject remote 10.0.0.0/8\n",
				"\t\treject remote 10.0.0.0/8\n\t\taccept remote 10.1.0.0/16\n");
		IFile file = Workbench.createFile("shadowed.wskl", shadowed);
		IMarker marker = Workbench.waitForMarker(file, WsklIssueCodes.SHADOWED_RULE);
		assertThat(marker.getAttribute(IMarker.LINE_NUMBER, -1)).isEqualTo(11);

		resolution(marker, "Remove the shadowed rule").run(marker);

		assertThat(Workbench.read(file)).isEqualTo(Workbench.GUARDED);
		Workbench.waitUntil("no markers", () -> Workbench.markers(file, null).isEmpty());
	}

	@Test
	void removeARuleThatEarlierRulesCoverTogether() throws Exception {
		String halves = "\t\treject remote 10.0.0.0/9\n\t\treject remote 10.128.0.0/9\n";
		String covered = Workbench.GUARDED.replace("\t\treject remote 10.0.0.0/8\n", halves + "\t\taccept remote 10.0.0.0/8\n");
		assertThat(WsklQuickFixes.fixesFor(WsklIssueCodes.UNREACHABLE_RULE)).extracting(WskQuickFix::label)
				.containsExactly("Remove the unreachable rule");
		assertThat(apply(covered, WsklIssueCodes.UNREACHABLE_RULE, 0))
				.isEqualTo(Workbench.GUARDED.replace("\t\treject remote 10.0.0.0/8\n", halves));
	}

	@Test
	void pendRulesGetATimeoutAndAnElse() throws Exception {
		String bare = Workbench.GUARDED.replace(" timeout 500 ms else reject", "");
		assertThat(apply(bare, WsklIssueCodes.PEND_WITHOUT_TIMEOUT, 0)).contains("with check Reputation timeout 500 ms\n");
		assertThat(apply(bare, WsklIssueCodes.PEND_WITHOUT_DEFAULT, 0)).contains("with check Reputation else reject\n");
		assertThat(apply(bare, WsklIssueCodes.PEND_WITHOUT_DEFAULT, 1)).contains("with check Reputation else accept\n");
		String both = apply(apply(bare, WsklIssueCodes.PEND_WITHOUT_TIMEOUT, 0), WsklIssueCodes.PEND_WITHOUT_DEFAULT, 0);
		assertThat(both).isEqualTo(Workbench.GUARDED);
	}

	@Test
	void poolTagsAreCutOrPadded() throws Exception {
		assertThat(apply(Workbench.GUARDED.replace("'Grd1'", "'GuardTag'"), WsklIssueCodes.INVALID_POOL_TAG, 0))
				.contains("pool tag 'Guar'");
	}

	@Test
	void quickAssistFixesAProblemFoundWhileTyping() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("assist.wskl", Workbench.GUARDED));
		IDocument document = Workbench.document(editor);
		ISourceViewer viewer = Workbench.viewer(editor);
		document.replace(document.get().indexOf("\t\tdefault reject\n"), "\t\tdefault reject\n".length(), "");
		WsklProblemAnnotation annotation = Workbench.waitForProblemAnnotation(editor, WsklIssueCodes.MISSING_DEFAULT_ACTION);
		int offset = viewer.getAnnotationModel().getPosition(annotation).getOffset();

		WsklQuickAssistProcessor processor = new WsklQuickAssistProcessor();
		assertThat(processor.canFix(annotation)).isTrue();
		ICompletionProposal[] proposals = processor.computeQuickAssistProposals(new TextInvocationContext(viewer, offset, 0));
		assertThat(proposals).extracting(ICompletionProposal::getDisplayString)
				.containsExactly("Add 'default reject'", "Add 'default accept'");
		proposals[0].apply(document);

		assertThat(document.get()).isEqualTo(Workbench.GUARDED);
		Workbench.waitUntil("the annotation gone", () -> Workbench.problemAnnotations(editor).isEmpty());
	}

	/** Applies the index-th fix of the first problem with the code, found by the validator. */
	private static String apply(String text, String code, int index) throws Exception {
		WsklProblem problem = WsklValidation.validate(text, null).stream().filter(p -> code.equals(p.code())).findFirst()
				.orElseThrow(() -> new AssertionError("no problem " + code + " in\n" + text));
		List<WskQuickFix> fixes = WsklQuickFixes.fixesFor(code);
		Document document = new Document(text);
		assertThat(WsklQuickFixes.apply(fixes.get(index), document, problem.offset(), problem.length(), problem.data()))
				.isTrue();
		assertThat(WsklValidation.validate(document.get(), null)).extracting(WsklProblem::code).doesNotContain(code);
		return document.get();
	}
}

package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.internal.genericeditor.GenericEditorPlugin;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.contentassist.WsklContentAssistProcessor;

/** Content assist proposes what the grammar allows at the caret, from Xtext's ide services. */
@SuppressWarnings("restriction")
class ContentAssistTest {

	private static final String HEADER = """
			driver Guard pool tag 'Grd1'

			deferred check Reputation "asks the reputation service"
			deferred check Allowlist

			""";

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	private int files;

	/** The proposals at the '|' of the text, in a new file (an open editor would not see a rewritten one at once). */
	private List<String> proposals(String textWithCaret) throws Exception {
		int caret = textWithCaret.indexOf('|');
		String text = textWithCaret.substring(0, caret) + textWithCaret.substring(caret + 1);
		ITextEditor editor = Workbench.open(Workbench.createFile("assist" + ++files + ".wskl", text));
		ICompletionProposal[] proposals = new WsklContentAssistProcessor()
				.computeCompletionProposals(Workbench.viewer(editor), caret);
		return Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
	}

	@Test
	void familiesAfterOn() throws Exception {
		assertThat(proposals(HEADER + "listener Public on |")).containsExactlyInAnyOrder("ipv4", "ipv6", "dual-stack");
	}

	@Test
	void socketOptionsAfterOptions() throws Exception {
		assertThat(proposals(HEADER + "listener Public on ipv4 0.0.0.0:80 {\n\toptions |\n\taccept by irp\n}\n"))
				.contains("conditional-accept", "reuse-address", "exclusive-address-use");
	}

	@Test
	void acceptModesAndEnablings() throws Exception {
		assertThat(proposals(HEADER + "listener Public on ipv4 0.0.0.0:80 {\n\taccept by |\n}\n"))
				.containsExactlyInAnyOrder("irp", "event");
		assertThat(proposals(HEADER + "listener Public on ipv4 0.0.0.0:80 {\n\taccept by event |\n}\n"))
				.containsExactlyInAnyOrder("per-socket", "static");
	}

	@Test
	void actionsAndRuleKeywordsInAnInspectBlock() throws Exception {
		assertThat(proposals(HEADER
				+ "listener Public on ipv4 0.0.0.0:80 {\n\toptions conditional-accept\n\taccept by irp\n\tinspect {\n\t\t|\n\t}\n}\n"))
				.contains("accept", "reject", "pend", "default");
	}

	@Test
	void anAddressListIsOfferedWhereAnAddressGoes() throws Exception {
		String listener = HEADER + "listener Public on ipv4 0.0.0.0:80 {\n\toptions conditional-accept\n\taccept by irp\n"
				+ "\tinspect {\n\t\treject remote |\n\t}\n}\n";
		assertThat(proposals(listener)).contains("from", "any", "port");
		assertThat(proposals(listener.replace("remote |", "remote 10.0.0.0/8 local |"))).contains("from", "any");
	}

	@Test
	void deferredCheckNamesAfterWithCheck() throws Exception {
		assertThat(proposals(HEADER + "listener Public on ipv4 0.0.0.0:80 {\n\toptions conditional-accept\n\taccept by irp\n"
				+ "\tinspect {\n\t\tpend remote any with check |\n\t}\n}\n")).containsExactlyInAnyOrder("Reputation", "Allowlist");
	}

	@Test
	void topLevelDeclarations() throws Exception {
		assertThat(proposals(HEADER + "|")).contains("deferred", "listener");
	}

	@Test
	void aProposalReplacesThePrefixTyped() throws Exception {
		String text = HEADER + "listener Public on ipv4 0.0.0.0:80 {\n\taccept by ev\n}\n";
		ITextEditor editor = Workbench.open(Workbench.createFile("prefix.wskl", text));
		IDocument document = Workbench.document(editor);
		int caret = text.indexOf("by ev") + "by ev".length();

		ICompletionProposal[] proposals = new WsklContentAssistProcessor()
				.computeCompletionProposals(Workbench.viewer(editor), caret);
		assertThat(proposals).extracting(ICompletionProposal::getDisplayString).containsExactly("event");
		assertThat(proposals[0].getAdditionalProposalInfo()).contains("WskAcceptEvent");
		proposals[0].apply(document);

		assertThat(document.get()).contains("\taccept by event\n").doesNotContain("ev\n");
	}

	@Test
	void theGenericEditorUsesTheWsklProcessor() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("wiring.wskl", Workbench.GUARDED));
		List<IContentAssistProcessor> processors = GenericEditorPlugin.getDefault().getContentAssistProcessorRegistry()
				.getContentAssistProcessors(Workbench.viewer(editor), editor,
						Set.of(Platform.getContentTypeManager().getContentType(WsklFiles.CONTENT_TYPE_ID)));
		assertThat(processors).hasAtLeastOneElementOfType(WsklContentAssistProcessor.class);
	}

	@Test
	void ctrlSpaceInTheEditorShowsTheProposals() throws Exception {
		String text = HEADER + "listener Public on \n";
		ITextEditor editor = Workbench.open(Workbench.createFile("popup.wskl", text));
		ISourceViewer viewer = Workbench.viewer(editor);
		int caret = text.indexOf("Public on ") + "Public on ".length();
		viewer.setSelectedRange(caret, 0);
		viewer.getTextWidget().setFocus();

		viewer.getTextOperationTarget().doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);

		List<String> shown = Workbench.waitFor("the proposal popup", () -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				Table table = findTable(shell);
				if (table != null && !shell.isDisposed() && shell.isVisible() && table.getItemCount() > 0) {
					return Arrays.stream(table.getItems()).map(TableItem::getText).toList();
				}
			}
			return null;
		});
		assertThat(shown).contains("ipv4", "ipv6", "dual-stack");
	}

	private static Table findTable(Composite composite) {
		for (Control child : composite.getChildren()) {
			if (child instanceof Table table) {
				return table;
			}
			if (child instanceof Composite inner) {
				Table table = findTable(inner);
				if (table != null) {
					return table;
				}
			}
		}
		return null;
	}
}

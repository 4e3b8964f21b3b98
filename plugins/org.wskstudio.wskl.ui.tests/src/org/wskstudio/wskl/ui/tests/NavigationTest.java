package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.hyperlink.HyperlinkManager;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.outline.WsklOutlinePage;

/** Go to definition of a check reference, and the Outline view. */
class NavigationTest {

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	@Test
	void openHyperlinkGoesFromTheReferenceToTheDeferredCheck() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("goto.wskl", Workbench.GUARDED));
		ISourceViewer viewer = Workbench.viewer(editor);
		viewer.setSelectedRange(Workbench.GUARDED.indexOf("Reputation timeout") + 3, 0);

		// what F3 runs in the generic editor
		viewer.getTextOperationTarget().doOperation(HyperlinkManager.OPEN_HYPERLINK);

		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertThat(selection.getOffset()).isEqualTo(Workbench.GUARDED.indexOf("Reputation"));
		assertThat(selection.getText()).isEqualTo("Reputation");
	}

	@Test
	void theOutlineViewShowsDriverChecksListenersAndRules() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("outline.wskl", Workbench.GUARDED));

		ContentOutline view = (ContentOutline) Workbench.page().showView(IPageLayout.ID_OUTLINE);
		Workbench.page().activate(editor);
		Workbench.processEvents();

		WsklOutlinePage page = Workbench.waitFor("the WSKL outline page",
				() -> view.getCurrentPage() instanceof WsklOutlinePage p ? p : null);
		Tree tree = (Tree) page.getControl();
		TreeItem driver = tree.getItem(0);
		assertThat(driver.getText()).isEqualTo("driver Guard (pool tag 'Grd1')");
		assertThat(texts(driver.getItems())).containsExactly("deferred check Reputation", "listener Public on ipv4 0.0.0.0:40009");
		TreeItem listener = driver.getItem(1);
		assertThat(texts(listener.getItems())).containsExactly("options conditional-accept", "accept by event per-socket",
				"inspect", "connection handles receive, disconnect");
		assertThat(texts(listener.getItem(2).getItems())).containsExactly("reject remote 10.0.0.0/8",
				"pend remote 172.16.0.0/12 with check Reputation timeout 500 ms else reject", "default reject");

		// the outline follows the document
		Workbench.document(editor).replace(Workbench.GUARDED.indexOf("Public"), "Public".length(), "Front");
		Workbench.waitUntil("the renamed listener in the outline",
				() -> !tree.isDisposed() && tree.getItem(0).getItem(1).getText().startsWith("listener Front "));
	}

	private static String[] texts(TreeItem[] items) {
		String[] texts = new String[items.length];
		for (int i = 0; i < items.length; i++) {
			texts[i] = items[i].getText();
		}
		return texts;
	}
}

package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.internal.genericeditor.GenericEditorPlugin;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.hover.WsklTextHover;

/** Hovering a keyword tells what it does in WSK. */
@SuppressWarnings("restriction")
class HoverTest {

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	private static String hover(ITextEditor editor, String near, int delta) {
		ISourceViewer viewer = Workbench.viewer(editor);
		int offset = Workbench.document(editor).get().indexOf(near) + delta;
		WsklTextHover hover = new WsklTextHover();
		IRegion region = hover.getHoverRegion(viewer, offset);
		return region == null ? null : hover.getHoverInfo(viewer, region);
	}

	@Test
	void keywordsExplainTheirWskMeaning() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("hover.wskl", Workbench.GUARDED));

		assertThat(hover(editor, "pend remote", 1)).contains("WskInspectPend", "WskInspectComplete");
		assertThat(hover(editor, "conditional-accept", 3)).contains("SO_CONDITIONAL_ACCEPT", "WskInspectEvent");
		assertThat(hover(editor, "per-socket", 0)).contains("SO_WSK_EVENT_CALLBACK");
		assertThat(hover(editor, "event per-socket", 0)).contains("WskAcceptEvent");
		assertThat(hover(editor, "accept by", 0)).startsWith("Accept mode");
		assertThat(hover(editor, "default reject", 9)).contains("WskInspectReject");
		assertThat(hover(editor, "dual-stack", 0)).isNull(); // not in this file
		assertThat(hover(editor, "ipv4", 0)).contains("AF_INET");
	}

	@Test
	void fromExplainsAddressLists() throws Exception {
		String model = Workbench.GUARDED.replace("reject remote 10.0.0.0/8", "reject remote from \"drop.txt\"");
		ITextEditor editor = Workbench.open(Workbench.createFile("lists.wskl", model));

		assertThat(hover(editor, "from \"drop", 1)).contains("address list", "first match");
	}

	@Test
	void theHoverRegionIsTheWholeToken() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("region.wskl", Workbench.GUARDED));
		int offset = Workbench.GUARDED.indexOf("conditional-accept");

		IRegion region = new WsklTextHover().getHoverRegion(Workbench.viewer(editor), offset + 5);

		assertThat(region.getOffset()).isEqualTo(offset);
		assertThat(region.getLength()).isEqualTo("conditional-accept".length());
	}

	@Test
	void aCheckReferenceShowsTheCheckDescription() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("check.wskl", Workbench.GUARDED));

		assertThat(hover(editor, "Reputation timeout", 2)).contains("Deferred check Reputation", "asks the reputation service");
	}

	@Test
	void theGenericEditorUsesTheWsklHover() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("wiring.wskl", Workbench.GUARDED));
		List<ITextHover> hovers = GenericEditorPlugin.getDefault().getHoverRegistry().getAvailableHovers(
				Workbench.viewer(editor), editor, Set.of(Platform.getContentTypeManager().getContentType(WsklFiles.CONTENT_TYPE_ID)));

		assertThat(hovers).hasAtLeastOneElementOfType(WsklTextHover.class);
	}
}

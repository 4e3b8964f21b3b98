package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.format.WsklFormatHandler;

/** Format (Ctrl+Shift+F) lays the document out with the language's formatter. */
class FormatTest {

	private static final String SQUASHED = "driver   E prefix Ec   pool tag 'Echo' deferred check R listener A on dual-stack [::] : 80 {"
			+ " options reuse-address ,conditional-accept accept by event per-socket inspect max pending 8 {"
			+ " reject remote 10.0.0.0 / 8 port 1 - 1024 pend remote [2001:db8::]/32 with check R timeout 1 s else accept"
			+ " default reject } connection handles receive ,disconnect }\n";

	private static final String FORMATTED = """
			driver E prefix Ec pool tag 'Echo'

			deferred check R

			listener A on dual-stack [::]:80 {
				options reuse-address, conditional-accept
				accept by event per-socket
				inspect max pending 8 {
					reject remote 10.0.0.0/8 port 1-1024
					pend remote [2001:db8::]/32 with check R timeout 1 s else accept
					default reject
				}
				connection handles receive, disconnect
			}
			""";

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	@Test
	void formatCommandLaysOutTheDocument() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("squashed.wskl", SQUASHED));
		IDocument document = Workbench.document(editor);

		handlers().executeCommand(WsklFormatHandler.COMMAND_ID, null);

		assertThat(document.get()).isEqualTo(FORMATTED);
		assertThat(editor.isDirty()).isTrue();
	}

	@Test
	void formatIsBoundToCtrlShiftFInTheWsklEditor() throws Exception {
		Workbench.open(Workbench.createFile("binding.wskl", SQUASHED));
		Workbench.processEvents();
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);

		KeySequence ctrlShiftF = KeySequence.getInstance("M1+M2+F");

		assertThat(bindings.getActiveBindingsFor(WsklFormatHandler.COMMAND_ID)).contains(ctrlShiftF);
		assertThat(bindings.getPerfectMatch(ctrlShiftF).getParameterizedCommand().getId())
				.isEqualTo(WsklFormatHandler.COMMAND_ID);
	}

	@Test
	void aFormattedFileStaysTheSame() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("formatted.wskl", Workbench.GUARDED));

		handlers().executeCommand(WsklFormatHandler.COMMAND_ID, null);

		assertThat(Workbench.document(editor).get()).isEqualTo(Workbench.GUARDED);
		assertThat(editor.isDirty()).isFalse();
	}

	@Test
	void aFileWithSyntaxErrorsIsLeftAlone() throws Exception {
		String broken = SQUASHED.replace("per-socket", "per-sock");
		ITextEditor editor = Workbench.open(Workbench.createFile("broken.wskl", broken));

		handlers().executeCommand(WsklFormatHandler.COMMAND_ID, null);

		assertThat(Workbench.document(editor).get()).isEqualTo(broken);
	}

	private static IHandlerService handlers() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
	}
}

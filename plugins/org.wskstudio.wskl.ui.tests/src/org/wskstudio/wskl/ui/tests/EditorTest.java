package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.highlighting.WsklHighlightingStyles;
import org.wskstudio.wskl.ui.navigation.WsklCharacterPairMatcher;

/** A .wskl file opens in the generic editor, coloured, folded, with matching brackets. */
class EditorTest {

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
	}

	@Test
	void wsklFileOpensInTheGenericEditorWithTheWsklContentType() throws Exception {
		IFile file = Workbench.createFile("guard.wskl", Workbench.GUARDED);

		ITextEditor editor = Workbench.open(file);

		assertThat(editor.getSite().getId()).isEqualTo(Workbench.GENERIC_EDITOR_ID);
		assertThat(file.getContentDescription().getContentType().getId()).isEqualTo(WsklFiles.CONTENT_TYPE_ID);
		assertThat(Workbench.document(editor).get()).isEqualTo(Workbench.GUARDED);
	}

	@Test
	void tokensAreColouredByTheXtextLexer() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("colours.wskl", Workbench.GUARDED));
		StyledText text = Workbench.viewer(editor).getTextWidget();
		String source = Workbench.GUARDED;

		Workbench.waitUntil("the keyword 'driver' coloured", () -> Workbench.hasStyle(text, source.indexOf("driver"),
				WsklHighlightingStyles.KEYWORD));

		assertThat(text.getStyleRangeAtOffset(source.indexOf("driver")).fontStyle & SWT.BOLD).isEqualTo(SWT.BOLD);
		assertThat(Workbench.hasStyle(text, source.indexOf("// conditional"), WsklHighlightingStyles.COMMENT)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("'Grd1'"), WsklHighlightingStyles.STRING)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("0.0.0.0"), WsklHighlightingStyles.ADDRESS)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("40009"), WsklHighlightingStyles.NUMBER)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("conditional-accept"), WsklHighlightingStyles.VALUE)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("Guard"), WsklHighlightingStyles.DECLARATION)).isTrue();
		assertThat(Workbench.hasStyle(text, source.indexOf("Reputation timeout"), WsklHighlightingStyles.REFERENCE)).isTrue();
		// 'accept' of 'accept by' is a statement keyword, 'accept' as a decision a value
		assertThat(Workbench.hasStyle(text, source.indexOf("accept by"), WsklHighlightingStyles.KEYWORD)).isTrue();
	}

	@Test
	void typingRecoloursTheDocument() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("typing.wskl", Workbench.GUARDED));
		IDocument document = Workbench.document(editor);
		StyledText text = Workbench.viewer(editor).getTextWidget();
		int offset = Workbench.GUARDED.indexOf("\ndeferred check") + 1;

		document.replace(offset, 0, "/* block\ncomment */ ");

		Workbench.waitUntil("the new block comment coloured", () -> Workbench.hasStyle(text, offset + 10,
				WsklHighlightingStyles.COMMENT));
		assertThat(Workbench.hasStyle(text, document.get().indexOf("*/ deferred") + 3, WsklHighlightingStyles.KEYWORD)).isTrue();
	}

	@Test
	void blocksFoldAndBracesMatch() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("folding.wskl", Workbench.GUARDED));
		IDocument document = Workbench.document(editor);

		// the listener block and the inspect block
		Workbench.waitUntil("two folding regions", () -> Workbench.foldingRegions(editor) == 2);

		int open = Workbench.GUARDED.indexOf("{");
		IRegion match = new WsklCharacterPairMatcher().match(document, open + 1);
		assertThat(match).isNotNull();
		assertThat(match.getOffset()).isEqualTo(open);
		assertThat(Workbench.GUARDED.charAt(match.getOffset() + match.getLength() - 1)).isEqualTo('}');
		assertThat(match.getOffset() + match.getLength()).isEqualTo(Workbench.GUARDED.lastIndexOf('}') + 1);
	}
}

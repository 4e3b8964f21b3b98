package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
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

		Workbench.waitUntil("the keyword 'driver' coloured", () -> hasStyle(text, source.indexOf("driver"),
				WsklHighlightingStyles.KEYWORD));

		assertThat(style(text, source.indexOf("driver")).fontStyle & SWT.BOLD).isEqualTo(SWT.BOLD);
		assertThat(hasStyle(text, source.indexOf("// conditional"), WsklHighlightingStyles.COMMENT)).isTrue();
		assertThat(hasStyle(text, source.indexOf("'Grd1'"), WsklHighlightingStyles.STRING)).isTrue();
		assertThat(hasStyle(text, source.indexOf("0.0.0.0"), WsklHighlightingStyles.ADDRESS)).isTrue();
		assertThat(hasStyle(text, source.indexOf("40009"), WsklHighlightingStyles.NUMBER)).isTrue();
		assertThat(hasStyle(text, source.indexOf("conditional-accept"), WsklHighlightingStyles.VALUE)).isTrue();
		assertThat(hasStyle(text, source.indexOf("Guard"), WsklHighlightingStyles.DECLARATION)).isTrue();
		assertThat(hasStyle(text, source.indexOf("Reputation timeout"), WsklHighlightingStyles.REFERENCE)).isTrue();
		// 'accept' of 'accept by' is a statement keyword, 'accept' as a decision a value
		assertThat(hasStyle(text, source.indexOf("accept by"), WsklHighlightingStyles.KEYWORD)).isTrue();
	}

	@Test
	void typingRecoloursTheDocument() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("typing.wskl", Workbench.GUARDED));
		IDocument document = Workbench.document(editor);
		StyledText text = Workbench.viewer(editor).getTextWidget();
		int offset = Workbench.GUARDED.indexOf("\ndeferred check") + 1;

		document.replace(offset, 0, "/* block\ncomment */ ");

		Workbench.waitUntil("the new block comment coloured", () -> hasStyle(text, offset + 10,
				WsklHighlightingStyles.COMMENT));
		assertThat(hasStyle(text, document.get().indexOf("*/ deferred") + 3, WsklHighlightingStyles.KEYWORD)).isTrue();
	}

	@Test
	void blocksFoldAndBracesMatch() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.createFile("folding.wskl", Workbench.GUARDED));
		ProjectionAnnotationModel model = ((ProjectionViewer) Workbench.viewer(editor)).getProjectionAnnotationModel();
		IDocument document = Workbench.document(editor);

		// the listener block and the inspect block
		Workbench.waitUntil("two folding regions", () -> count(model) == 2);

		int open = Workbench.GUARDED.indexOf("{");
		IRegion match = new WsklCharacterPairMatcher().match(document, open + 1);
		assertThat(match).isNotNull();
		assertThat(match.getOffset()).isEqualTo(open);
		assertThat(Workbench.GUARDED.charAt(match.getOffset() + match.getLength() - 1)).isEqualTo('}');
		assertThat(match.getOffset() + match.getLength()).isEqualTo(Workbench.GUARDED.lastIndexOf('}') + 1);
	}

	private static int count(ProjectionAnnotationModel model) {
		int count = 0;
		for (var it = model.getAnnotationIterator(); it.hasNext(); it.next()) {
			count++;
		}
		return count;
	}

	private static StyleRange style(StyledText text, int offset) {
		return text.getStyleRangeAtOffset(offset);
	}

	private static boolean hasStyle(StyledText text, int offset, WsklHighlightingStyles expected) {
		StyleRange range = style(text, offset);
		if (range == null) {
			return expected.attribute().getForeground() == null;
		}
		return range.foreground != null && range.foreground.equals(expected.attribute().getForeground())
				&& (range.fontStyle & (SWT.BOLD | SWT.ITALIC)) == (expected.attribute().getStyle() & (SWT.BOLD | SWT.ITALIC));
	}
}

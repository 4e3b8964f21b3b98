package org.wskstudio.wskl.ui.format;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.IEditorStatusLine;
import org.eclipse.ui.texteditor.ITextEditor;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklFiles;

/**
 * Format (Ctrl+Shift+F in the generic editor on a .wskl or .wsks file, command
 * {@value #COMMAND_ID}): formats the whole document with the language's formatter as one undoable change.
 */
public class WsklFormatHandler extends AbstractHandler {

	public static final String COMMAND_ID = "org.wskstudio.wskl.ui.format";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IEditorPart part = HandlerUtil.getActiveEditor(event);
		ITextEditor editor = part == null ? null : part.getAdapter(ITextEditor.class);
		if (editor == null || WsklFiles.language(editor) == null || !editor.isEditable()) {
			return null;
		}
		IDocument document = WsklFiles.document(editor);
		if (document == null) {
			return null;
		}
		TextEdit edit;
		try {
			edit = WsklFormatting.format(WskSource.of(document));
		} catch (WsklFormatting.SyntaxErrorsException e) {
			status(editor, e.getMessage());
			return null;
		}
		if (!edit.hasChildren()) {
			return null;
		}
		IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
		ISelection selection = editor.getSelectionProvider().getSelection();
		int caretLine = selection instanceof ITextSelection text ? text.getStartLine() : -1;
		if (target != null) {
			target.beginCompoundChange();
		}
		try {
			edit.apply(document);
		} catch (MalformedTreeException | BadLocationException e) {
			throw new ExecutionException("Could not apply the formatting", e);
		} finally {
			if (target != null) {
				target.endCompoundChange();
			}
		}
		if (caretLine >= 0) {
			try {
				int line = Math.min(caretLine, document.getNumberOfLines() - 1);
				editor.selectAndReveal(document.getLineOffset(line), 0);
			} catch (BadLocationException e) {
				// keep the selection the edit left
			}
		}
		return null;
	}

	private static void status(ITextEditor editor, String message) {
		IEditorStatusLine statusLine = editor.getAdapter(IEditorStatusLine.class);
		if (statusLine != null) {
			statusLine.setMessage(true, message, null);
		}
	}
}

package org.wskstudio.wskl.ui.quickfix;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wskl.ide.quickfix.WskQuickFix;
import org.wskstudio.wskl.ide.quickfix.WskQuickFixes;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklParsing;

/**
 * The quick fixes in the Eclipse editor: those of the ide bundle ({@link WskQuickFixes}, which the
 * language server offers as code actions too), for a {@link WskSource} and applied to a document.
 */
public final class WsklQuickFixes {

	private WsklQuickFixes() {
	}

	/** The fixes of an issue code that do not depend on the text. */
	public static List<WskQuickFix> fixesFor(String issueCode) {
		return WskQuickFixes.fixesFor(issueCode);
	}

	/**
	 * The fixes for a problem at an offset of the source: those of its issue code, and for an
	 * unresolved reference one per name the reference could take there.
	 */
	public static List<WskQuickFix> fixesFor(String issueCode, WskSource source, int offset) {
		if (!Diagnostic.LINKING_DIAGNOSTIC.equals(issueCode)) {
			return WskQuickFixes.fixesFor(issueCode);
		}
		return WskQuickFixes.fixesFor(issueCode, WsklParsing.parse(source), offset);
	}

	/** Whether problems with the issue code can have fixes (unresolved references: when a name is in scope). */
	public static boolean hasFixes(String issueCode) {
		return WskQuickFixes.hasFixes(issueCode);
	}

	/**
	 * Applies a fix to a document for the problem at [offset, offset + length).
	 *
	 * @return whether the document changed
	 */
	public static boolean apply(WskQuickFix fix, IDocument document, int offset, int length, List<String> data)
			throws BadLocationException {
		WskSource source = WskSource.of(document);
		ReplaceRegion edit = fix.edit(source.text(), WsklParsing.parse(source), offset, length, data);
		if (edit == null) {
			return false;
		}
		document.replace(edit.getOffset(), edit.getLength(), edit.getText());
		return true;
	}
}

package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;

/**
 * One fix for one kind of problem (an issue code of
 * {@link org.wskstudio.wskl.validation.WsklIssueCodes}). A fix looks at the current text, parsed,
 * and at the problem's range and data, and returns the edit that removes the problem. The same
 * fixes serve the markers of saved files (quick fix in the Problems view and on marker
 * annotations) and the annotations found while typing (quick assist, Ctrl+1).
 */
public interface WskQuickFix {

	/** What the fix does, shown in the quick fix list. */
	String label();

	/** A longer explanation. */
	String description();

	/**
	 * The edit that fixes the problem at [offset, offset + length) of the text, or null when the
	 * text no longer has the problem there.
	 */
	ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data);
}

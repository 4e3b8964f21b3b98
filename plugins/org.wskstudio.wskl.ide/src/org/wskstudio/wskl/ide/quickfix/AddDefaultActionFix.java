package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wskl.wskl.InspectBlock;

/** MISSING_DEFAULT_ACTION: adds {@code default reject} (or accept) as the last line of the inspect block. */
final class AddDefaultActionFix implements WskQuickFix {

	private final String decision;

	AddDefaultActionFix(String decision) {
		this.decision = decision;
	}

	@Override
	public String label() {
		return "Add 'default " + decision + "'";
	}

	@Override
	public String description() {
		return "Requests that no inspect rule matches are " + ("reject".equals(decision)
				? "rejected (WskInspectReject)." : "accepted (WskInspectAccept).");
	}

	@Override
	public ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		InspectBlock inspect = TextLayout.elementAt(parsed, offset, InspectBlock.class);
		if (inspect == null || inspect.getDefaultRule() != null) {
			return null;
		}
		ILeafNode close = TextLayout.lastKeyword(inspect, "}");
		if (close == null) {
			return null;
		}
		String line = "default " + decision;
		int at = close.getOffset();
		if (TextLayout.startsLine(text, at)) {
			String indent = TextLayout.indentOf(text, at) + TextLayout.INDENT;
			return new ReplaceRegion(TextLayout.lineStart(text, at), 0, indent + line + TextLayout.lineDelimiter(text));
		}
		boolean space = at > 0 && !Character.isWhitespace(text.charAt(at - 1));
		return new ReplaceRegion(at, 0, (space ? " " : "") + line + " ");
	}
}

package org.wskstudio.wskl.ui.quickfix;

import java.util.List;

import org.eclipse.text.edits.InsertEdit;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.wskl.InspectBlock;

/** MISSING_DEFAULT_ACTION: adds {@code default reject} (or accept) as the last line of the inspect block. */
final class AddDefaultActionFix implements WsklQuickFix {

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
	public TextEdit edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		InspectBlock inspect = WsklTextSupport.elementAt(parsed, offset, InspectBlock.class);
		if (inspect == null || inspect.getDefaultRule() != null) {
			return null;
		}
		ILeafNode close = WsklTextSupport.lastKeyword(inspect, "}");
		if (close == null) {
			return null;
		}
		String line = "default " + decision;
		int at = close.getOffset();
		if (WsklTextSupport.startsLine(text, at)) {
			String indent = WsklTextSupport.indentOf(text, at) + WsklTextSupport.INDENT;
			return new InsertEdit(WsklTextSupport.lineStart(text, at), indent + line + WsklTextSupport.lineDelimiter(text));
		}
		boolean space = at > 0 && !Character.isWhitespace(text.charAt(at - 1));
		return new InsertEdit(at, (space ? " " : "") + line + " ");
	}
}

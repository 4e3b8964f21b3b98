package org.wskstudio.wskl.ui.quickfix;

import java.util.List;

import org.eclipse.text.edits.DeleteEdit;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.InspectRule;

/** SHADOWED_RULE: removes the rule that an earlier rule makes unreachable (with its line). */
final class RemoveShadowedRuleFix implements WsklQuickFix {

	@Override
	public String label() {
		return "Remove the shadowed rule";
	}

	@Override
	public String description() {
		return "An earlier rule already decides every request this rule matches; it is never used.";
	}

	@Override
	public TextEdit edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		InspectRule rule = WsklTextSupport.elementAt(parsed, offset, InspectRule.class);
		if (rule == null) {
			InspectBlock inspect = WsklTextSupport.elementAt(parsed, offset, InspectBlock.class);
			int index = data.isEmpty() ? -1 : parseIndex(data.get(0));
			if (inspect == null || index < 0 || index >= inspect.getRules().size()) {
				return null;
			}
			rule = inspect.getRules().get(index);
		}
		ICompositeNode node = WsklTextSupport.node(rule);
		if (node == null) {
			return null;
		}
		int start = node.getOffset();
		int end = node.getEndOffset();
		if (WsklTextSupport.startsLine(text, start) && WsklTextSupport.endsLine(text, end)) {
			start = WsklTextSupport.lineStart(text, start);
			end = WsklTextSupport.nextLineStart(text, end);
		} else {
			while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
				end++;
			}
		}
		return new DeleteEdit(start, end - start);
	}

	private static int parseIndex(String text) {
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException e) {
			return -1;
		}
	}
}

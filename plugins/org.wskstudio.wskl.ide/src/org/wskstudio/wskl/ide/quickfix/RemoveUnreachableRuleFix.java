package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.InspectRule;

/**
 * SHADOWED_RULE and UNREACHABLE_RULE: removes the rule that one earlier rule, or several together,
 * make unreachable (with its line). Removing it changes no decision: first match wins, and the
 * earlier rules decide every request it matches.
 */
final class RemoveUnreachableRuleFix implements WskQuickFix {

	private final String label;
	private final String description;

	private RemoveUnreachableRuleFix(String label, String description) {
		this.label = label;
		this.description = description;
	}

	/** For a rule that one earlier rule shadows. */
	static RemoveUnreachableRuleFix shadowed() {
		return new RemoveUnreachableRuleFix("Remove the shadowed rule",
				"An earlier rule already decides every request this rule matches; it is never used.");
	}

	/** For a rule that earlier rules together cover. */
	static RemoveUnreachableRuleFix covered() {
		return new RemoveUnreachableRuleFix("Remove the unreachable rule",
				"Earlier rules together already decide every request this rule matches; it is never used.");
	}

	@Override
	public String label() {
		return label;
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		InspectRule rule = TextLayout.elementAt(parsed, offset, InspectRule.class);
		if (rule == null) {
			InspectBlock inspect = TextLayout.elementAt(parsed, offset, InspectBlock.class);
			int index = data.isEmpty() ? -1 : parseIndex(data.get(0));
			if (inspect == null || index < 0 || index >= inspect.getRules().size()) {
				return null;
			}
			rule = inspect.getRules().get(index);
		}
		ICompositeNode node = TextLayout.node(rule);
		if (node == null) {
			return null;
		}
		int start = node.getOffset();
		int end = node.getEndOffset();
		if (TextLayout.startsLine(text, start) && TextLayout.endsLine(text, end)) {
			start = TextLayout.lineStart(text, start);
			end = TextLayout.nextLineStart(text, end);
		} else {
			while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
				end++;
			}
		}
		return new ReplaceRegion(start, end - start, "");
	}

	private static int parseIndex(String text) {
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException e) {
			return -1;
		}
	}
}

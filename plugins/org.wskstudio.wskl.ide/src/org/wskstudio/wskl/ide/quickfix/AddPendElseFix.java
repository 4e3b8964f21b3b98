package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wskl.wskl.PendRule;

/** PEND_WITHOUT_DEFAULT: adds {@code else reject} (or accept) at the end of the pend rule. */
final class AddPendElseFix implements WskQuickFix {

	private final String decision;

	AddPendElseFix(String decision) {
		this.decision = decision;
	}

	@Override
	public String label() {
		return "Add 'else " + decision + "'";
	}

	@Override
	public String description() {
		return "When the check does not answer in time, WskInspectComplete sends Wsk"
				+ ("reject".equals(decision) ? "InspectReject." : "InspectAccept.");
	}

	@Override
	public ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		PendRule pend = TextLayout.elementAt(parsed, offset, PendRule.class);
		if (pend == null || pend.getOtherwise() != null) {
			return null;
		}
		ICompositeNode node = TextLayout.node(pend);
		return node == null ? null : new ReplaceRegion(node.getEndOffset(), 0, " else " + decision);
	}
}

package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wskl.wskl.PendRule;
import org.wskstudio.wskl.wskl.WsklPackage;

/** PEND_WITHOUT_TIMEOUT: adds {@code timeout 500 ms} after the check of the pend rule. */
final class AddPendTimeoutFix implements WskQuickFix {

	static final String TIMEOUT = "timeout 500 ms";

	@Override
	public String label() {
		return "Add '" + TIMEOUT + "'";
	}

	@Override
	public String description() {
		return "A pended inspection that its check does not answer within 500 ms gets the 'else' decision.";
	}

	@Override
	public ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		PendRule pend = TextLayout.elementAt(parsed, offset, PendRule.class);
		if (pend == null || pend.getTimeout() != null) {
			return null;
		}
		INode check = TextLayout.lastNodeFor(pend, WsklPackage.Literals.PEND_RULE__CHECK);
		return check == null ? null : new ReplaceRegion(check.getEndOffset(), 0, " " + TIMEOUT);
	}
}

package org.wskstudio.wskl.ui.quickfix;

import java.util.List;

import org.eclipse.text.edits.InsertEdit;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.wskl.PendRule;
import org.wskstudio.wskl.wskl.WsklPackage;

/** PEND_WITHOUT_TIMEOUT: adds {@code timeout 500 ms} after the check of the pend rule. */
final class AddPendTimeoutFix implements WsklQuickFix {

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
	public TextEdit edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		PendRule pend = WsklTextSupport.elementAt(parsed, offset, PendRule.class);
		if (pend == null || pend.getTimeout() != null) {
			return null;
		}
		INode check = WsklTextSupport.lastNodeFor(pend, WsklPackage.Literals.PEND_RULE__CHECK);
		return check == null ? null : new InsertEdit(check.getEndOffset(), " " + TIMEOUT);
	}
}

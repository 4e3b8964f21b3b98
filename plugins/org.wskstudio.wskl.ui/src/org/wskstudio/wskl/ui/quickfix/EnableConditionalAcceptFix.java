package org.wskstudio.wskl.ui.quickfix;

import java.util.List;

import org.eclipse.text.edits.InsertEdit;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.SocketOptionKind;
import org.wskstudio.wskl.wskl.WsklPackage;

/**
 * INSPECT_WITHOUT_CONDITIONAL_ACCEPT: turns SO_CONDITIONAL_ACCEPT on, by adding
 * {@code conditional-accept} to the listener's options, or an {@code options conditional-accept}
 * line before the accept mode when it has none.
 */
final class EnableConditionalAcceptFix implements WsklQuickFix {

	@Override
	public String label() {
		return "Enable conditional accept (SO_CONDITIONAL_ACCEPT)";
	}

	@Override
	public String description() {
		return "Adds 'conditional-accept' to the listener's options, so that WskInspectEvent runs the inspect rules.";
	}

	@Override
	public TextEdit edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		Listener listener = WsklTextSupport.elementAt(parsed, offset, Listener.class);
		if (listener == null || listener.getOptions().contains(SocketOptionKind.CONDITIONAL_ACCEPT)) {
			return null;
		}
		if (!listener.getOptions().isEmpty()) {
			INode last = WsklTextSupport.lastNodeFor(listener, WsklPackage.Literals.LISTENER__OPTIONS);
			return last == null ? null : new InsertEdit(last.getEndOffset(), ", conditional-accept");
		}
		ICompositeNode accept = WsklTextSupport.node(listener.getAccept());
		if (accept == null) {
			return null;
		}
		int at = accept.getOffset();
		if (WsklTextSupport.startsLine(text, at)) {
			return new InsertEdit(WsklTextSupport.lineStart(text, at),
					WsklTextSupport.indentOf(text, at) + "options conditional-accept" + WsklTextSupport.lineDelimiter(text));
		}
		return new InsertEdit(at, "options conditional-accept ");
	}
}

package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.SocketOptionKind;
import org.wskstudio.wskl.wskl.WsklPackage;

/**
 * INSPECT_WITHOUT_CONDITIONAL_ACCEPT: turns SO_CONDITIONAL_ACCEPT on, by adding
 * {@code conditional-accept} to the listener's options, or an {@code options conditional-accept}
 * line before the accept mode when it has none.
 */
final class EnableConditionalAcceptFix implements WskQuickFix {

	@Override
	public String label() {
		return "Enable conditional accept (SO_CONDITIONAL_ACCEPT)";
	}

	@Override
	public String description() {
		return "Adds 'conditional-accept' to the listener's options, so that WskInspectEvent runs the inspect rules.";
	}

	@Override
	public ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		Listener listener = TextLayout.elementAt(parsed, offset, Listener.class);
		if (listener == null || listener.getOptions().contains(SocketOptionKind.CONDITIONAL_ACCEPT)) {
			return null;
		}
		if (!listener.getOptions().isEmpty()) {
			INode last = TextLayout.lastNodeFor(listener, WsklPackage.Literals.LISTENER__OPTIONS);
			return last == null ? null : new ReplaceRegion(last.getEndOffset(), 0, ", conditional-accept");
		}
		ICompositeNode accept = TextLayout.node(listener.getAccept());
		if (accept == null) {
			return null;
		}
		int at = accept.getOffset();
		if (TextLayout.startsLine(text, at)) {
			return new ReplaceRegion(TextLayout.lineStart(text, at), 0,
					TextLayout.indentOf(text, at) + "options conditional-accept" + TextLayout.lineDelimiter(text));
		}
		return new ReplaceRegion(at, 0, "options conditional-accept ");
	}
}

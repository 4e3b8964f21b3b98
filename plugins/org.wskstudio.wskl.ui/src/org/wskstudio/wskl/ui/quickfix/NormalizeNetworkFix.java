package org.wskstudio.wskl.ui.quickfix;

import java.util.List;

import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.WsklPackage;

/** HOST_BITS_SET: writes the network address the range really means (the data). */
final class NormalizeNetworkFix implements WsklQuickFix {

	@Override
	public String label() {
		return "Clear the host bits of the network address";
	}

	@Override
	public String description() {
		return "Writes the range's network address, with the bits after the prefix length cleared.";
	}

	@Override
	public TextEdit edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		AddressPattern pattern = WsklTextSupport.elementAt(parsed, offset, AddressPattern.class);
		if (pattern == null || data.isEmpty() || data.get(0).isEmpty()) {
			return null;
		}
		INode node = WsklTextSupport.firstNodeFor(pattern, WsklPackage.Literals.ADDRESS_PATTERN__NETWORK);
		if (node == null) {
			return null;
		}
		boolean brackets = node.getText().trim().startsWith("[");
		String address = brackets ? "[" + data.get(0) + "]" : data.get(0);
		return new ReplaceEdit(node.getOffset(), node.getLength(), address);
	}
}

package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.address.AddressPatterns;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.WsklPackage;

/**
 * HOST_BITS_SET: writes the network address the range really means (the data, or
 * computed from the pattern when a client does not hand the data back).
 */
final class NormalizeNetworkFix implements WskQuickFix {

	@Override
	public String label() {
		return "Clear the host bits of the network address";
	}

	@Override
	public String description() {
		return "Writes the range's network address, with the bits after the prefix length cleared.";
	}

	@Override
	public ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		AddressPattern pattern = TextLayout.elementAt(parsed, offset, AddressPattern.class);
		if (pattern == null) {
			return null;
		}
		String network = data.isEmpty() || data.get(0).isEmpty()
				? AddressPatterns.range(pattern).map(range -> IpAddresses.format(range.normalized().network())).orElse(null)
				: data.get(0);
		if (network == null || network.equals(pattern.getNetwork())) {
			return null;
		}
		INode node = TextLayout.firstNodeFor(pattern, WsklPackage.Literals.ADDRESS_PATTERN__NETWORK);
		if (node == null) {
			return null;
		}
		boolean brackets = node.getText().trim().startsWith("[");
		String address = brackets ? "[" + network + "]" : network;
		return new ReplaceRegion(node.getOffset(), node.getLength(), address);
	}
}

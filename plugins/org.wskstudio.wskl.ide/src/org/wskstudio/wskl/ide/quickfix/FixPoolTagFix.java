package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.WsklPackage;

/**
 * INVALID_POOL_TAG: makes the tag four printable ASCII characters: characters outside
 * 0x20-0x7E (and quotes and backslashes) are dropped, the rest is cut to four or padded with
 * spaces, as short Windows pool tags are (for example 'Io  ').
 */
final class FixPoolTagFix implements WskQuickFix {

	@Override
	public String label() {
		return "Make the pool tag four ASCII characters";
	}

	@Override
	public String description() {
		return "ExAllocatePoolWithTag takes the tag as one ULONG: four printable ASCII characters.";
	}

	static String fixedTag(String tag, String fallback) {
		StringBuilder result = new StringBuilder();
		for (char c : tag.toCharArray()) {
			if (c >= 0x20 && c < 0x7f && c != '\'' && c != '"' && c != '\\' && result.length() < 4) {
				result.append(c);
			}
		}
		if (result.toString().isBlank() && fallback != null) {
			result.setLength(0);
			result.append(fallback, 0, Math.min(4, fallback.length()));
		}
		while (result.length() < 4) {
			result.append(' ');
		}
		return result.toString();
	}

	@Override
	public ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		Driver driver = TextLayout.elementAt(parsed, offset, Driver.class);
		if (driver == null || driver.getPoolTag() == null) {
			return null;
		}
		INode node = TextLayout.firstNodeFor(driver, WsklPackage.Literals.DRIVER__POOL_TAG);
		if (node == null || node.getLength() < 2) {
			return null;
		}
		String tag = fixedTag(driver.getPoolTag(), driver.getName());
		if (tag.equals(driver.getPoolTag())) {
			return null;
		}
		char quote = node.getText().trim().charAt(0);
		return new ReplaceRegion(node.getOffset(), node.getLength(), quote + tag + quote);
	}
}

package org.wskstudio.wskl.conversion;

import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

/**
 * {@code 192.168.1.10} stays as written; {@code [2001:db8::1]} loses its brackets in the
 * model and gets them back when serialized. Whether the address is valid is the
 * validator's question, so that the error names the address instead of the parser's token.
 */
public class IpAddressValueConverter implements IValueConverter<String> {

	@Override
	public String toValue(String string, INode node) throws ValueConverterException {
		if (string == null) {
			return null;
		}
		if (string.startsWith("[") && string.endsWith("]")) {
			return string.substring(1, string.length() - 1);
		}
		return string;
	}

	@Override
	public String toString(String value) throws ValueConverterException {
		return value.indexOf(':') >= 0 ? "[" + value + "]" : value;
	}
}

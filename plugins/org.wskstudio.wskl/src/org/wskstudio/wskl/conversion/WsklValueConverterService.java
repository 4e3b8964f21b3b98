package org.wskstudio.wskl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;

/** Adds the converter of the {@code IpAddress} rule to Xtext's terminal converters. */
public class WsklValueConverterService extends DefaultTerminalConverters {

	private final IpAddressValueConverter ipAddressConverter = new IpAddressValueConverter();

	@ValueConverter(rule = "IpAddress")
	public IValueConverter<String> IpAddress() {
		return ipAddressConverter;
	}
}

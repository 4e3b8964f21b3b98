package org.wskstudio.wskl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;

import com.google.inject.Inject;

/**
 * Xtext's terminal converters with the converter of the {@code IpAddress} rule and an
 * {@code INT} converter that names a number too large.
 */
public class WsklValueConverterService extends DefaultTerminalConverters {

	private final IpAddressValueConverter ipAddressConverter = new IpAddressValueConverter();

	@Inject
	private IntValueConverter intConverter;

	@ValueConverter(rule = "IpAddress")
	public IValueConverter<String> IpAddress() {
		return ipAddressConverter;
	}

	@Override
	@ValueConverter(rule = "INT")
	public IValueConverter<Integer> INT() {
		return intConverter;
	}
}

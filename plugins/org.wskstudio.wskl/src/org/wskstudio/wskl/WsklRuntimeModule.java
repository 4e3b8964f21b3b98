package org.wskstudio.wskl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.wskstudio.wskl.conversion.WsklValueConverterService;

/** WSKL's runtime bindings beyond the generated ones: addresses, pool tags and durations are converted by our value converters. */
public class WsklRuntimeModule extends AbstractWsklRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return WsklValueConverterService.class;
	}
}

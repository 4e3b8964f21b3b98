package org.wskstudio.wskl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.wskstudio.wskl.conversion.WsklValueConverterService;
import org.wskstudio.wskl.scoping.PendCheckScopeProvider;

/**
 * WSKL's runtime bindings beyond the generated ones: addresses, pool tags and durations are
 * converted by our value converters; a pend rule's check is looked up among its driver's checks.
 */
public class WsklRuntimeModule extends AbstractWsklRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return WsklValueConverterService.class;
	}

	@Override
	public Class<? extends IScopeProvider> bindIScopeProvider() {
		return PendCheckScopeProvider.class;
	}
}

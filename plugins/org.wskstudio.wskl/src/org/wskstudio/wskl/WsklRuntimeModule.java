package org.wskstudio.wskl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.wskstudio.wskl.conversion.WsklValueConverterService;
import org.wskstudio.wskl.scoping.PendCheckScopeProvider;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/**
 * WSKL's runtime bindings beyond the generated ones: addresses, pool tags and durations are
 * converted by our value converters; a pend rule's check is looked up among its driver's checks;
 * EMF's generic EObjectValidator is left out of validation.
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

	/**
	 * EMF's EObjectValidator checks every element's structure (multiplicities, proxies, contained
	 * references), which WSKL's parser and linker already report as syntax and linking errors; on a
	 * 100,000-rule model it was a tenth of a {@code ./wskl check}. Xtext's own switch turns it off.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bind(Boolean.class).annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR))
				.toInstance(Boolean.FALSE);
	}
}

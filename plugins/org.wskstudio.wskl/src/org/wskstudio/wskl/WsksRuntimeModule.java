package org.wskstudio.wskl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting2.FormatterPreferenceValuesProvider;
import org.eclipse.xtext.formatting2.FormatterPreferences;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.preferences.IPreferenceValuesProvider;
import org.wskstudio.wskl.conversion.WsklValueConverterService;
import org.wskstudio.wskl.formatting2.WsksFormatter;

import com.google.inject.Binder;

/** The scenario language's runtime bindings beyond the generated ones: WSKL's value converters and the scenario formatter. */
public class WsksRuntimeModule extends AbstractWsksRuntimeModule {

	/** Scenarios write addresses as WSKL does ({@code IpAddress} is inherited from the WSKL grammar). */
	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return WsklValueConverterService.class;
	}

	/** The scenario formatter (the workflow generates no formatter binding for this language). */
	public Class<? extends IFormatter2> bindIFormatter2() {
		return WsksFormatter.class;
	}

	public void configureFormatterPreferences(Binder binder) {
		binder.bind(IPreferenceValuesProvider.class).annotatedWith(FormatterPreferences.class)
				.to(FormatterPreferenceValuesProvider.class);
	}
}

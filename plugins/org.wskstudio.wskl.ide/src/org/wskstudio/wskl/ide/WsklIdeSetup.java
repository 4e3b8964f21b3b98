package org.wskstudio.wskl.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.eclipse.xtext.util.Modules2;
import org.wskstudio.wskl.WsklRuntimeModule;
import org.wskstudio.wskl.WsklStandaloneSetup;

/** WSKL's injector with the ide services (editors, language server). */
public class WsklIdeSetup extends WsklStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new WsklRuntimeModule(), new WsklIdeModule()));
	}
}

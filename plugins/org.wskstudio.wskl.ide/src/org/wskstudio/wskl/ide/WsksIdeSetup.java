package org.wskstudio.wskl.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.eclipse.xtext.util.Modules2;
import org.wskstudio.wskl.WsksRuntimeModule;
import org.wskstudio.wskl.WsksStandaloneSetup;

/** The scenario language's injector with the ide services (editors, language server). */
public class WsksIdeSetup extends WsksStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new WsksRuntimeModule(), new WsksIdeModule()));
	}
}

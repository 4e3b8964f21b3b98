package org.wskstudio.wskl;

/** Sets up WSKL outside Eclipse (command line, tests): its injector and EMF registration. */
public class WsklStandaloneSetup extends WsklStandaloneSetupGenerated {

	public static void doSetup() {
		new WsklStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}

package org.wskstudio.wskl;

/** Sets up the scenario language outside Eclipse (command line, tests): its injector and EMF registration. */
public class WsksStandaloneSetup extends WsksStandaloneSetupGenerated {

	public static void doSetup() {
		new WsksStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}

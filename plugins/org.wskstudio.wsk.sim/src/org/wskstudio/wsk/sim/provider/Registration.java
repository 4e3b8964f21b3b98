package org.wskstudio.wsk.sim.provider;

import java.util.LinkedHashSet;
import java.util.Set;

import org.wskstudio.wsk.sim.wsk.WskClient;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** State behind one WSK_REGISTRATION. */
final class Registration {
	final WskClient client;
	final String element;
	int captures;
	boolean deregistered;
	int staticEventMask;
	int socketsCreated;
	final Set<WskSocket> openSockets = new LinkedHashSet<>();

	Registration(WskClient client, String element) {
		this.client = client;
		this.element = element;
	}
}

package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.WskClient;
import org.wskstudio.wsk.sim.wsk.WskClientNpi;
import org.wskstudio.wsk.sim.wsk.WskProviderNpi;
import org.wskstudio.wsk.sim.wsk.WskRegistration;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * WSK clients: WskRegister, WskCaptureProviderNPI, WskReleaseProviderNPI and WskDeregister,
 * with their IRQL and balance rules, and the end-of-run checks of registrations left open.
 */
final class Registrations {
	private final WskSubsystem wsk;
	private final SimHost host;
	private final Map<WskClient, Registration> byClient = new HashMap<>();
	private final List<Registration> registrations = new ArrayList<>();
	private int nextClient;

	Registrations(WskSubsystem wsk) {
		this.wsk = wsk;
		this.host = wsk.host;
	}

	/** The registration of a client, or null. */
	Registration of(WskClient client) {
		return byClient.get(client);
	}

	int register(WskClientNpi clientNpi, WskRegistration registration) {
		String el = host.elements.resolve(registration, host.elements.of(clientNpi), host.exec.element());
		TraceEvent t = wsk.call("WskRegister", null, el, "");
		requirePassive("WskRegister", el);
		if (registration == null || clientNpi == null) {
			return WskSubsystem.ret(t, STATUS_INVALID_PARAMETER);
		}
		if (registration.reserved instanceof Registration r && !r.deregistered) {
			return WskSubsystem.ret(t, STATUS_INVALID_DEVICE_STATE);
		}
		Registration r = new Registration(new WskClient(++nextClient), el == null ? "driver" : el);
		registration.reserved = r;
		byClient.put(r.client, r);
		registrations.add(r);
		return WskSubsystem.ret(t, STATUS_SUCCESS);
	}

	int captureProviderNpi(WskRegistration registration, int waitTimeout, WskProviderNpi providerNpi) {
		Registration r = reg(registration);
		TraceEvent t = wsk.call("WskCaptureProviderNPI", null, r == null ? null : r.element,
				waitTimeout == WSK_INFINITE_WAIT ? "WSK_INFINITE_WAIT" : waitTimeout == WSK_NO_WAIT ? "WSK_NO_WAIT"
						: waitTimeout + " ms");
		if (waitTimeout != WSK_NO_WAIT) {
			requirePassive("WskCaptureProviderNPI with a wait", r == null ? null : r.element);
		}
		if (r == null || providerNpi == null) {
			return WskSubsystem.ret(t, STATUS_INVALID_PARAMETER);
		}
		if (r.deregistered) {
			return WskSubsystem.ret(t, STATUS_DEVICE_NOT_READY);
		}
		r.captures++;
		providerNpi.Client = r.client;
		providerNpi.Dispatch = wsk;
		return WskSubsystem.ret(t, STATUS_SUCCESS);
	}

	void releaseProviderNpi(WskRegistration registration) {
		Registration r = reg(registration);
		wsk.call("WskReleaseProviderNPI", null, r == null ? null : r.element, "");
		if (r == null) {
			return;
		}
		if (r.captures == 0) {
			host.verifier.report(Rule.NPI_RELEASE_UNBALANCED, r.element, null,
					"WskReleaseProviderNPI without a matching successful WskCaptureProviderNPI.");
			return;
		}
		r.captures--;
	}

	void deregister(WskRegistration registration) {
		Registration r = reg(registration);
		wsk.call("WskDeregister", null, r == null ? null : r.element, "");
		if (r == null || r.deregistered) {
			return;
		}
		requirePassive("WskDeregister", r.element);
		if (r.captures > 0) {
			host.verifier.report(Rule.NPI_NOT_RELEASED, r.element, null, r.captures
					+ " WskCaptureProviderNPI capture(s) not released at WskDeregister; WskDeregister would block "
					+ "until each is released with WskReleaseProviderNPI.");
		}
		if (!r.openSockets.isEmpty()) {
			host.verifier.report(Rule.SOCKET_OPEN_AT_DEREGISTER, r.element, null, "Socket(s) still open at WskDeregister: "
					+ names(r.openSockets) + ". Close every socket (WskCloseSocket) first; WskDeregister would block.");
		}
		r.deregistered = true;
	}

	private static String names(Iterable<WskSocket> sockets) {
		StringBuilder sb = new StringBuilder();
		for (WskSocket s : sockets) {
			sb.append(sb.length() == 0 ? "" : ", ").append(s);
		}
		return sb.toString();
	}

	private Registration reg(WskRegistration registration) {
		return registration != null && registration.reserved instanceof Registration r ? r : null;
	}

	private void requirePassive(String what, String element) {
		if (host.exec.irql() > NtDef.PASSIVE_LEVEL) {
			host.verifier.report(Rule.IRQL_TOO_HIGH, element, null, what + " must be called at PASSIVE_LEVEL, "
					+ "not from a WSK callback, completion routine or DPC.");
		}
	}

	/** End-of-run checks for registrations. */
	void finish() {
		for (Registration r : registrations) {
			if (r.deregistered) {
				continue;
			}
			if (r.captures > 0) {
				host.verifier.report(Rule.NPI_NOT_RELEASED, r.element, null, r.captures
						+ " WskCaptureProviderNPI capture(s) never released with WskReleaseProviderNPI.");
			}
			host.verifier.report(Rule.NOT_DEREGISTERED, r.element, null, "WskRegister was never matched by WskDeregister"
					+ (r.openSockets.isEmpty() ? "." : "; open sockets: " + names(r.openSockets) + "."));
		}
	}
}

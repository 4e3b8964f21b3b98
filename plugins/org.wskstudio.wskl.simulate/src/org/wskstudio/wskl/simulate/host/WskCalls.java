package org.wskstudio.wskl.simulate.host;

import static org.wskstudio.wskl.simulate.host.CDriver.bool;
import static org.wskstudio.wskl.simulate.host.CDriver.h;
import static org.wskstudio.wskl.simulate.host.CDriver.n;
import static org.wskstudio.wskl.simulate.host.HostObjects.address;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.SockAddrOut;
import org.wskstudio.wsk.sim.wsk.WskClient;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientNpi;
import org.wskstudio.wsk.sim.wsk.WskConstants;
import org.wskstudio.wsk.sim.wsk.WskControlSocketType;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskProviderBasicDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderNpi;
import org.wskstudio.wsk.sim.wsk.WskRegistration;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * The WSK routines the C calls, served on the simulator's WSK provider: registration and the
 * provider NPI, the client and socket calls of the provider's dispatch tables, and the driver's
 * check queries. Owns the tables that map the C's registrations, clients and dispatch tables to
 * the simulator's objects, and names a socket context after the listener whose static structure
 * holds it.
 */
final class WskCalls {
	private final CDriver driver;
	private final Kernel k;
	private final SimHost host;
	private final WskSimulator sim;
	private final HostObjects objects;
	private final String prefix;
	private final List<String> listeners;

	private final Map<Long, WskRegistration> registrations = new HashMap<>();
	private final Map<Long, WskProviderNpi> providerNpis = new HashMap<>();
	private final Map<Long, WskClientListenDispatch> listenDispatches = new HashMap<>();
	private final Map<WskClient, Long> clientIds = new IdentityHashMap<>();
	private final Map<Long, WskClient> clients = new HashMap<>();

	WskCalls(CDriver driver, Kernel k, SimHost host, WskSimulator sim, HostObjects objects, String prefix,
			List<String> listeners) {
		this.driver = driver;
		this.k = k;
		this.host = host;
		this.sim = sim;
		this.objects = objects;
		this.prefix = prefix;
		this.listeners = listeners;
	}

	/** The answer to a WSK call "Routine site args...", or null when t[0] is not a WSK routine. */
	String serve(String[] t) {
		KernelCalls kernel = driver.kernel;
		switch (t[0]) {
			case "WskRegister": {
				WskRegistration r = registration(n(t, 3));
				k.SimTag(r, driver.driverElement);
				WskClientNpi npi = new WskClientNpi(objects.pointer(n(t, 2)), new WskClientDispatch(WskConstants.WSK_VERSION_1_0));
				return h(k.WskRegister(npi, r) & 0xffffffffL);
			}
			case "WskCaptureProviderNPI": {
				long reg = n(t, 2);
				WskProviderNpi npi = providerNpis.computeIfAbsent(reg, x -> new WskProviderNpi());
				int st = k.WskCaptureProviderNPI(registration(reg), (int) n(t, 3), npi);
				return h(st & 0xffffffffL) + " " + h(clientId(npi.Client));
			}
			case "WskReleaseProviderNPI":
				k.WskReleaseProviderNPI(registration(n(t, 2)));
				return "";
			case "WskDeregister":
				k.WskDeregister(registration(n(t, 2)));
				return "";
			case "WskSocket":
				return wskSocket(t);
			case "WskControlClient": {
				Object input = n(t, 5) != 0 ? new WskEventCallbackControl(WskConstants.NPI_WSK_INTERFACE_ID, (int) n(t, 5))
						: null;
				return status(provider().WskControlClient(clients.get(n(t, 2)), (int) n(t, 3), n(t, 4), input, 0, null,
						null, kernel.irpOrNull(n(t, 7))));
			}
			case "WskControlSocket": {
				WskSocket s = objects.socket(n(t, 2));
				int kind = (int) n(t, 7);
				int value = (int) n(t, 8);
				Object input = kind == 1 ? new WskEventCallbackControl(WskConstants.NPI_WSK_INTERFACE_ID, value)
						: kind == 2 ? new WskEventCallbackControl(null, value) : kind == 3 ? Integer.valueOf(value) : null;
				WskControlSocketType type = WskControlSocketType.values()[(int) Math.min(n(t, 3), 2)];
				return status(basic(s).WskControlSocket(s, type, (int) n(t, 4), (int) n(t, 5), n(t, 6), input, 0, null,
						null, kernel.irpOrNull(n(t, 9))));
			}
			case "WskCloseSocket": {
				WskSocket s = objects.socket(n(t, 2));
				return status(basic(s).WskCloseSocket(s, kernel.irpOrNull(n(t, 3))));
			}
			case "WskBind": {
				WskSocket s = objects.socket(n(t, 2));
				return status(listen(s).WskBind(s, HostObjects.sockAddr(t[3]), (int) n(t, 4), kernel.irpOrNull(n(t, 5))));
			}
			case "WskAccept":
				return wskAccept(t);
			case "WskInspectComplete": {
				WskSocket s = objects.socket(n(t, 2));
				WskInspectId id = n(t, 3) != 0 ? new WskInspectId(n(t, 4), (int) n(t, 5)) : null;
				int action = (int) n(t, 6);
				WskInspectAction a = action < WskInspectAction.values().length ? WskInspectAction.values()[action]
						: WskInspectAction.WskInspectMax;
				return status(listen(s).WskInspectComplete(s, id, a, kernel.irpOrNull(n(t, 7))));
			}
			case "WskGetLocalAddress": {
				WskSocket s = objects.socket(n(t, 2));
				SockAddrOut out = new SockAddrOut();
				Irp irp = kernel.irpOrNull(n(t, 4));
				if (irp != null) {
					driver.callbacks.acceptOutputs.put(irp, new long[] {n(t, 3), 0});
				}
				return status(listen(s).WskGetLocalAddress(s, out, irp));
			}
			case "Check":
				return check(t);
			default:
				return null;
		}
	}

	private String wskSocket(String[] t) {
		long client = n(t, 2);
		long context = n(t, 7);
		Object ctx = objects.pointer(context);
		String listener = listenerOf(context);
		if (listener != null && host.elements.of(ctx) == null) {
			k.SimTag(ctx, listener);
		}
		CCallbacks callbacks = driver.callbacks;
		WskClientListenDispatch d = n(t, 8) == 0 ? null : listenDispatches.computeIfAbsent(n(t, 8), a -> {
			long accept = n(t, 9), inspect = n(t, 10), abort = n(t, 11);
			return new WskClientListenDispatch(accept == 0 ? null : (c, fl, l, r, s, actx, adisp) -> callbacks.acceptEvent(accept, c, fl, l, r, s, actx, adisp),
					inspect == 0 ? null : (c, l, r, id) -> callbacks.inspectEvent(inspect, c, l, r, id),
					abort == 0 ? null : (c, id) -> (int) driver.callC(abort, "abort " + h(abort) + " " + h(address(c)) + " "
							+ h(id.Key) + " " + h(id.SerialNumber & 0xffffffffL))[0]);
		});
		return status(provider().WskSocket(clients.get(client), (int) n(t, 3), (int) n(t, 4), (int) n(t, 5),
				(int) n(t, 6), ctx, d, null, null, null, driver.kernel.irpOrNull(n(t, 12))));
	}

	private String wskAccept(String[] t) {
		WskSocket s = objects.socket(n(t, 2));
		CCallbacks callbacks = driver.callbacks;
		WskClientConnectionDispatch d = callbacks.connectionDispatch(n(t, 5), n(t, 6), n(t, 7), n(t, 8));
		Irp irp = driver.kernel.irpOrNull(n(t, 11));
		SockAddrOut local = n(t, 9) != 0 ? new SockAddrOut() : null;
		SockAddrOut remote = n(t, 10) != 0 ? new SockAddrOut() : null;
		if (irp != null) {
			callbacks.acceptOutputs.put(irp, new long[] {n(t, 9), n(t, 10)});
			callbacks.pendingAcceptOuts.put(irp, new SockAddrOut[] {local, remote});
		}
		return status(listen(s).WskAccept(s, (int) n(t, 3), objects.pointer(n(t, 4)), d, local, remote, irp));
	}

	private String check(String[] t) {
		long complete = n(t, 2);
		SockAddr remote = HostObjects.sockAddr(t[5]);
		String name = t[6];
		WskInspectId id = new WskInspectId(n(t, 3), (int) n(t, 4));
		k.SimQueryCheck(name, remote == null ? null : remote.unmapV4(), id, (ctx, accept) -> {
			WskInspectId i = (WskInspectId) ctx;
			driver.callC(complete, "check " + h(complete) + " " + h(i.Key) + " " + h(i.SerialNumber & 0xffffffffL) + " "
					+ bool(accept));
		});
		return "";
	}

	private WskRegistration registration(long address) {
		return HostObjects.of(registrations, address, a -> new WskRegistration());
	}

	private long clientId(WskClient client) {
		if (client == null) {
			return 0;
		}
		return clientIds.computeIfAbsent(client, c -> {
			long id = clientIds.size() + 1L;
			clients.put(id, c);
			return id;
		});
	}

	private org.wskstudio.wsk.sim.wsk.WskProviderDispatch provider() {
		for (WskProviderNpi npi : providerNpis.values()) {
			if (npi.Dispatch != null) {
				return npi.Dispatch;
			}
		}
		return sim.wsk();
	}

	private WskProviderBasicDispatch basic(WskSocket s) {
		return s != null ? s.Dispatch : sim.wsk();
	}

	private WskProviderListenDispatch listen(WskSocket s) {
		return s != null && s.Dispatch instanceof WskProviderListenDispatch l ? l : sim.wsk();
	}

	private static String status(int st) {
		return h(st & 0xffffffffL);
	}

	/** The model listener whose static structure {@code <prefix><Listener>} the address points into. */
	private String listenerOf(long address) {
		String symbol = driver.exe.symbolAt(address);
		if (symbol == null) {
			return null;
		}
		for (String l : listeners) {
			if (symbol.equals(prefix + l)) {
				return l;
			}
		}
		for (String l : listeners) {
			if (symbol.endsWith(l)) {
				return l;
			}
		}
		return null;
	}
}

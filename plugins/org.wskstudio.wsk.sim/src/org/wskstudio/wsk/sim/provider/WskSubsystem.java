package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;

import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.SockAddrOut;
import org.wskstudio.wsk.sim.wsk.WskClient;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientNpi;
import org.wskstudio.wsk.sim.wsk.WskControlSocketType;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskProviderConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderNpi;
import org.wskstudio.wsk.sim.wsk.WskRegistration;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * The simulated WSK subsystem: the provider dispatch tables and the socket calls. Client
 * registration is in {@link Registrations}, socket options in {@link SocketControl}, incoming
 * connections in {@link ConnectionFlow}.
 */
public final class WskSubsystem implements WskProviderDispatch, WskProviderListenDispatch,
		WskProviderConnectionDispatch {
	final SimHost host;
	final Listeners listeners;
	final ConnectionFlow flow;
	private final Registrations registrations;
	final SocketControl control;
	private int nextSocket;

	public WskSubsystem(SimHost host) {
		this.host = host;
		this.listeners = new Listeners(host.config);
		this.flow = new ConnectionFlow(this);
		this.registrations = new Registrations(this);
		this.control = new SocketControl(this);
	}

	public ConnectionFlow flow() {
		return flow;
	}

	public Listeners listeners() {
		return listeners;
	}

	// ------------------------------------------------------------------ registration

	public int WskRegister(WskClientNpi clientNpi, WskRegistration registration) {
		return registrations.register(clientNpi, registration);
	}

	public int WskCaptureProviderNPI(WskRegistration registration, int waitTimeout, WskProviderNpi providerNpi) {
		return registrations.captureProviderNpi(registration, waitTimeout, providerNpi);
	}

	public void WskReleaseProviderNPI(WskRegistration registration) {
		registrations.releaseProviderNpi(registration);
	}

	public void WskDeregister(WskRegistration registration) {
		registrations.deregister(registration);
	}

	/** End-of-run checks: connections, then registrations. */
	public void finish() {
		flow.finish();
		registrations.finish();
	}

	// ------------------------------------------------------------------ client-level dispatch

	@Override
	public short Version() {
		return WSK_VERSION_1_0;
	}

	@Override
	public int WskSocket(WskClient Client, int AddressFamily, int SocketType, int Protocol, int Flags,
			Object SocketContext, Object Dispatch, Object OwningProcess, Object OwningThread,
			Object SecurityDescriptor, Irp Irp) {
		Registration r = registrations.of(Client);
		String el = host.elements.resolve(SocketContext, host.elements.of(Irp), host.exec.element());
		TraceEvent t = call("WskSocket", el, el, (AddressFamily == AF_INET ? "AF_INET" : AddressFamily == AF_INET6
				? "AF_INET6" : "family " + AddressFamily) + ", flags=0x" + Integer.toHexString(Flags));
		if (!host.io.takeForWsk(Irp, "WskSocket", el, el)) {
			return ret(t, STATUS_INVALID_PARAMETER);
		}
		if (r == null || r.deregistered) {
			return finish(t, Irp, STATUS_INVALID_HANDLE, null);
		}
		if (Flags != WSK_FLAG_LISTEN_SOCKET || SocketType != SOCK_STREAM || Protocol != IPPROTO_TCP) {
			return finish(t, Irp, STATUS_NOT_SUPPORTED, null);
		}
		if (AddressFamily != AF_INET && AddressFamily != AF_INET6) {
			return finish(t, Irp, STATUS_INVALID_PARAMETER, null);
		}
		if (Dispatch != null && !(Dispatch instanceof WskClientListenDispatch)) {
			return finish(t, Irp, STATUS_INVALID_PARAMETER, null);
		}
		int id = ++nextSocket;
		String name = el != null ? el : "listener#" + id;
		ListenSocket s = new ListenSocket(this, id, name, r, AddressFamily, SocketContext,
				(WskClientListenDispatch) Dispatch);
		r.socketsCreated++;
		r.openSockets.add(s);
		return finish(t, Irp, STATUS_SUCCESS, s);
	}

	@Override
	public int WskControlClient(WskClient Client, int ControlCode, long InputSize, Object InputBuffer, long OutputSize,
			Object OutputBuffer, long[] OutputSizeReturned, Irp Irp) {
		Registration r = registrations.of(Client);
		String el = r == null ? host.exec.element() : r.element;
		TraceEvent t = call("WskControlClient", null, el, ControlCode == WSK_SET_STATIC_EVENT_CALLBACKS
				? "WSK_SET_STATIC_EVENT_CALLBACKS " + (InputBuffer instanceof WskEventCallbackControl c
						? eventMaskName(c.EventMask()) : "?")
				: "code " + ControlCode);
		if (r == null) {
			return ret(t, STATUS_INVALID_HANDLE);
		}
		if (ControlCode != WSK_SET_STATIC_EVENT_CALLBACKS) {
			if (Irp != null && host.io.takeForWsk(Irp, "WskControlClient", null, el)) {
				return finish(t, Irp, STATUS_NOT_SUPPORTED, null);
			}
			return ret(t, STATUS_NOT_SUPPORTED);
		}
		if (Irp != null) {
			host.verifier.report(Rule.OPTION_IRP, el, null,
					"WskControlClient(WSK_SET_STATIC_EVENT_CALLBACKS) must be called with Irp == NULL.");
		}
		int status;
		if (!(InputBuffer instanceof WskEventCallbackControl c)) {
			status = STATUS_INVALID_PARAMETER;
		} else if (r.socketsCreated > 0) {
			host.verifier.report(Rule.STATIC_EVENTS_TOO_LATE, el, null, "WSK_SET_STATIC_EVENT_CALLBACKS after "
					+ r.socketsCreated + " socket(s) were created: it must come before the client creates any socket.");
			status = STATUS_INVALID_DEVICE_STATE;
		} else {
			r.staticEventMask |= c.EventMask() & ~WSK_EVENT_DISABLE;
			status = STATUS_SUCCESS;
		}
		if (Irp != null && host.io.takeForWsk(Irp, "WskControlClient", null, el)) {
			return finish(t, Irp, status, null);
		}
		return ret(t, status);
	}

	// ------------------------------------------------------------------ socket-level dispatch

	@Override
	public int WskControlSocket(WskSocket Socket, WskControlSocketType RequestType, int ControlCode, int Level,
			long InputSize, Object InputBuffer, long OutputSize, Object OutputBuffer, long[] OutputSizeReturned,
			Irp Irp) {
		String opt = optionName(Level, ControlCode);
		String detail = RequestType + ", " + opt + (InputBuffer instanceof WskEventCallbackControl c
				? " " + eventMaskName(c.EventMask()) : InputBuffer != null ? " = " + InputBuffer : "");
		boolean eventOption = RequestType == WskControlSocketType.WskSetOption && ControlCode == SO_WSK_EVENT_CALLBACK
				&& Level == SOL_SOCKET;
		String el = element(Socket);
		TraceEvent t = call("WskControlSocket", listenerName(Socket), el, Socket + ": " + detail);
		boolean enabling = eventOption && InputBuffer instanceof WskEventCallbackControl c
				&& (c.EventMask() & WSK_EVENT_DISABLE) == 0;
		if (eventOption) {
			if (enabling && Irp != null) {
				host.verifier.report(Rule.OPTION_IRP, el, listenerName(Socket), "WskControlSocket(SO_WSK_EVENT_CALLBACK) "
						+ "enabling events on " + Socket + " was given " + Irp + "; enabling takes no IRP (pass NULL).");
			}
			if (Irp != null && !host.io.takeForWsk(Irp, "WskControlSocket(" + opt + ")", listenerName(Socket), el)) {
				return ret(t, STATUS_INVALID_PARAMETER);
			}
		} else if (Irp == null) {
			host.verifier.report(Rule.OPTION_IRP, el, listenerName(Socket), "WskControlSocket(" + RequestType + ", " + opt
					+ ") on " + Socket + " needs an IRP.");
			return ret(t, STATUS_INVALID_PARAMETER);
		} else if (!host.io.takeForWsk(Irp, "WskControlSocket(" + opt + ")", listenerName(Socket), el)) {
			return ret(t, STATUS_INVALID_PARAMETER);
		}
		int status = control.controlSocket(Socket, RequestType, ControlCode, Level, InputBuffer, opt, el);
		return Irp == null ? ret(t, status) : finish(t, Irp, status, null);
	}

	@Override
	public int WskBind(WskSocket Socket, SockAddr LocalAddress, int Flags, Irp Irp) {
		String el = element(Socket);
		TraceEvent t = call("WskBind", listenerName(Socket), el, Socket + " to " + LocalAddress);
		if (!host.io.takeForWsk(Irp, "WskBind", listenerName(Socket), el)) {
			return ret(t, STATUS_INVALID_PARAMETER);
		}
		if (!usable(Socket, "WskBind")) {
			return finish(t, Irp, STATUS_INVALID_HANDLE, null);
		}
		if (!(Socket instanceof ListenSocket s) || LocalAddress == null) {
			return finish(t, Irp, STATUS_INVALID_PARAMETER, null);
		}
		if (s.state != ListenState.CREATED) {
			return finish(t, Irp, STATUS_INVALID_DEVICE_STATE, null);
		}
		if (LocalAddress.family() != s.family) {
			return finish(t, Irp, STATUS_INVALID_PARAMETER, null);
		}
		int conflict = listeners.bind(s, LocalAddress);
		if (conflict != STATUS_SUCCESS) {
			return finish(t, Irp, conflict, null);
		}
		s.state = ListenState.LISTENING;
		return finish(t, Irp, STATUS_SUCCESS, null);
	}

	@Override
	public int WskAccept(WskSocket ListenSocket, int Flags, Object AcceptSocketContext,
			WskClientConnectionDispatch AcceptSocketDispatch, SockAddrOut LocalAddress, SockAddrOut RemoteAddress,
			Irp Irp) {
		String el = element(ListenSocket);
		TraceEvent t = call("WskAccept", listenerName(ListenSocket), el, ListenSocket + " " + Irp);
		if (!host.io.takeForWsk(Irp, "WskAccept", listenerName(ListenSocket), el)) {
			return ret(t, STATUS_INVALID_PARAMETER);
		}
		if (!usable(ListenSocket, "WskAccept")) {
			return finish(t, Irp, STATUS_INVALID_HANDLE, null);
		}
		if (!(ListenSocket instanceof ListenSocket s)) {
			return finish(t, Irp, STATUS_INVALID_DEVICE_REQUEST, null);
		}
		if (s.state == ListenState.FAILED) {
			return finish(t, Irp, STATUS_FILE_FORCED_CLOSED, null);
		}
		if (s.state != ListenState.LISTENING) {
			return finish(t, Irp, STATUS_INVALID_DEVICE_STATE, null);
		}
		AcceptRequest req = new AcceptRequest(Irp, AcceptSocketContext, AcceptSocketDispatch, LocalAddress,
				RemoteAddress);
		Connection waiting = flow.takeFromBacklog(s);
		if (waiting != null) {
			ConnectionSocket cs = flow.acceptWithIrp(waiting, req);
			return finish(t, Irp, STATUS_SUCCESS, cs);
		}
		s.acceptQueue.addLast(req);
		Irp.setCancelHandler(() -> {
			if (s.acceptQueue.remove(req)) {
				host.io.complete(Irp, STATUS_CANCELLED, null);
			}
		});
		return ret(t, STATUS_PENDING);
	}

	@Override
	public int WskInspectComplete(WskSocket ListenSocket, WskInspectId InspectID, WskInspectAction Action, Irp Irp) {
		String el = element(ListenSocket);
		TraceEvent t = call("WskInspectComplete", listenerName(ListenSocket), el, ListenSocket + " " + InspectID + " "
				+ Action);
		if (!host.io.takeForWsk(Irp, "WskInspectComplete", listenerName(ListenSocket), el)) {
			return ret(t, STATUS_INVALID_PARAMETER);
		}
		if (!usable(ListenSocket, "WskInspectComplete")) {
			return finish(t, Irp, STATUS_INVALID_HANDLE, null);
		}
		if (!(ListenSocket instanceof ListenSocket s)) {
			return finish(t, Irp, STATUS_INVALID_DEVICE_REQUEST, null);
		}
		int status = flow.inspectComplete(s, InspectID, Action);
		return finish(t, Irp, status, null);
	}

	@Override
	public int WskGetLocalAddress(WskSocket Socket, SockAddrOut LocalAddress, Irp Irp) {
		String el = element(Socket);
		TraceEvent t = call("WskGetLocalAddress", listenerName(Socket), el, String.valueOf(Socket));
		if (!host.io.takeForWsk(Irp, "WskGetLocalAddress", listenerName(Socket), el)) {
			return ret(t, STATUS_INVALID_PARAMETER);
		}
		if (!usable(Socket, "WskGetLocalAddress")) {
			return finish(t, Irp, STATUS_INVALID_HANDLE, null);
		}
		SockAddr a = Socket instanceof ListenSocket s ? s.local : ((ConnectionSocket) Socket).connection.local;
		if (a == null) {
			return finish(t, Irp, STATUS_INVALID_DEVICE_STATE, null);
		}
		if (LocalAddress != null) {
			LocalAddress.value = a;
		}
		return finish(t, Irp, STATUS_SUCCESS, a);
	}

	@Override
	public int WskGetRemoteAddress(WskSocket Socket, SockAddrOut RemoteAddress, Irp Irp) {
		String el = element(Socket);
		TraceEvent t = call("WskGetRemoteAddress", listenerName(Socket), el, String.valueOf(Socket));
		if (!host.io.takeForWsk(Irp, "WskGetRemoteAddress", listenerName(Socket), el)) {
			return ret(t, STATUS_INVALID_PARAMETER);
		}
		if (!usable(Socket, "WskGetRemoteAddress")) {
			return finish(t, Irp, STATUS_INVALID_HANDLE, null);
		}
		if (!(Socket instanceof ConnectionSocket cs)) {
			return finish(t, Irp, STATUS_INVALID_DEVICE_REQUEST, null);
		}
		if (RemoteAddress != null) {
			RemoteAddress.value = cs.connection.remote;
		}
		return finish(t, Irp, STATUS_SUCCESS, cs.connection.remote);
	}

	@Override
	public int WskCloseSocket(WskSocket Socket, Irp Irp) {
		String el = element(Socket);
		TraceEvent t = call("WskCloseSocket", listenerName(Socket), el, String.valueOf(Socket));
		if (!host.io.takeForWsk(Irp, "WskCloseSocket", listenerName(Socket), el)) {
			return ret(t, STATUS_INVALID_PARAMETER);
		}
		if (!usable(Socket, "WskCloseSocket")) {
			return finish(t, Irp, STATUS_INVALID_HANDLE, null);
		}
		if (Socket instanceof ListenSocket s) {
			s.state = ListenState.CLOSED;
			listeners.unbind(s);
			s.registration.openSockets.remove(s);
			flow.listenerClosed(s);
		} else {
			ConnectionSocket cs = (ConnectionSocket) Socket;
			cs.closed = true;
			cs.listener.registration.openSockets.remove(cs);
		}
		return finish(t, Irp, STATUS_SUCCESS, null);
	}

	// ------------------------------------------------------------------ helpers

	/** Reports use of a NULL or closed socket. */
	boolean usable(WskSocket socket, String op) {
		if (socket == null) {
			host.verifier.report(Rule.SOCKET_CLOSED_USE, host.exec.element(), null, op + " on a NULL socket.");
			return false;
		}
		boolean closed = socket instanceof ListenSocket s ? s.state == ListenState.CLOSED
				: ((ConnectionSocket) socket).closed;
		if (closed) {
			host.verifier.report(Rule.SOCKET_CLOSED_USE, element(socket), listenerName(socket), op + " on " + socket
					+ " after WskCloseSocket. A closed socket must not be used again.");
			return false;
		}
		return true;
	}

	String element(WskSocket socket) {
		if (socket instanceof ListenSocket s) {
			return s.name;
		}
		if (socket instanceof ConnectionSocket cs) {
			return cs.listener.name;
		}
		return host.exec.element();
	}

	static String listenerName(WskSocket socket) {
		if (socket instanceof ListenSocket s) {
			return s.name;
		}
		if (socket instanceof ConnectionSocket cs) {
			return cs.listener.name;
		}
		return null;
	}

	TraceEvent call(String kind, String listener, String element, String details) {
		return host.trace.record(Actor.DRIVER, Actor.WSK, kind, listener, element, details);
	}

	static int ret(TraceEvent t, int status) {
		t.setResult(NtStatus.name(status));
		return status;
	}

	/** Completes the IRP now (returning the status) or, in async mode, later (returning STATUS_PENDING). */
	private int finish(TraceEvent t, Irp irp, int status, Object information) {
		if (host.config.asyncCompletion()) {
			host.scheduler.after(host.config.completionLatency(), () -> host.io.complete(irp, status, information));
			return ret(t, STATUS_PENDING);
		}
		t.setResult(NtStatus.name(status));
		host.io.complete(irp, status, information);
		return status;
	}
}

package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.NtDef;
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
 * The simulated WSK subsystem: registration, the provider dispatch tables and the socket
 * calls. Incoming connections are handled by {@link ConnectionFlow}.
 */
public final class WskSubsystem implements WskProviderDispatch, WskProviderListenDispatch,
        WskProviderConnectionDispatch {
    final SimHost host;
    final Listeners listeners;
    final ConnectionFlow flow;
    private final Map<WskClient, Registration> byClient = new java.util.HashMap<>();
    private final List<Registration> registrations = new ArrayList<>();
    private int nextClient;
    private int nextSocket;

    public WskSubsystem(SimHost host) {
        this.host = host;
        this.listeners = new Listeners(host.config);
        this.flow = new ConnectionFlow(this);
    }

    public ConnectionFlow flow() {
        return flow;
    }

    public Listeners listeners() {
        return listeners;
    }

    // ------------------------------------------------------------------ registration

    public int WskRegister(WskClientNpi clientNpi, WskRegistration registration) {
        String el = host.elements.resolve(registration, host.elements.of(clientNpi), host.exec.element());
        TraceEvent t = call("WskRegister", null, el, "");
        requirePassive("WskRegister", el);
        if (registration == null || clientNpi == null) {
            return ret(t, STATUS_INVALID_PARAMETER);
        }
        if (registration.reserved instanceof Registration r && !r.deregistered) {
            return ret(t, STATUS_INVALID_DEVICE_STATE);
        }
        Registration r = new Registration(new WskClient(++nextClient), el == null ? "driver" : el);
        registration.reserved = r;
        byClient.put(r.client, r);
        registrations.add(r);
        return ret(t, STATUS_SUCCESS);
    }

    public int WskCaptureProviderNPI(WskRegistration registration, int waitTimeout, WskProviderNpi providerNpi) {
        Registration r = reg(registration);
        TraceEvent t = call("WskCaptureProviderNPI", null, r == null ? null : r.element,
                waitTimeout == WSK_INFINITE_WAIT ? "WSK_INFINITE_WAIT" : waitTimeout == WSK_NO_WAIT ? "WSK_NO_WAIT"
                        : waitTimeout + " ms");
        if (waitTimeout != WSK_NO_WAIT) {
            requirePassive("WskCaptureProviderNPI with a wait", r == null ? null : r.element);
        }
        if (r == null || providerNpi == null) {
            return ret(t, STATUS_INVALID_PARAMETER);
        }
        if (r.deregistered) {
            return ret(t, STATUS_DEVICE_NOT_READY);
        }
        r.captures++;
        providerNpi.Client = r.client;
        providerNpi.Dispatch = this;
        return ret(t, STATUS_SUCCESS);
    }

    public void WskReleaseProviderNPI(WskRegistration registration) {
        Registration r = reg(registration);
        call("WskReleaseProviderNPI", null, r == null ? null : r.element, "");
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

    public void WskDeregister(WskRegistration registration) {
        Registration r = reg(registration);
        call("WskDeregister", null, r == null ? null : r.element, "");
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
    public void finish() {
        flow.finish();
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

    // ------------------------------------------------------------------ client-level dispatch

    @Override
    public short Version() {
        return WSK_VERSION_1_0;
    }

    @Override
    public int WskSocket(WskClient Client, int AddressFamily, int SocketType, int Protocol, int Flags,
            Object SocketContext, Object Dispatch, Object OwningProcess, Object OwningThread,
            Object SecurityDescriptor, Irp Irp) {
        Registration r = byClient.get(Client);
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
        Registration r = byClient.get(Client);
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
        int status = controlSocket(Socket, RequestType, ControlCode, Level, InputBuffer, opt, el);
        return Irp == null ? ret(t, status) : finish(t, Irp, status, null);
    }

    private int controlSocket(WskSocket socket, WskControlSocketType type, int code, int level, Object input,
            String opt, String el) {
        if (!usable(socket, "WskControlSocket(" + opt + ")")) {
            return socket == null ? STATUS_INVALID_PARAMETER : STATUS_INVALID_HANDLE;
        }
        if (type != WskControlSocketType.WskSetOption) {
            return STATUS_NOT_SUPPORTED;
        }
        if (socket instanceof ConnectionSocket cs) {
            return connectionOption(cs, code, level, input, el);
        }
        ListenSocket s = (ListenSocket) socket;
        if (code == SO_WSK_EVENT_CALLBACK && level == SOL_SOCKET) {
            return listenEventOption(s, input);
        }
        boolean known = (level == SOL_SOCKET
                && (code == SO_CONDITIONAL_ACCEPT || code == SO_REUSEADDR || code == SO_EXCLUSIVEADDRUSE))
                || (level == IPPROTO_IPV6 && code == IPV6_V6ONLY);
        if (!known) {
            return STATUS_NOT_SUPPORTED;
        }
        if (s.state != ListenState.CREATED) {
            host.verifier.report(Rule.OPTION_AFTER_BIND, s.name, s.name, opt + " set on " + s + " after WskBind. "
                    + "It only takes effect when set before the socket is bound; set it between WskSocket and WskBind.");
            return STATUS_INVALID_DEVICE_STATE;
        }
        boolean on;
        if (input instanceof Number n) {
            on = n.longValue() != 0;
        } else if (input instanceof Boolean b) {
            on = b;
        } else {
            return STATUS_INVALID_PARAMETER;
        }
        if (level == IPPROTO_IPV6) {
            if (s.family != AF_INET6) {
                return STATUS_INVALID_PARAMETER;
            }
            s.v6Only = on;
        } else if (code == SO_CONDITIONAL_ACCEPT) {
            s.conditional = on;
        } else if (code == SO_REUSEADDR) {
            if (on && s.exclusiveAddress) {
                return STATUS_INVALID_PARAMETER;
            }
            s.reuseAddress = on;
        } else {
            if (on && s.reuseAddress) {
                return STATUS_INVALID_PARAMETER;
            }
            s.exclusiveAddress = on;
        }
        return STATUS_SUCCESS;
    }

    private int listenEventOption(ListenSocket s, Object input) {
        if (!(input instanceof WskEventCallbackControl c) || c.NpiId() != NPI_WSK_INTERFACE_ID) {
            return STATUS_INVALID_PARAMETER;
        }
        int mask = c.EventMask();
        // Besides WSK_EVENT_ACCEPT a listening socket takes the connection-oriented events: they are inherited by
        // the sockets its WskAcceptEvent accepts (SO_WSK_EVENT_CALLBACK page; "Enabling and Disabling Event
        // Callback Functions").
        int connectionEvents = WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT | WSK_EVENT_SEND_BACKLOG;
        if ((mask & ~(WSK_EVENT_ACCEPT | connectionEvents | WSK_EVENT_DISABLE)) != 0) {
            return STATUS_INVALID_PARAMETER;
        }
        if (s.state == ListenState.CREATED) {
            host.verifier.report(Rule.OPTION_BEFORE_BIND, s.name, s.name, "SO_WSK_EVENT_CALLBACK on " + s
                    + " before WskBind: a listening socket's event callbacks can only be enabled after it is bound.");
            return STATUS_INVALID_DEVICE_STATE;
        }
        if ((mask & WSK_EVENT_DISABLE) != 0) {
            // "After any connection-oriented event callback functions are enabled on a listening socket, they
            // cannot be disabled on the listening socket." The status is the simulator's choice.
            if ((mask & connectionEvents) != 0) {
                return STATUS_INVALID_PARAMETER;
            }
            s.acceptEventEnabled = false;
            return STATUS_SUCCESS;
        }
        if ((mask & WSK_EVENT_ACCEPT) != 0 && (s.callbacks == null || s.callbacks.acceptEvent() == null)) {
            host.verifier.report(Rule.CALLBACK_MISSING, s.name, s.name, "WSK_EVENT_ACCEPT enabled on " + s
                    + " but its WSK_CLIENT_LISTEN_DISPATCH has no WskAcceptEvent.");
            return STATUS_INVALID_PARAMETER;
        }
        s.inheritedEventMask |= mask & connectionEvents;
        if ((mask & WSK_EVENT_ACCEPT) != 0) {
            s.acceptEventEnabled = true;
            flow.scheduleBacklogDrain(s);
        }
        return STATUS_SUCCESS;
    }

    private int connectionOption(ConnectionSocket cs, int code, int level, Object input, String el) {
        if (code != SO_WSK_EVENT_CALLBACK || level != SOL_SOCKET || !(input instanceof WskEventCallbackControl c)) {
            return STATUS_NOT_SUPPORTED;
        }
        int mask = c.EventMask();
        int events = mask & (WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT | WSK_EVENT_SEND_BACKLOG);
        if (events != (mask & ~WSK_EVENT_DISABLE)) {
            return STATUS_INVALID_PARAMETER;
        }
        if ((mask & WSK_EVENT_DISABLE) != 0) {
            cs.eventMask &= ~events;
            return STATUS_SUCCESS;
        }
        if (cs.inAcceptEvent) {
            cs.eventMask |= events; // checked against the dispatch table once WskAcceptEvent returns
            return STATUS_SUCCESS;
        }
        if (missingCallbacks(cs, events)) {
            return STATUS_INVALID_PARAMETER;
        }
        cs.eventMask |= events;
        return STATUS_SUCCESS;
    }

    /** Reports CALLBACK_MISSING if an enabled connection event has no callback in the socket's dispatch. */
    boolean missingCallbacks(ConnectionSocket cs, int events) {
        String el = cs.listener.name;
        WskClientConnectionDispatch d = cs.callbacks;
        boolean missing = d == null || ((events & WSK_EVENT_RECEIVE) != 0 && d.receiveEvent() == null)
                || ((events & WSK_EVENT_DISCONNECT) != 0 && d.disconnectEvent() == null)
                || ((events & WSK_EVENT_SEND_BACKLOG) != 0 && d.sendBacklogEvent() == null);
        if (missing) {
            host.verifier.report(Rule.CALLBACK_MISSING, el, cs.listener.name, eventMaskName(events) + " enabled on " + cs
                    + " but its WSK_CLIENT_CONNECTION_DISPATCH lacks the callback.");
        }
        return missing;
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
    private boolean usable(WskSocket socket, String op) {
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

    private static int ret(TraceEvent t, int status) {
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

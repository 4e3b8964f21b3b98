package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.kernel.ExecContext;
import org.wskstudio.wsk.sim.kernel.PoolAllocation;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.nt.IrpState;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskDataIndication;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;

/**
 * Incoming connection requests from arrival to their outcome: routing, conditional accept
 * (inspect / pend / complete / abort), establishment, delivery (queued IRP, accept event or
 * backlog), listener failure, and the remote side's later actions.
 */
public final class ConnectionFlow {
    private static final long KEY_BASE = 0xFFFFA00000000000L;
    private static final long KEY_STRIDE = 0x140;

    private record IdKey(long key, int serial) {
    }

    private final WskSubsystem wsk;
    private final SimHost host;
    private final List<Connection> all = new ArrayList<>();
    private final Map<IdKey, Connection> pendedIds = new HashMap<>();
    private final List<Connection> abortedWithEntries = new ArrayList<>();
    private final ArrayDeque<Integer> freeKeySlots = new ArrayDeque<>();
    private int nextKeySlot;
    private int nextSerial;
    private int nextConnSocket;
    private long decided;
    private boolean quiescenceChecked;
    private ProgressListener progress;

    ConnectionFlow(WskSubsystem wsk) {
        this.wsk = wsk;
        this.host = wsk.host;
    }

    public void setProgressListener(ProgressListener p) {
        this.progress = p;
    }

    /** Schedules a remote client's connection attempt; returns its record. */
    public RequestRecord submit(ConnectSpec spec) {
        Connection c = new Connection(all.size(), spec);
        all.add(c);
        host.scheduler.external(spec.at(), () -> arrive(c));
        return c;
    }

    public List<RequestRecord> requests() {
        return List.copyOf(all);
    }

    // ------------------------------------------------------------------ arrival and inspection

    private void arrive(Connection c) {
        ConnectSpec spec = c.spec;
        Listeners.Route r = wsk.listeners.route(spec.remote(), spec.local(), spec.listener());
        String lname = r.socket() != null ? r.socket().name : spec.listener();
        host.trace.record(Actor.CLIENT, Actor.WSK, "ConnectRequest", lname, lname, "#" + c.index + " "
                + spec.remote() + " -> " + (spec.local() != null ? spec.local() : lname));
        c.listener = r.socket();
        if (r.refusal() != null) {
            refuse(c, r.refusal());
            return;
        }
        ListenSocket s = r.socket();
        if (s.state != ListenState.LISTENING) {
            refuse(c, "listener " + s.name + " is " + s.state.name().toLowerCase());
            return;
        }
        c.local = r.local();
        c.remote = r.remote();
        s.inflight.add(c);
        if (spec.dropAt() != ConnectSpec.NEVER) {
            c.dropEvent = host.scheduler.external(spec.dropAt(),
                    () -> remoteDrop(c, "the remote client dropped the request"));
        }
        if (s.conditional) {
            inspect(c, s);
        } else {
            establishLater(c);
        }
    }

    private void inspect(Connection c, ListenSocket s) {
        if (s.callbacks == null || s.callbacks.inspectEvent() == null) {
            host.verifier.report(Rule.CALLBACK_MISSING, s.name, s.name, s + " is in conditional-accept mode but its "
                    + "WSK_CLIENT_LISTEN_DISPATCH has no WskInspectEvent; WSK cannot ask about " + c + ".");
            decide(c, RequestOutcome.REFUSED, "no WskInspectEvent in conditional-accept mode");
            return;
        }
        allocateId(c);
        c.inspected = true;
        TraceEvent t = host.trace.record(Actor.WSK, Actor.DRIVER, "WskInspectEvent", s.name, s.name, "#" + c.index
                + " local=" + c.local + " remote=" + c.remote + " InspectID=" + c.idText());
        ExecContext.Frame f = host.exec.enter(NtDef.DISPATCH_LEVEL, s.name, false);
        List<Object> entries = host.exec.startCapture();
        WskInspectAction a;
        try {
            a = s.callbacks.inspectEvent().inspect(s.context, c.local, c.remote, c.freshId());
        } finally {
            host.exec.exit(f);
        }
        t.setResult(String.valueOf(a));
        if (c.state == ConnState.DONE) {
            return; // closed or failed from inside the callback
        }
        if (a == WskInspectAction.WskInspectAccept) {
            establishLater(c);
        } else if (a == WskInspectAction.WskInspectPend) {
            c.pended = true;
            c.state = ConnState.PENDING;
            c.pendEntries = entries.isEmpty() ? null : entries;
            pendedIds.put(new IdKey(c.key, c.serial), c);
            long timeout = host.config.remoteConnectTimeout();
            if (timeout > 0) {
                c.timeoutEvent = host.scheduler.external(host.scheduler.now() + timeout, () -> {
                    if (c.state == ConnState.PENDING) {
                        remoteDrop(c, "the remote client gave up after " + VirtualTime.format(timeout));
                    }
                });
            }
        } else {
            if (a != WskInspectAction.WskInspectReject) {
                host.verifier.report(Rule.INSPECT_EVENT_ACTION, s.name, s.name, "WskInspectEvent returned " + a + " for "
                        + c + "; it must return WskInspectReject, WskInspectAccept or WskInspectPend.");
            }
            releaseId(c);
            decide(c, RequestOutcome.REJECTED, "WskInspectEvent returned " + a);
        }
    }

    private void allocateId(Connection c) {
        int slot = freeKeySlots.isEmpty() ? nextKeySlot++ : freeKeySlots.pop();
        c.keySlot = slot;
        c.key = KEY_BASE + slot * KEY_STRIDE;
        c.serial = ++nextSerial;
    }

    /** The request object behind the ID is gone; its Key may be reused (with a new SerialNumber). */
    private void releaseId(Connection c) {
        if (c.keySlot >= 0) {
            freeKeySlots.push(c.keySlot);
            c.keySlot = -1;
        }
    }

    int inspectComplete(ListenSocket s, WskInspectId id, WskInspectAction action) {
        if (s.state == ListenState.FAILED) {
            return STATUS_FILE_FORCED_CLOSED;
        }
        if (!s.conditional) {
            host.verifier.report(Rule.INSPECT_COMPLETE_UNKNOWN, s.name, s.name, "WskInspectComplete on " + s
                    + ", which is not in conditional-accept mode (SO_CONDITIONAL_ACCEPT was not set before WskBind).");
            return STATUS_INVALID_DEVICE_STATE;
        }
        if (id == null) {
            host.verifier.report(Rule.INSPECT_COMPLETE_UNKNOWN, s.name, s.name, "WskInspectComplete with InspectID == NULL.");
            return STATUS_INVALID_PARAMETER;
        }
        if (id.issuedForCallback()) {
            host.verifier.report(Rule.INSPECT_ID_NOT_COPIED, s.name, s.name, "WskInspectComplete was given the very "
                    + "WSK_INSPECT_ID object WSK passed to a callback. That pointer is valid only during the callback: "
                    + "copy the contents (Key, SerialNumber) into the driver's own WSK_INSPECT_ID before returning "
                    + "WskInspectPend.");
        }
        if (action != WskInspectAction.WskInspectAccept && action != WskInspectAction.WskInspectReject) {
            host.verifier.report(Rule.INSPECT_COMPLETE_ACTION, s.name, s.name, "WskInspectComplete(" + id + ", " + action
                    + "): only WskInspectAccept or WskInspectReject are allowed.");
            return STATUS_INVALID_PARAMETER;
        }
        Connection c = pendedIds.get(new IdKey(id.Key, id.SerialNumber));
        if (c == null || c.listener != s) {
            host.verifier.report(Rule.INSPECT_COMPLETE_UNKNOWN, s.name, s.name, "WskInspectComplete(" + id + ", " + action
                    + ") on " + s + ": WSK never pended an inspection with these contents here. Copy Key and "
                    + "SerialNumber exactly, and complete only inspections WskInspectEvent answered with WskInspectPend.");
            return STATUS_INVALID_PARAMETER;
        }
        if (c.inspectCompleted) {
            host.verifier.report(Rule.INSPECT_COMPLETE_TWICE, s.name, s.name, "WskInspectComplete(" + id + ") for " + c
                    + " a second time; each pended inspection is completed exactly once.");
            return STATUS_INVALID_DEVICE_STATE;
        }
        c.inspectCompleted = true;
        if (c.aborted) {
            host.verifier.report(Rule.INSPECT_COMPLETE_ABORTED, s.name, s.name, "WskInspectComplete(" + id + ", " + action
                    + ") for " + c + ", which WSK aborted at " + VirtualTime.format(c.abortedAt) + " (WskAbortEvent). "
                    + "The connection will not be established. WskAbortEvent receives a different WSK_INSPECT_ID "
                    + "object with the same contents: find the pending entry by comparing contents, not pointers, "
                    + "and remove it there.");
            return STATUS_CONNECTION_ABORTED;
        }
        boolean timer = host.exec.inTimerDpc();
        c.completedByTimer = timer;
        if (action == WskInspectAction.WskInspectAccept) {
            establishLater(c);
        } else {
            releaseId(c);
            decide(c, timer ? RequestOutcome.TIMED_OUT : RequestOutcome.REJECTED, "WskInspectComplete(WskInspectReject)"
                    + (timer ? " from a timer DPC" : ""));
        }
        return STATUS_SUCCESS;
    }

    // ------------------------------------------------------------------ establishment and delivery

    private void establishLater(Connection c) {
        c.state = ConnState.ESTABLISHING;
        host.scheduler.after(host.config.establishDelay(), () -> established(c));
    }

    private void established(Connection c) {
        if (c.state != ConnState.ESTABLISHING) {
            return;
        }
        releaseId(c);
        deliver(c);
    }

    private void deliver(Connection c) {
        ListenSocket s = c.listener;
        if (s.state != ListenState.LISTENING) {
            reset(c, "listener " + s.name + " is " + s.state.name().toLowerCase());
            return;
        }
        boolean event = acceptEventEnabled(s);
        while (!s.acceptQueue.isEmpty() && s.acceptQueue.peekFirst().irp().state() == IrpState.FREED) {
            s.acceptQueue.pollFirst(); // freed by the driver while queued (reported as IRP_IN_USE)
        }
        if (!s.acceptQueue.isEmpty() && !(event && host.config.acceptRaceProbability() > 0
                && host.random.nextDouble() < host.config.acceptRaceProbability())) {
            AcceptRequest r = s.acceptQueue.pollFirst();
            ConnectionSocket cs = acceptWithIrp(c, r);
            host.io.complete(r.irp(), STATUS_SUCCESS, cs);
        } else if (event) {
            acceptWithEvent(c, s);
        } else {
            toBacklog(c, s);
        }
    }

    private boolean acceptEventEnabled(ListenSocket s) {
        boolean enabled = s.acceptEventEnabled || (s.registration.staticEventMask & WSK_EVENT_ACCEPT) != 0;
        if (enabled && (s.callbacks == null || s.callbacks.acceptEvent() == null)) {
            if (!s.missingAcceptCallbackReported) {
                s.missingAcceptCallbackReported = true;
                host.verifier.report(Rule.CALLBACK_MISSING, s.name, s.name, "WSK_EVENT_ACCEPT is enabled for " + s
                        + " (static event callbacks) but its WSK_CLIENT_LISTEN_DISPATCH has no WskAcceptEvent.");
            }
            return false;
        }
        return enabled;
    }

    /** Accepts a connection with a WskAccept request (the caller completes the IRP). */
    ConnectionSocket acceptWithIrp(Connection c, AcceptRequest r) {
        ConnectionSocket cs = newSocket(c, c.listener);
        cs.context = r.context();
        cs.callbacks = r.dispatch();
        if (r.localOut() != null) {
            r.localOut().value = c.local;
        }
        if (r.remoteOut() != null) {
            r.remoteOut().value = c.remote;
        }
        accepted(c, cs, "WskAccept " + r.irp());
        return cs;
    }

    private void acceptWithEvent(Connection c, ListenSocket s) {
        ConnectionSocket cs = newSocket(c, s);
        // Inherits the connection events enabled on the listening socket (only sockets accepted by WskAcceptEvent
        // do; see the SO_WSK_EVENT_CALLBACK page). Checked against the returned dispatch table below.
        cs.eventMask = s.inheritedEventMask;
        AcceptSocketContext ctx = new AcceptSocketContext();
        AcceptSocketDispatch disp = new AcceptSocketDispatch();
        TraceEvent t = host.trace.record(Actor.WSK, Actor.DRIVER, "WskAcceptEvent", s.name, s.name, "#" + c.index
                + " local=" + c.local + " remote=" + c.remote + " AcceptSocket=" + cs);
        // Counted as open while the callback runs: the driver may close it from inside.
        s.registration.openSockets.add(cs);
        ExecContext.Frame f = host.exec.enter(NtDef.DISPATCH_LEVEL, s.name, false);
        int st;
        cs.inAcceptEvent = true;
        try {
            st = s.callbacks.acceptEvent().accept(s.context, WSK_FLAG_AT_DISPATCH_LEVEL, c.local, c.remote, cs, ctx,
                    disp);
        } finally {
            cs.inAcceptEvent = false;
            host.exec.exit(f);
        }
        t.setResult(NtStatus.name(st));
        if (st == STATUS_SUCCESS) {
            if (!ctx.isSet() || !disp.isSet()) {
                String missing = !ctx.isSet() && !disp.isSet() ? "*AcceptSocketContext and *AcceptSocketDispatch"
                        : !ctx.isSet() ? "*AcceptSocketContext" : "*AcceptSocketDispatch";
                host.verifier.report(Rule.ACCEPT_EVENT_OUT_PARAMS, s.name, s.name, "WskAcceptEvent accepted " + cs
                        + " (" + c + ") but did not set " + missing + ". Set both (NULL is allowed when no event "
                        + "callbacks will be enabled on the socket).");
            }
            cs.context = ctx.get();
            cs.callbacks = disp.get();
            if (cs.eventMask != 0 && wsk.missingCallbacks(cs, cs.eventMask)) {
                cs.eventMask = 0;
            }
            accepted(c, cs, "WskAcceptEvent");
            return;
        }
        if (st != STATUS_REQUEST_NOT_ACCEPTED) {
            host.verifier.report(Rule.ACCEPT_EVENT_STATUS, s.name, s.name, "WskAcceptEvent returned " + NtStatus.name(st)
                    + " for " + c + "; it must return STATUS_SUCCESS or STATUS_REQUEST_NOT_ACCEPTED.");
        }
        cs.closed = true;
        c.acceptDeclined = true;
        s.registration.openSockets.remove(cs);
        reset(c, "WskAcceptEvent returned " + NtStatus.name(st) + "; WSK closed the socket");
    }

    private ConnectionSocket newSocket(Connection c, ListenSocket s) {
        ConnectionSocket cs = new ConnectionSocket(wsk, ++nextConnSocket, c, s);
        c.socket = cs;
        return cs;
    }

    private void accepted(Connection c, ConnectionSocket cs, String how) {
        if (!cs.closed) {
            c.listener.registration.openSockets.add(cs);
        }
        decide(c, c.pended ? RequestOutcome.PENDED_THEN_ACCEPTED : RequestOutcome.ACCEPTED, "accepted by " + how);
        ConnectSpec spec = c.spec;
        if (spec.sendAt() != ConnectSpec.NEVER) {
            host.scheduler.external(Math.max(spec.sendAt(), host.scheduler.now()), () -> remoteSend(cs));
        }
        if (spec.disconnectAt() != ConnectSpec.NEVER) {
            host.scheduler.external(Math.max(spec.disconnectAt(), host.scheduler.now()), () -> remoteDisconnect(cs));
        }
    }

    private void toBacklog(Connection c, ListenSocket s) {
        if (s.backlog.size() >= host.config.backlogLimit()) {
            reset(c, "neither a queued WskAccept IRP nor an enabled WskAcceptEvent, and the backlog of "
                    + host.config.backlogLimit() + " is full");
            return;
        }
        c.state = ConnState.BACKLOG;
        s.backlog.addLast(c);
        host.trace.record(Actor.WSK, Actor.WSK, "Backlogged", s.name, s.name, "#" + c.index
                + " waits for WskAccept or WskAcceptEvent (" + s.backlog.size() + " waiting)");
        c.timeoutEvent = host.scheduler.after(host.config.backlogTimeout(), () -> {
            if (c.state == ConnState.BACKLOG) {
                s.backlog.remove(c);
                reset(c, "waited " + VirtualTime.format(host.config.backlogTimeout())
                        + " in the backlog without a WskAccept IRP or WskAcceptEvent");
            }
        });
    }

    Connection takeFromBacklog(ListenSocket s) {
        return s.backlog.pollFirst();
    }

    /** After the accept event was enabled: hand waiting connections to it (as a separate event). */
    void scheduleBacklogDrain(ListenSocket s) {
        if (s.backlog.isEmpty()) {
            return;
        }
        host.scheduler.after(0, () -> {
            while (!s.backlog.isEmpty() && s.state == ListenState.LISTENING && acceptEventEnabled(s)) {
                acceptWithEvent(s.backlog.pollFirst(), s);
            }
        });
    }

    // ------------------------------------------------------------------ drops, aborts, failures

    private void remoteDrop(Connection c, String why) {
        switch (c.state) {
            case PENDING, ESTABLISHING -> {
                if (c.inspected) {
                    abort(c, why);
                } else {
                    decide(c, RequestOutcome.ABORTED, why + " before the connection was established");
                }
            }
            case BACKLOG -> {
                c.listener.backlog.remove(c);
                decide(c, RequestOutcome.ABORTED, why + " while it waited in the backlog");
            }
            default -> {
            }
        }
    }

    /** The request is dropped after inspect Accept/Pend: WskAbortEvent with a fresh WSK_INSPECT_ID. */
    private void abort(Connection c, String why) {
        ListenSocket s = c.listener;
        c.aborted = true;
        c.abortedAt = host.scheduler.now();
        if (c.pendEntries != null) {
            abortedWithEntries.add(c);
        }
        if (s.callbacks == null || s.callbacks.abortEvent() == null) {
            host.verifier.report(Rule.CALLBACK_MISSING, s.name, s.name, s + " is in conditional-accept mode but has no "
                    + "WskAbortEvent; the driver is never told that " + c + " " + c.idText() + " was dropped.");
        } else {
            TraceEvent t = host.trace.record(Actor.WSK, Actor.DRIVER, "WskAbortEvent", s.name, s.name, "#" + c.index
                    + " InspectID=" + c.idText() + " (" + why + ")");
            c.abortedWhilePended = c.state == ConnState.PENDING;
            ExecContext.Frame f = host.exec.enter(NtDef.DISPATCH_LEVEL, s.name, false);
            int st;
            try {
                st = s.callbacks.abortEvent().abort(s.context, c.freshId());
            } finally {
                host.exec.exit(f);
            }
            t.setResult(NtStatus.name(st));
            if (st != STATUS_SUCCESS) {
                host.verifier.report(Rule.ABORT_EVENT_STATUS, s.name, s.name, "WskAbortEvent returned " + NtStatus.name(st)
                        + "; it must always return STATUS_SUCCESS.");
            }
        }
        releaseId(c);
        decide(c, RequestOutcome.ABORTED, why);
    }

    /** Listener failure: the socket stops working and tells the driver through a NULL callback. */
    public void failListener(String name) {
        ListenSocket s = wsk.listeners.byName(name);
        host.trace.record(Actor.WSK, Actor.WSK, "ListenerFailure", name, name,
                s == null ? "no bound listener of this name" : s + " stops working");
        if (s == null || s.state != ListenState.LISTENING) {
            return;
        }
        s.state = ListenState.FAILED;
        while (!s.acceptQueue.isEmpty()) {
            host.io.complete(s.acceptQueue.pollFirst().irp(), STATUS_FILE_FORCED_CLOSED, null);
        }
        for (Connection c : new ArrayList<>(s.inflight)) {
            if (c.state == ConnState.BACKLOG) {
                s.backlog.remove(c);
                reset(c, "listener " + s.name + " failed");
            } else if (c.inspected && (c.state == ConnState.PENDING || c.state == ConnState.ESTABLISHING)) {
                abort(c, "listener " + s.name + " failed");
            } else {
                decide(c, RequestOutcome.ABORTED, "listener " + s.name + " failed");
            }
        }
        if (s.conditional && s.callbacks != null && s.callbacks.inspectEvent() != null) {
            TraceEvent t = host.trace.record(Actor.WSK, Actor.DRIVER, "WskInspectEvent", s.name, s.name,
                    "InspectID=NULL (listening socket no longer works)");
            ExecContext.Frame f = host.exec.enter(NtDef.DISPATCH_LEVEL, s.name, false);
            WskInspectAction a;
            try {
                a = s.callbacks.inspectEvent().inspect(s.context, null, null, null);
            } finally {
                host.exec.exit(f);
            }
            t.setResult(String.valueOf(a));
            if (a != WskInspectAction.WskInspectReject) {
                host.verifier.report(Rule.INSPECT_EVENT_ACTION, s.name, s.name, "WskInspectEvent returned " + a
                        + " for InspectID == NULL; the listening socket is dead: return WskInspectReject and close it.");
            }
        } else if (acceptEventEnabled(s)) {
            AcceptSocketContext ctx = new AcceptSocketContext();
            AcceptSocketDispatch disp = new AcceptSocketDispatch();
            TraceEvent t = host.trace.record(Actor.WSK, Actor.DRIVER, "WskAcceptEvent", s.name, s.name,
                    "AcceptSocket=NULL (listening socket no longer works)");
            ExecContext.Frame f = host.exec.enter(NtDef.DISPATCH_LEVEL, s.name, false);
            int st;
            try {
                st = s.callbacks.acceptEvent().accept(s.context, WSK_FLAG_AT_DISPATCH_LEVEL, null, null, null, ctx, disp);
            } finally {
                host.exec.exit(f);
            }
            t.setResult(NtStatus.name(st));
            if (st != STATUS_REQUEST_NOT_ACCEPTED) {
                host.verifier.report(Rule.ACCEPT_EVENT_STATUS, s.name, s.name, "WskAcceptEvent returned "
                        + NtStatus.name(st) + " for AcceptSocket == NULL; it must return STATUS_REQUEST_NOT_ACCEPTED "
                        + "and close the listening socket.");
            }
        }
    }

    /** WskCloseSocket on a listener: cancel queued IRPs, drop everything in flight without callbacks. */
    void listenerClosed(ListenSocket s) {
        while (!s.acceptQueue.isEmpty()) {
            host.io.complete(s.acceptQueue.pollFirst().irp(), STATUS_CANCELLED, null);
        }
        for (Connection c : new ArrayList<>(s.inflight)) {
            if (c.state == ConnState.BACKLOG) {
                reset(c, "listener " + s.name + " was closed");
            } else {
                c.aborted = c.inspected;
                c.abortedAt = host.scheduler.now();
                releaseId(c);
                decide(c, RequestOutcome.ABORTED, "listener " + s.name + " was closed");
            }
        }
        s.backlog.clear();
    }

    // ------------------------------------------------------------------ accepted connections

    private void remoteSend(ConnectionSocket cs) {
        if (cs.closed || cs.disconnected) {
            return;
        }
        int bytes = cs.connection.spec.sendBytes();
        boolean enabled = ((cs.eventMask | cs.listener.registration.staticEventMask) & WSK_EVENT_RECEIVE) != 0
                && cs.callbacks != null && cs.callbacks.receiveEvent() != null;
        TraceEvent t = host.trace.record(enabled ? Actor.WSK : Actor.CLIENT, enabled ? Actor.DRIVER : Actor.WSK,
                enabled ? "WskReceiveEvent" : "DataArrived", cs.listener.name, cs.listener.name, cs + " " + bytes
                        + " bytes" + (enabled ? "" : " (no receive event enabled; data stays buffered)"));
        if (!enabled) {
            return;
        }
        ExecContext.Frame f = host.exec.enter(NtDef.DISPATCH_LEVEL, cs.listener.name, false);
        try {
            t.setResult(NtStatus.name(cs.callbacks.receiveEvent().receive(cs.context, 0,
                    new WskDataIndication(new byte[bytes]), bytes)));
        } finally {
            host.exec.exit(f);
        }
    }

    private void remoteDisconnect(ConnectionSocket cs) {
        if (cs.closed || cs.disconnected) {
            return;
        }
        cs.disconnected = true;
        boolean enabled = ((cs.eventMask | cs.listener.registration.staticEventMask) & WSK_EVENT_DISCONNECT) != 0
                && cs.callbacks != null && cs.callbacks.disconnectEvent() != null;
        TraceEvent t = host.trace.record(enabled ? Actor.WSK : Actor.CLIENT, enabled ? Actor.DRIVER : Actor.WSK,
                enabled ? "WskDisconnectEvent" : "RemoteDisconnect", cs.listener.name, cs.listener.name, cs.toString());
        if (!enabled) {
            return;
        }
        ExecContext.Frame f = host.exec.enter(NtDef.DISPATCH_LEVEL, cs.listener.name, false);
        try {
            t.setResult(NtStatus.name(cs.callbacks.disconnectEvent().disconnect(cs.context, 0)));
        } finally {
            host.exec.exit(f);
        }
    }

    // ------------------------------------------------------------------ outcomes

    private void refuse(Connection c, String why) {
        decide(c, RequestOutcome.REFUSED, why);
    }

    private void reset(Connection c, String why) {
        decide(c, RequestOutcome.RESET, why);
    }

    private void decide(Connection c, RequestOutcome outcome, String why) {
        if (c.state == ConnState.DONE) {
            return;
        }
        c.state = ConnState.DONE;
        c.outcome = outcome;
        c.reason = why;
        c.decidedAt = host.scheduler.now();
        if (c.dropEvent != null) {
            c.dropEvent.cancel();
        }
        if (c.timeoutEvent != null) {
            c.timeoutEvent.cancel();
        }
        if (c.listener != null) {
            c.listener.inflight.remove(c);
        }
        if (!outcome.accepted()) {
            host.trace.record(Actor.WSK, Actor.CLIENT, outcome.name(), c.listener(), c.listener(), "#" + c.index + " "
                    + why);
        }
        decided++;
        if (progress != null && decided % 5000 == 0) {
            progress.progress(decided, all.size());
        }
    }

    public long decidedCount() {
        return decided;
    }

    /**
     * Checks made when the run has gone quiet, before DriverUnload (whose cleanup would hide them):
     * inspections still pended, and pending entries not released after WskAbortEvent. Runs once.
     */
    public void quiescenceChecks() {
        if (quiescenceChecked) {
            return;
        }
        quiescenceChecked = true;
        for (Connection c : all) {
            if (c.state == ConnState.PENDING) {
                host.verifier.report(Rule.INSPECT_PENDING_AT_END, c.listener.name, c.listener.name, c + " "
                        + c.idText() + " is still pended when the run ended: WskInspectComplete was never called. "
                        + "Complete every pended inspection (a timer with a default action is the usual safeguard).");
            }
        }
        for (Connection c : abortedWithEntries) {
            for (Object block : c.pendEntries) {
                PoolAllocation a = host.pool.allocation(block);
                if (a == null) {
                    continue;
                }
                a.markOwedToInspection();
                host.verifier.report(Rule.INSPECT_ENTRY_NOT_REMOVED, c.listener.name, c.listener.name, a.describe()
                        + ", allocated by WskInspectEvent when it pended " + c + " " + c.idText()
                        + ", is still allocated although WSK aborted that inspection at "
                        + VirtualTime.format(c.abortedAt) + ". WskAbortEvent gets a new WSK_INSPECT_ID object with the "
                        + "same contents: find the entry by comparing Key and SerialNumber, not pointers, and free it.",
                        c.abortedAt);
            }
        }
    }

    void finish() {
        quiescenceChecks();
        if (progress != null) {
            progress.progress(decided, all.size());
        }
    }
}

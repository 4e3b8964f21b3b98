package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;

import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.kernel.ExecContext;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.nt.IrpState;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskDataIndication;

/**
 * Established connections to the driver: a queued WskAccept IRP, WskAcceptEvent, or the
 * backlog (with its limit, timeout and drain once the accept event is enabled); then the remote
 * side's later data and disconnect on the accepted socket.
 */
final class Delivery {
	private final ConnectionFlow flow;
	private final WskSubsystem wsk;
	private final SimHost host;
	private int nextConnSocket;

	Delivery(ConnectionFlow flow, WskSubsystem wsk) {
		this.flow = flow;
		this.wsk = wsk;
		this.host = wsk.host;
	}


	/** An established connection goes to a queued WskAccept IRP, the accept event, or the backlog. */
	void deliver(Connection c) {
		ListenSocket s = c.listener;
		if (s.state != ListenState.LISTENING) {
			flow.reset(c, "listener " + s.name + " is " + s.state.name().toLowerCase());
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

	boolean acceptEventEnabled(ListenSocket s) {
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
			if (cs.eventMask != 0 && wsk.control.missingCallbacks(cs, cs.eventMask)) {
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
		flow.reset(c, "WskAcceptEvent returned " + NtStatus.name(st) + "; WSK closed the socket");
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
		flow.decide(c, c.pended ? RequestOutcome.PENDED_THEN_ACCEPTED : RequestOutcome.ACCEPTED, "accepted by " + how);
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
			flow.reset(c, "neither a queued WskAccept IRP nor an enabled WskAcceptEvent, and the backlog of "
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
				flow.reset(c, "waited " + VirtualTime.format(host.config.backlogTimeout())
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
}

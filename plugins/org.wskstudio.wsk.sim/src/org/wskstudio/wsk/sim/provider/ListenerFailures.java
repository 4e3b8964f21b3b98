package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;

import java.util.ArrayList;

import org.wskstudio.wsk.sim.kernel.ExecContext;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;

/**
 * The end of a listening socket with requests in flight: a listener that fails (queued IRPs
 * completed, requests reset or aborted, the driver told through a NULL inspect or accept
 * event) and one the driver closes (everything dropped without callbacks).
 */
final class ListenerFailures {
	private final ConnectionFlow flow;
	private final WskSubsystem wsk;
	private final SimHost host;

	ListenerFailures(ConnectionFlow flow, WskSubsystem wsk) {
		this.flow = flow;
		this.wsk = wsk;
		this.host = wsk.host;
	}


	/** Listener failure: the socket stops working and tells the driver through a NULL callback. */
	void failListener(String name) {
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
				flow.reset(c, "listener " + s.name + " failed");
			} else if (c.inspected && (c.state == ConnState.PENDING || c.state == ConnState.ESTABLISHING)) {
				flow.inspections.abort(c, "listener " + s.name + " failed");
			} else {
				flow.decide(c, RequestOutcome.ABORTED, "listener " + s.name + " failed");
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
		} else if (flow.delivery.acceptEventEnabled(s)) {
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
				flow.reset(c, "listener " + s.name + " was closed");
			} else {
				c.aborted = c.inspected;
				c.abortedAt = host.scheduler.now();
				flow.inspections.releaseId(c);
				flow.decide(c, RequestOutcome.ABORTED, "listener " + s.name + " was closed");
			}
		}
		s.backlog.clear();
	}
}

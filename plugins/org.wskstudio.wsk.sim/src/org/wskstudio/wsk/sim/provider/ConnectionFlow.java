package org.wskstudio.wsk.sim.provider;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;

/**
 * Incoming connection requests from arrival to their outcome: routing, establishment, the
 * remote side's drops, and the outcomes. The other concerns have their own classes:
 * {@link Inspections} (conditional accept and inspect IDs), {@link Delivery} (queued IRP,
 * accept event or backlog, and the accepted socket's data and disconnect) and
 * {@link ListenerFailures} (a listener that fails or is closed).
 */
public final class ConnectionFlow {
	private final WskSubsystem wsk;
	private final SimHost host;
	final List<Connection> all = new ArrayList<>();
	final Inspections inspections;
	final Delivery delivery;
	private final ListenerFailures failures;
	private long decided;
	private ProgressListener progress;

	ConnectionFlow(WskSubsystem wsk) {
		this.wsk = wsk;
		this.host = wsk.host;
		this.inspections = new Inspections(this, host);
		this.delivery = new Delivery(this, wsk);
		this.failures = new ListenerFailures(this, wsk);
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
			inspections.inspect(c, s);
		} else {
			establishLater(c);
		}
	}

	// ------------------------------------------------------------------ establishment and delivery

	void establishLater(Connection c) {
		c.state = ConnState.ESTABLISHING;
		host.scheduler.after(host.config.establishDelay(), () -> established(c));
	}

	private void established(Connection c) {
		if (c.state != ConnState.ESTABLISHING) {
			return;
		}
		inspections.releaseId(c);
		delivery.deliver(c);
	}

	// ------------------------------------------------------------------ drops

	void remoteDrop(Connection c, String why) {
		switch (c.state) {
			case PENDING, ESTABLISHING -> {
				if (c.inspected) {
					inspections.abort(c, why);
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

	// ------------------------------------------------------------------ what the other parts do

	int inspectComplete(ListenSocket s, WskInspectId id, WskInspectAction action) {
		return inspections.complete(s, id, action);
	}

	/** Accepts a connection with a WskAccept request (the caller completes the IRP). */
	ConnectionSocket acceptWithIrp(Connection c, AcceptRequest r) {
		return delivery.acceptWithIrp(c, r);
	}

	Connection takeFromBacklog(ListenSocket s) {
		return delivery.takeFromBacklog(s);
	}

	/** After the accept event was enabled: hand waiting connections to it (as a separate event). */
	void scheduleBacklogDrain(ListenSocket s) {
		delivery.scheduleBacklogDrain(s);
	}

	/** Listener failure: the socket stops working and tells the driver through a NULL callback. */
	public void failListener(String name) {
		failures.failListener(name);
	}

	/** WskCloseSocket on a listener: cancel queued IRPs, drop everything in flight without callbacks. */
	void listenerClosed(ListenSocket s) {
		failures.listenerClosed(s);
	}

	/**
	 * Checks made when the run has gone quiet, before DriverUnload (whose cleanup would hide them):
	 * inspections still pended, and pending entries not released after WskAbortEvent. Runs once.
	 */
	public void quiescenceChecks() {
		inspections.quiescenceChecks();
	}

	// ------------------------------------------------------------------ outcomes

	void refuse(Connection c, String why) {
		decide(c, RequestOutcome.REFUSED, why);
	}

	void reset(Connection c, String why) {
		decide(c, RequestOutcome.RESET, why);
	}

	void decide(Connection c, RequestOutcome outcome, String why) {
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

	void finish() {
		quiescenceChecks();
		if (progress != null) {
			progress.progress(decided, all.size());
		}
	}
}

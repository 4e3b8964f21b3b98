package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.kernel.ExecContext;
import org.wskstudio.wsk.sim.kernel.PoolAllocation;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;

/**
 * Conditional accept of incoming requests: WskInspectEvent and its answer, the inspect IDs
 * (Key and SerialNumber, Key slots reused once the request object is gone), pended inspections
 * and WskInspectComplete, WskAbortEvent when a request is dropped after the driver saw it, and
 * the end-of-run checks of inspections left pended or entries left after an abort.
 */
final class Inspections {
	private static final long KEY_BASE = 0xFFFFA00000000000L;
	private static final long KEY_STRIDE = 0x140;

	private record IdKey(long key, int serial) {
	}

	private final ConnectionFlow flow;
	private final SimHost host;
	private final Map<IdKey, Connection> pendedIds = new HashMap<>();
	private final List<Connection> abortedWithEntries = new ArrayList<>();
	private final ArrayDeque<Integer> freeKeySlots = new ArrayDeque<>();
	private int nextKeySlot;
	private int nextSerial;
	private boolean quiescenceChecked;

	Inspections(ConnectionFlow flow, SimHost host) {
		this.flow = flow;
		this.host = host;
	}


	/** Asks the driver about a request (WskInspectEvent) and follows its answer. */
	void inspect(Connection c, ListenSocket s) {
		if (s.callbacks == null || s.callbacks.inspectEvent() == null) {
			host.verifier.report(Rule.CALLBACK_MISSING, s.name, s.name, s + " is in conditional-accept mode but its "
					+ "WSK_CLIENT_LISTEN_DISPATCH has no WskInspectEvent; WSK cannot ask about " + c + ".");
			flow.decide(c, RequestOutcome.REFUSED, "no WskInspectEvent in conditional-accept mode");
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
			flow.establishLater(c);
		} else if (a == WskInspectAction.WskInspectPend) {
			c.pended = true;
			c.state = ConnState.PENDING;
			c.pendEntries = entries.isEmpty() ? null : entries;
			pendedIds.put(new IdKey(c.key, c.serial), c);
			long timeout = host.config.remoteConnectTimeout();
			if (timeout > 0) {
				c.timeoutEvent = host.scheduler.external(host.scheduler.now() + timeout, () -> {
					if (c.state == ConnState.PENDING) {
						flow.remoteDrop(c, "the remote client gave up after " + VirtualTime.format(timeout));
					}
				});
			}
		} else {
			if (a != WskInspectAction.WskInspectReject) {
				host.verifier.report(Rule.INSPECT_EVENT_ACTION, s.name, s.name, "WskInspectEvent returned " + a + " for "
						+ c + "; it must return WskInspectReject, WskInspectAccept or WskInspectPend.");
			}
			releaseId(c);
			flow.decide(c, RequestOutcome.REJECTED, "WskInspectEvent returned " + a);
		}
	}

	private void allocateId(Connection c) {
		int slot = freeKeySlots.isEmpty() ? nextKeySlot++ : freeKeySlots.pop();
		c.keySlot = slot;
		c.key = KEY_BASE + slot * KEY_STRIDE;
		c.serial = ++nextSerial;
	}

	/** The request object behind the ID is gone; its Key may be reused (with a new SerialNumber). */
	void releaseId(Connection c) {
		if (c.keySlot >= 0) {
			freeKeySlots.push(c.keySlot);
			c.keySlot = -1;
		}
	}

	/** WskInspectComplete: the driver decides a pended inspection. */
	int complete(ListenSocket s, WskInspectId id, WskInspectAction action) {
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
			flow.establishLater(c);
		} else {
			releaseId(c);
			flow.decide(c, timer ? RequestOutcome.TIMED_OUT : RequestOutcome.REJECTED, "WskInspectComplete(WskInspectReject)"
					+ (timer ? " from a timer DPC" : ""));
		}
		return STATUS_SUCCESS;
	}

	/** The request is dropped after inspect Accept/Pend: WskAbortEvent with a fresh WSK_INSPECT_ID. */
	void abort(Connection c, String why) {
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
		flow.decide(c, RequestOutcome.ABORTED, why);
	}

	/**
	 * Checks made when the run has gone quiet, before DriverUnload (whose cleanup would hide them):
	 * inspections still pended, and pending entries not released after WskAbortEvent. Runs once.
	 */
	void quiescenceChecks() {
		if (quiescenceChecked) {
			return;
		}
		quiescenceChecked = true;
		for (Connection c : flow.all) {
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
}

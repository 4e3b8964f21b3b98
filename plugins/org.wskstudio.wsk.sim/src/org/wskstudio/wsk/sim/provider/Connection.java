package org.wskstudio.wsk.sim.provider;

import java.util.List;

import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.wsk.WskInspectId;

/** One incoming connection request and its progress. */
final class Connection implements RequestRecord {
	final int index;
	final ConnectSpec spec;
	ConnState state = ConnState.SCHEDULED;
	RequestOutcome outcome = RequestOutcome.UNRESOLVED;
	String reason = "not yet arrived";
	long decidedAt = -1;
	ListenSocket listener;
	SockAddr local;
	SockAddr remote;
	boolean inspected;
	boolean pended;
	boolean inspectCompleted;
	boolean aborted;
	boolean acceptDeclined;
	boolean completedByTimer;
	boolean abortedWhilePended;
	long abortedAt;
	long key;
	int serial;
	int keySlot = -1;
	/** Pool blocks allocated by the WskInspectEvent call that pended this request. */
	List<Object> pendEntries;
	ConnectionSocket socket;
	/** Pending remote-side events (drop, give-up, backlog timeout), cancelled once decided. */
	org.wskstudio.wsk.sim.core.ScheduledEvent dropEvent;
	org.wskstudio.wsk.sim.core.ScheduledEvent timeoutEvent;

	Connection(int index, ConnectSpec spec) {
		this.index = index;
		this.spec = spec;
	}

	WskInspectId freshId() {
		return WskInspectId.issueForCallback(key, serial);
	}

	private String idText;

	/** The inspect ID as text (computed once per ID). */
	String idText() {
		if (idText == null) {
			idText = "{Key=0x" + Long.toHexString(key).toUpperCase() + ", SerialNumber=" + serial + "}";
		}
		return idText;
	}

	@Override
	public int index() {
		return index;
	}

	@Override
	public ConnectSpec spec() {
		return spec;
	}

	@Override
	public RequestOutcome outcome() {
		return outcome;
	}

	@Override
	public boolean wasPended() {
		return pended;
	}

	@Override
	public boolean acceptDeclined() {
		return acceptDeclined;
	}

	@Override
	public boolean completedByTimer() {
		return completedByTimer;
	}

	@Override
	public boolean abortedWhilePended() {
		return abortedWhilePended;
	}

	@Override
	public long decidedAt() {
		return decidedAt;
	}

	@Override
	public String listener() {
		return listener == null ? spec.listener() : listener.name;
	}

	@Override
	public String reason() {
		return reason;
	}

	@Override
	public String toString() {
		return "request #" + index + " from " + spec.remote();
	}
}

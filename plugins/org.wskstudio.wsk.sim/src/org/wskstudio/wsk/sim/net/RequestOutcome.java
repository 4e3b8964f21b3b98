package org.wskstudio.wsk.sim.net;

/** What became of one incoming connection request. */
public enum RequestOutcome {
	/** Established and handed to the driver (queued WskAccept IRP or WskAcceptEvent success). */
	ACCEPTED,
	/** As ACCEPTED, after WskInspectEvent returned WskInspectPend and WskInspectComplete accepted it. */
	PENDED_THEN_ACCEPTED,
	/** Refused by the driver's inspection: WskInspectEvent or WskInspectComplete said Reject. */
	REJECTED,
	/** A pended inspection rejected by WskInspectComplete called from a timer DPC (driver timeout). */
	TIMED_OUT,
	/** Dropped before it was fully established (remote drop, remote connect timeout, local failure). */
	ABORTED,
	/** No listening socket took it (none bound, closed, failed, family mismatch, backlog full). */
	REFUSED,
	/** Established but never accepted: WskAcceptEvent said STATUS_REQUEST_NOT_ACCEPTED, backlog timeout, listener gone. */
	RESET,
	/** Still in progress when the run ended. */
	UNRESOLVED;

	public boolean accepted() {
		return this == ACCEPTED || this == PENDED_THEN_ACCEPTED;
	}
}

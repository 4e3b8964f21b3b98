package org.wskstudio.wsk.sim.net;

/** Read-only view of one connection request and its fate. */
public interface RequestRecord {
	/** 0-based index in arrival-scheduling order. */
	int index();

	ConnectSpec spec();

	RequestOutcome outcome();

	/** Whether WskInspectEvent returned WskInspectPend for it. */
	boolean wasPended();

	/** Virtual time the outcome was decided, or -1. */
	long decidedAt();

	/** Listener name (model element) it was routed to, or null. */
	String listener();

	/** Whether WskAcceptEvent was offered its socket and did not return STATUS_SUCCESS (WSK reset it). */
	default boolean acceptDeclined() {
		return false;
	}

	/** Whether a WskInspectComplete called from a timer DPC (the driver's timeout) succeeded for it. */
	default boolean completedByTimer() {
		return false;
	}

	/** Whether WskAbortEvent was called for it while it was still pended (before any WskInspectComplete). */
	default boolean abortedWhilePended() {
		return false;
	}

	/** Short human explanation, e.g. "WskInspectEvent returned WskInspectReject". */
	String reason();
}

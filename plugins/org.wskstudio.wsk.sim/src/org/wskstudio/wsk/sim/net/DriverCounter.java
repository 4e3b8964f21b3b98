package org.wskstudio.wsk.sim.net;

import java.util.function.Predicate;

/**
 * The per-listener counters a driver keeps, each with the simulator outcome it must equal. A
 * driver reports them through {@link org.wskstudio.wsk.sim.SimDriver#listenerCounters()}; at
 * unload each reported value is compared with the number of this listener's requests the
 * predicate selects (rule {@code COUNTER_MISMATCH}). The field names are those of the generated
 * C structure {@code PFX_LISTENER_COUNTERS}, in its order.
 */
public enum DriverCounter {
	/** ACCEPTED or PENDED_THEN_ACCEPTED. */
	ACCEPTED("Accepted", "connections handed to the driver and kept (outcome accepted or pended-then-accepted)",
			r -> r.outcome().accepted()),
	/** REJECTED: WskInspectEvent said Reject, or a check's answer completed a pended inspection with Reject. */
	REJECTED("Rejected", "inspections refused by WskInspectEvent or by a check's answer (outcome rejected)",
			r -> r.outcome() == RequestOutcome.REJECTED),
	/** WskAcceptEvent did not return STATUS_SUCCESS for an offered socket (WSK resets the connection). */
	DECLINED("Declined", "sockets WskAcceptEvent declined (outcome reset by WskAcceptEvent)",
			RequestRecord::acceptDeclined),
	/** WskInspectEvent returned WskInspectPend. */
	PENDED("Pended", "inspections WskInspectEvent pended", RequestRecord::wasPended),
	/** WskInspectComplete, called from a timer DPC, succeeded (with accept or reject). */
	TIMED_OUT("TimedOut", "pended inspections completed by the timeout's else decision (WskInspectComplete from a "
			+ "timer DPC)", RequestRecord::completedByTimer),
	/** WskAbortEvent for a request that was still pended. */
	ABORTED("Aborted", "pended inspections WskAbortEvent dropped while they waited for their check",
			RequestRecord::abortedWhilePended);

	private final String field;
	private final String meaning;
	private final Predicate<RequestRecord> matches;

	DriverCounter(String field, String meaning, Predicate<RequestRecord> matches) {
		this.field = field;
		this.meaning = meaning;
		this.matches = matches;
	}

	/** The field name in PFX_LISTENER_COUNTERS; the listener keeps it as {@code <field>Count}. */
	public String field() {
		return field;
	}

	/** What the simulator counts for it, for messages. */
	public String meaning() {
		return meaning;
	}

	public boolean matches(RequestRecord r) {
		return matches.test(r);
	}
}

package org.wskstudio.wsk.generator.common;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The counters a generated driver keeps per listener: one definition of what each counts, for
 * the C header's comments, the C and Java increments and the query function
 * {@code Pfx_QueryListenerCounters} both targets export. Each is incremented once, where the
 * outcome it names is final for the driver (never at a step that may still fail), so the counts
 * equal the simulator's outcomes for the listener (its rule COUNTER_MISMATCH; the simulator's
 * side is {@code org.wskstudio.wsk.sim.net.DriverCounter}, same fields in the same order).
 * The query structure {@code PFX_LISTENER_COUNTERS} has every field, in this order; a counter the
 * driver does not keep (see {@link #keptBy}) reads 0.
 */
public enum ListenerCounter {
	ACCEPTED("Accepted", f -> true, "connections handed to the driver and kept: a WskAccept IRP completed with"
			+ " a socket, or WskAcceptEvent returned STATUS_SUCCESS (pended ones included once their check or"
			+ " timeout accepted them)"),
	REJECTED("Rejected", f -> f.conditional, "inspections refused by the driver: WskInspectEvent returned"
			+ " WskInspectReject (a reject rule, no match, or a pend that could not be stored), or a check's"
			+ " answer completed a pended one with WskInspectReject and WskInspectComplete succeeded"),
	DECLINED("Declined", f -> f.event, "sockets WskAcceptEvent offered and the driver declined with"
			+ " STATUS_REQUEST_NOT_ACCEPTED (no memory for the connection context, or unloading); WSK resets"
			+ " them"),
	PENDED("Pended", f -> f.conditional, "inspections WskInspectEvent answered with WskInspectPend (whatever"
			+ " became of them)"),
	TIMED_OUT("TimedOut", f -> f.conditional, "pended inspections whose check did not answer in time, completed"
			+ " by the rule's else decision (accept or reject) with a WskInspectComplete that succeeded"),
	ABORTED("Aborted", f -> f.conditional, "pended inspections WskAbortEvent dropped while they still waited"
			+ " for their check or timeout");

	private final String field;
	private final Predicate<DriverFacts> kept;
	private final String meaning;

	ListenerCounter(String field, Predicate<DriverFacts> kept, String meaning) {
		this.field = field;
		this.kept = kept;
		this.meaning = meaning;
	}

	/** The field of PFX_LISTENER_COUNTERS, e.g. {@code Accepted}. */
	public String field() {
		return field;
	}

	/** The listener's own (interlocked) counter, e.g. {@code AcceptedCount}. */
	public String member() {
		return field + "Count";
	}

	/** What it counts, for comments. */
	public String meaning() {
		return meaning;
	}

	/** Whether a driver with these facts keeps the counter (a listener of another kind leaves it 0). */
	public boolean keptBy(DriverFacts facts) {
		return kept.test(facts);
	}

	/** The counters the driver keeps, in query order. */
	public static List<ListenerCounter> kept(DriverFacts facts) {
		return Arrays.stream(values()).filter(c -> c.keptBy(facts)).toList();
	}

	/** The name of the query function (after the prefix and an underscore). */
	public static final String QUERY_FUNCTION = "QueryListenerCounters";
}

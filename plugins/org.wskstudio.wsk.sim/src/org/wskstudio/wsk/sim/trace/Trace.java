package org.wskstudio.wsk.sim.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

import org.wskstudio.wsk.sim.verify.Violation;

/**
 * In-memory trace of a run. A limit bounds memory for very large runs: events past it are
 * counted but not kept (violations are always kept).
 */
public final class Trace {
	/** Shared placeholder returned when an event is not kept, so callers need no null checks. */
	private static final TraceEvent DROPPED = new TraceEvent(-1, 0, Actor.WSK, Actor.WSK, "dropped", null, null, "",
			null);

	private final LongSupplier clock;
	private final int limit;
	private final List<TraceEvent> events = new ArrayList<>();
	private long total;

	public Trace(LongSupplier clock, int limit) {
		this.clock = clock;
		this.limit = limit;
	}

	public TraceEvent record(Actor actor, Actor target, String kind, String listener, String element, String details) {
		long seq = total++;
		if (events.size() >= limit) {
			return DROPPED;
		}
		TraceEvent e = new TraceEvent(seq, clock.getAsLong(), actor, target, kind, listener, element,
				details == null ? "" : details, null);
		events.add(e);
		return e;
	}

	public void violation(Violation v) {
		long seq = total++;
		events.add(new TraceEvent(seq, v.time(), Actor.DRIVER, Actor.DRIVER, "violation", v.listener(), v.element(),
				v.message(), v.ruleId()));
	}

	public List<TraceEvent> events() {
		return Collections.unmodifiableList(events);
	}

	/** Number of events recorded, including the ones past the limit. */
	public long total() {
		return total;
	}

	/** Number of events not kept because of the limit. */
	public long dropped() {
		return total - events.size();
	}
}

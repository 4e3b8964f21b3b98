package org.wskstudio.wsk.sim.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.wskstudio.wsk.sim.trace.Trace;

/** Collects rule violations and mirrors each into the trace. */
public final class Verifier {
	private final LongSupplier clock;
	private final Trace trace;
	private final List<Violation> violations = new ArrayList<>();
	private final Map<Rule, Integer> counts = new EnumMap<>(Rule.class);
	private Supplier<String> locator = () -> null;

	public Verifier(LongSupplier clock, Trace trace) {
		this.clock = clock;
		this.trace = trace;
	}

	/** Reports a violation at the current virtual time. */
	public Violation report(Rule rule, String element, String listener, String message) {
		return report(rule, element, listener, message, clock.getAsLong());
	}

	/** Reports a violation that belongs to an earlier moment (e.g. an end-of-run check about an abort). */
	public Violation report(Rule rule, String element, String listener, String message, long time) {
		String where = locator.get();
		Violation v = new Violation(rule, where == null ? message : message + " [" + where + "]", time,
				element == null ? "driver" : element, listener);
		violations.add(v);
		counts.merge(rule, 1, Integer::sum);
		trace.violation(v);
		return v;
	}

	/**
	 * Where the driver's code is now, for drivers that are not Java (e.g. "C: file.c:123
	 * (Function)"); appended to each violation's message when not null.
	 */
	public void setLocator(Supplier<String> locator) {
		this.locator = locator == null ? () -> null : locator;
	}

	public List<Violation> violations() {
		return Collections.unmodifiableList(violations);
	}

	public int count(Rule rule) {
		return counts.getOrDefault(rule, 0);
	}

	public Map<Rule, Integer> counts() {
		return Collections.unmodifiableMap(counts);
	}
}

package org.wskstudio.wskl.simulate.soak;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.wskstudio.wsk.sim.SimSummary;
import org.wskstudio.wsk.sim.net.RequestOutcome;

/**
 * The summary of a soak, counted shard by shard in shard order: requests by outcome, violations by
 * rule, IRPs and pool blocks are sums; the end time is the virtual time of all shards together
 * (each shard is a machine of its own that starts at 0); events are sums.
 */
final class SummaryTotal {
	private int requests;
	private final Map<RequestOutcome, Integer> outcomes = new EnumMap<>(RequestOutcome.class);
	private int pended;
	private final Map<String, Integer> violationsByRule = new TreeMap<>();
	private int errors;
	private int warnings;
	private int irpsAllocated;
	private int irpsFreed;
	private int poolAllocated;
	private int poolFreed;
	private long endTime;
	private long eventsExecuted;
	private long traceEvents;

	SummaryTotal() {
		for (RequestOutcome o : RequestOutcome.values()) {
			outcomes.put(o, 0);
		}
	}

	void add(SimSummary s) {
		requests += s.requests();
		s.outcomes().forEach((o, n) -> outcomes.merge(o, n, Integer::sum));
		pended += s.pended();
		s.violationsByRule().forEach((rule, n) -> violationsByRule.merge(rule, n, Integer::sum));
		errors += s.errors();
		warnings += s.warnings();
		irpsAllocated += s.irpsAllocated();
		irpsFreed += s.irpsFreed();
		poolAllocated += s.poolAllocated();
		poolFreed += s.poolFreed();
		endTime += s.endTime();
		eventsExecuted += s.eventsExecuted();
		traceEvents += s.traceEvents();
	}

	long traceEvents() {
		return traceEvents;
	}

	SimSummary summary() {
		return new SimSummary(requests, Collections.unmodifiableMap(new EnumMap<>(outcomes)), pended,
				Collections.unmodifiableMap(new TreeMap<>(violationsByRule)), errors, warnings, irpsAllocated, irpsFreed,
				poolAllocated, poolFreed, endTime, eventsExecuted, traceEvents);
	}
}

package org.wskstudio.wsk.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.verify.Severity;
import org.wskstudio.wsk.sim.verify.Violation;

/** Counts of a finished run: requests by outcome, violations by rule, resources. */
public record SimSummary(int requests, Map<RequestOutcome, Integer> outcomes, int pended,
		Map<String, Integer> violationsByRule, int errors, int warnings, int irpsAllocated, int irpsFreed,
		int poolAllocated, int poolFreed, long endTime, long eventsExecuted, long traceEvents) {

	static SimSummary of(List<RequestRecord> requests, List<Violation> violations, int irpsAllocated, int irpsFreed,
			int poolAllocated, int poolFreed, long endTime, long events, long traceEvents) {
		Map<RequestOutcome, Integer> outcomes = new EnumMap<>(RequestOutcome.class);
		for (RequestOutcome o : RequestOutcome.values()) {
			outcomes.put(o, 0);
		}
		int pended = 0;
		for (RequestRecord r : requests) {
			outcomes.merge(r.outcome(), 1, Integer::sum);
			if (r.wasPended()) {
				pended++;
			}
		}
		Map<String, Integer> byRule = new TreeMap<>();
		int errors = 0;
		for (Violation v : violations) {
			byRule.merge(v.ruleId(), 1, Integer::sum);
			if (v.severity() == Severity.ERROR) {
				errors++;
			}
		}
		return new SimSummary(requests.size(), Collections.unmodifiableMap(outcomes), pended,
				Collections.unmodifiableMap(byRule), errors, violations.size() - errors, irpsAllocated, irpsFreed,
				poolAllocated, poolFreed, endTime, events, traceEvents);
	}

	public int count(RequestOutcome o) {
		return outcomes.getOrDefault(o, 0);
	}

	/** ACCEPTED + PENDED_THEN_ACCEPTED. */
	public int accepted() {
		return count(RequestOutcome.ACCEPTED) + count(RequestOutcome.PENDED_THEN_ACCEPTED);
	}

	public int violations() {
		return errors + warnings;
	}

	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder();
		sb.append("requests: ").append(requests).append(" (pended ").append(pended).append(")\n");
		for (var e : outcomes.entrySet()) {
			if (e.getValue() > 0) {
				sb.append("  ").append(e.getKey().name().toLowerCase().replace('_', '-')).append(": ")
						.append(e.getValue()).append('\n');
			}
		}
		sb.append("violations: ").append(errors).append(" error(s), ").append(warnings).append(" warning(s)\n");
		for (var e : violationsByRule.entrySet()) {
			sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
		}
		sb.append("IRPs: ").append(irpsAllocated).append(" allocated, ").append(irpsFreed).append(" freed\n");
		sb.append("pool: ").append(poolAllocated).append(" allocated, ").append(poolFreed).append(" freed\n");
		sb.append("ended at ").append(VirtualTime.format(endTime)).append(" after ").append(eventsExecuted)
				.append(" events (").append(traceEvents).append(" trace events)\n");
		return sb.toString();
	}
}

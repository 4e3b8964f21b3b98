package org.wskstudio.wskl.simulate.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.trace.TraceEvent;

/**
 * Back-to-back comparison of one scenario run on the Java twin and on the C driver: the two
 * traces, reduced to what both must agree on, must be equal event by event (time, kind,
 * listener, arguments, result; rule violations by rule), and so must the request outcomes.
 * <p>
 * Compared: DriverEntry/DriverUnload, every WSK call (registration, WskSocket, options, bind,
 * accept, inspect complete, close), every IRP operation and completion, pool allocations and
 * frees (type and tag; the block's size or Java class differ by nature), every callback into
 * the driver (connect requests, inspect, accept, abort events, check queries and answers) and
 * every violation. Not compared, because the two express them differently by design: waits
 * (KeWaitForSingleObject: the C waits synchronously where the Java twin continues from a
 * completion), timers and DPCs and work items (the Java twin stands a timer and its DPC in
 * for a work item), and log lines. What timers decide is compared: a pend's timeout
 * (common.PendTimeout, the same one-shot timer per entry in both) shows as its
 * WskInspectComplete at the same virtual time. Host-dependent details never appear: IRPs,
 * blocks and sockets are numbered by the simulator, never addresses.
 */
public final class TraceComparison {
	/** Trace kinds that differ by construction (see the class comment). */
	public static final Set<String> NOT_COMPARED = Set.of("KeWaitForSingleObject", "KeSetTimer", "KeCancelTimer",
			"TimerDpc", "KeFlushQueuedDpcs", "Log", "IoQueueWorkItemEx", "WorkItem");

	private static final int CONTEXT = 4;

	private TraceComparison() {
	}

	/**
	 * @param cLocation the C source line of a C trace event ("evtacc_driver.c:123 (Function)"), or null
	 */
	public static Comparison compare(ScenarioResult java, ScenarioResult c, Function<TraceEvent, String> cLocation) {
		List<TraceEvent> j = compared(java.trace().events());
		List<TraceEvent> k = compared(c.trace().events());
		boolean sameOutcomes = outcomes(java, c) == null;
		if (java.trace().dropped() > 0 || c.trace().dropped() > 0) {
			return new Comparison(false, sameOutcomes, j.size(), k.size(), "the traces were cut at the trace limit ("
					+ java.trace().dropped() + " / " + c.trace().dropped() + " events dropped): raise the limit to compare");
		}
		int n = Math.min(j.size(), k.size());
		for (int i = 0; i < n; i++) {
			if (!normal(j.get(i)).equals(normal(k.get(i)))) {
				return new Comparison(false, sameOutcomes, j.size(), k.size(), divergence(j, k, i, cLocation));
			}
		}
		if (j.size() != k.size()) {
			return new Comparison(false, sameOutcomes, j.size(), k.size(), divergence(j, k, n, cLocation));
		}
		String outcomes = outcomes(java, c);
		if (outcomes != null) {
			return new Comparison(false, false, j.size(), k.size(), outcomes);
		}
		return new Comparison(true, true, j.size(), k.size(), "the Java twin and the C driver agree on " + j.size()
				+ " events (" + java.summary().requests() + " requests, " + java.violations().size() + " violations)");
	}

	static List<TraceEvent> compared(List<TraceEvent> events) {
		List<TraceEvent> out = new ArrayList<>(events.size());
		for (TraceEvent e : events) {
			if (!NOT_COMPARED.contains(e.kind())) {
				out.add(e);
			}
		}
		return out;
	}

	/** The comparable text of an event. */
	static String normal(TraceEvent e) {
		if (e.isViolation()) {
			return VirtualTime.format(e.time()) + " violation " + e.rule();
		}
		String details = e.details() == null ? "" : e.details();
		if (e.kind().equals("ExAllocatePoolWithTag")) {
			// "NonPagedPoolNx, 96 bytes, 'Grd1'" (C) vs "NonPagedPoolNx, Connection, 'Grd1'" (Java)
			details = details.replaceFirst(", [^,]*, '", ", '");
		}
		return VirtualTime.format(e.time()) + " " + e.kind() + " [" + (e.listener() == null ? "" : e.listener()) + "] "
				+ details + (e.result() == null ? "" : " -> " + e.result());
	}

	private static String divergence(List<TraceEvent> j, List<TraceEvent> k, int at, Function<TraceEvent, String> cLocation) {
		StringBuilder b = new StringBuilder("the Java twin and the C driver diverge at compared event " + (at + 1) + ":\n");
		b.append("  Java twin:\n");
		side(b, j, at, e -> e.element() == null ? null : "Java twin, " + e.element());
		b.append("  C driver:\n");
		side(b, k, at, cLocation);
		return b.toString().stripTrailing();
	}

	private static void side(StringBuilder b, List<TraceEvent> events, int at, Function<TraceEvent, String> where) {
		for (int i = Math.max(0, at - CONTEXT); i <= Math.min(events.size() - 1, at + 1); i++) {
			TraceEvent e = events.get(i);
			String loc = where == null ? null : where.apply(e);
			b.append(i == at ? "  > " : "    ").append(normal(e)).append(loc == null ? "" : "   (" + loc + ")").append('\n');
		}
		if (at >= events.size()) {
			b.append("  > (no more events)\n");
		}
	}

	private static String outcomes(ScenarioResult java, ScenarioResult c) {
		var a = java.requests();
		var b = c.requests();
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			if (a.get(i).outcome() != b.get(i).outcome()) {
				return "request " + (i + 1) + " (" + a.get(i) + "): the Java twin decides " + a.get(i).outcome()
						+ ", the C driver " + b.get(i).outcome();
			}
		}
		return a.size() == b.size() ? null : "the Java twin saw " + a.size() + " requests, the C driver " + b.size();
	}
}

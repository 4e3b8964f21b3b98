package org.wskstudio.wsk.sim.scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.wskstudio.wsk.sim.SimSummary;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.verify.Violation;

/** Something a scenario expects of its run. {@link #check} returns null when met, else a readable failure. */
public sealed interface Expectation {
	String check(List<RequestRecord> requests, List<Violation> violations, SimSummary summary);

	/**
	 * Whether the expectation holds in every run of a fault sweep, the failed ones too (only "no
	 * violations": a failed allocation changes outcomes and counts, never the rules the driver
	 * must keep). The others are checked on the sweep's unfailed run only.
	 */
	default boolean holdsUnderFaults() {
		return false;
	}

	/** Request #index ends with one of the outcomes. */
	record Outcome(int index, Set<RequestOutcome> allowed) implements Expectation {
		public Outcome(int index, RequestOutcome first, RequestOutcome... more) {
			this(index, EnumSet.of(first, more));
		}

		@Override
		public String check(List<RequestRecord> requests, List<Violation> violations, SimSummary summary) {
			if (index < 0 || index >= requests.size()) {
				return "request #" + index + " expected " + names(allowed) + ", but the scenario has only "
						+ requests.size() + " request(s)";
			}
			RequestRecord r = requests.get(index);
			return allowed.contains(r.outcome()) ? null
					: "request #" + index + " (" + r.spec().remote() + ") expected " + names(allowed) + ", but was "
							+ r.outcome().name().toLowerCase() + " (" + r.reason() + ")";
		}
	}

	/** Request #index was pended by WskInspectEvent. */
	record Pended(int index) implements Expectation {
		@Override
		public String check(List<RequestRecord> requests, List<Violation> violations, SimSummary summary) {
			if (index < 0 || index >= requests.size()) {
				return "request #" + index + " expected pended, but there is no such request";
			}
			RequestRecord r = requests.get(index);
			return r.wasPended() ? null : "request #" + index + " (" + r.spec().remote()
					+ ") expected to be pended by WskInspectEvent, but it was not (" + r.outcome().name().toLowerCase()
					+ ": " + r.reason() + ")";
		}
	}

	/** Exactly n requests end with the outcome. */
	record Count(RequestOutcome outcome, int expected) implements Expectation {
		@Override
		public String check(List<RequestRecord> requests, List<Violation> violations, SimSummary summary) {
			int n = summary.count(outcome);
			return n == expected ? null
					: "expected " + expected + " " + outcome.name().toLowerCase() + " request(s), but got " + n;
		}
	}

	/** No violation of any rule. */
	record NoViolations() implements Expectation {
		@Override
		public boolean holdsUnderFaults() {
			return true;
		}

		@Override
		public String check(List<RequestRecord> requests, List<Violation> violations, SimSummary summary) {
			if (violations.isEmpty()) {
				return null;
			}
			return "expected no violations, but got " + violations.size() + ":\n    " + violations.stream()
					.limit(10).map(Violation::toString).collect(Collectors.joining("\n    "))
					+ (violations.size() > 10 ? "\n    ..." : "");
		}
	}

	/** Rule ruleId is violated between min and max times (inclusive). */
	record Violations(String ruleId, int min, int max) implements Expectation {
		@Override
		public String check(List<RequestRecord> requests, List<Violation> violations, SimSummary summary) {
			long n = violations.stream().filter(v -> v.ruleId().equals(ruleId)).count();
			if (n >= min && n <= max) {
				return null;
			}
			String want = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min
					: min + ".." + max;
			return "expected " + want + " violation(s) of " + ruleId + ", but got " + n;
		}
	}

	private static String names(Set<RequestOutcome> s) {
		return s.stream().map(o -> o.name().toLowerCase()).collect(Collectors.joining(" or "));
	}
}

package org.wskstudio.wsk.sim.verify;

import java.util.List;

import org.wskstudio.wsk.sim.net.DriverCounter;
import org.wskstudio.wsk.sim.net.ListenerCounters;
import org.wskstudio.wsk.sim.net.RequestRecord;

/** Rule COUNTER_MISMATCH: each counter a driver reports equals the matching outcomes of its listener. */
public final class CounterCheck {
	private CounterCheck() {
	}

	/** The number of the listener's requests the counter counts. */
	public static long expected(DriverCounter counter, String listener, List<RequestRecord> requests) {
		return requests.stream().filter(r -> listener.equals(r.listener()) && counter.matches(r)).count();
	}

	/** Reports one violation per counter that differs; returns how many did. */
	public static int check(Verifier verifier, List<ListenerCounters> reported, List<RequestRecord> requests) {
		int mismatches = 0;
		for (ListenerCounters lc : reported) {
			for (DriverCounter counter : DriverCounter.values()) {
				Long value = lc.values().get(counter);
				if (value == null) {
					continue;
				}
				long expected = expected(counter, lc.listener(), requests);
				if (value != expected) {
					mismatches++;
					verifier.report(Rule.COUNTER_MISMATCH, lc.listener(), lc.listener(), "Listener " + lc.listener()
							+ ": the driver's " + counter.field() + "Count is " + value + " but the simulator recorded "
							+ expected + " " + counter.meaning() + ".");
				}
			}
		}
		return mismatches;
	}
}

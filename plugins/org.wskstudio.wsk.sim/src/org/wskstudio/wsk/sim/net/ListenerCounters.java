package org.wskstudio.wsk.sim.net;

import java.util.Map;

/**
 * The counters a driver keeps for one listener, as it reports them (a missing counter is one the
 * driver does not keep and is not checked).
 *
 * @param listener the listener's name, as the simulator knows it (the model element)
 * @param values   counter values, unsigned 32-bit in the C (ULONG), hence long
 */
public record ListenerCounters(String listener, Map<DriverCounter, Long> values) {
	public ListenerCounters {
		values = Map.copyOf(values);
	}
}

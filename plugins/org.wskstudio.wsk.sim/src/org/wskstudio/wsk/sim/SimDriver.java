package org.wskstudio.wsk.sim;

import java.util.List;

import org.wskstudio.wsk.sim.net.ListenerCounters;

/** A driver under simulation: the Java twin of a WSK kernel driver. */
public interface SimDriver {
	/** Called at PASSIVE_LEVEL at virtual time 0. A failure status means the driver did not load. */
	int DriverEntry(Kernel k);

	/** Called at PASSIVE_LEVEL when the run ends (only if DriverEntry succeeded). */
	default void DriverUnload(Kernel k) {
	}

	/**
	 * The counters the driver keeps, one entry per listener, read just before DriverUnload (the
	 * generated drivers answer with their Pfx_QueryListenerCounters). The simulator compares each
	 * with the outcomes it recorded (rule COUNTER_MISMATCH). Default: the driver keeps none.
	 */
	default List<ListenerCounters> listenerCounters() {
		return List.of();
	}
}

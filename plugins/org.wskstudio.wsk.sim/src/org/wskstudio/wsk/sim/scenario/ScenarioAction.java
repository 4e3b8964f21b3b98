package org.wskstudio.wsk.sim.scenario;

import java.util.function.Consumer;

import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.net.ConnectSpec;

/** One step of a scenario. */
public sealed interface ScenarioAction {
	/** A remote client's connection attempt. */
	record Connect(ConnectSpec spec) implements ScenarioAction {
	}

	/** The named external check answers its outstanding queries at a time (subject null = all of them). */
	record CheckAnswer(String check, boolean accept, String subject, long at) implements ScenarioAction {
	}

	/** The nth IoAllocateIrp call (1-based) returns NULL. */
	record FailIrpAllocation(int nth) implements ScenarioAction {
	}

	/** The nth ExAllocatePoolWithTag call (1-based) returns NULL. */
	record FailPoolAllocation(int nth) implements ScenarioAction {
	}

	/** The named listener stops working at a time. */
	record FailListener(String listener, long at) implements ScenarioAction {
	}

	/** Rule COUNTER_MISMATCH checked at a time: the driver's counters against the outcomes so far. */
	record CheckCounters(long at) implements ScenarioAction {
	}

	/** Arbitrary driver-side code at a time, at PASSIVE_LEVEL. */
	record DriverAction(String label, long at, Consumer<Kernel> action) implements ScenarioAction {
	}
}

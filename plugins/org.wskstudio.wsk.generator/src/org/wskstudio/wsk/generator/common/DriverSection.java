package org.wskstudio.wsk.generator.common;

import java.util.Arrays;
import java.util.List;

/**
 * The sections of the driver source, in the one order that the C source
 * ({@code c.DriverSourceFile}) and its Java twin ({@code java.DriverSourceFile}) both follow.
 * Each section is one class in each generator package, named alike ({@code DeclarationsSection},
 * {@code DriverStateSection}, {@code ConnectionSection}, ...); a section the model does not
 * need is left out of both.
 */
public enum DriverSection {
	/** Callbacks with their role types (C); constants and the header's types (Java). */
	DECLARATIONS,
	/** Driver-level state and the IRP helpers (counted allocation, synchronous calls). */
	DRIVER_STATE,
	/** The connection block: accepted sockets and their dispatch. */
	CONNECTION,
	/** The runtime of listeners that accept by IRP. */
	IRP_ACCEPT,
	/** Rule evaluation of conditional-accept listeners. */
	INSPECT,
	/** The pending inspections of conditional-accept listeners (pend rules, their timeouts). */
	PENDING,
	/** Init, create, options, bind, events and close of every listener's socket. */
	LISTENER_RUNTIME,
	/** Start, recreate and stop of every listener (under the listener runtime's heading). */
	LISTENER_LIFECYCLE,
	/** One block per listener: tables, Open, listen callbacks. */
	LISTENER_BLOCKS,
	/** The listener counters and their query function. */
	COUNTERS,
	/** DriverEntry and unload. */
	REGISTRATION;

	/** Whether a driver with these facts has this section. */
	public boolean neededBy(DriverFacts facts) {
		return switch (this) {
			case IRP_ACCEPT -> facts.irp;
			case INSPECT, PENDING -> facts.conditional;
			default -> true;
		};
	}

	/** The sections a driver with these facts has, in order. */
	public static List<DriverSection> of(DriverFacts facts) {
		return Arrays.stream(values()).filter(s -> s.neededBy(facts)).toList();
	}
}

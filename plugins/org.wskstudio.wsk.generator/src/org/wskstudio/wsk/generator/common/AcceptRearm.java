package org.wskstudio.wsk.generator.common;

/**
 * How an IRP-mode listener ("accept by irp queue N") recovers a slot whose re-arm failed, decided
 * once for both targets so that the Java twin simulates what the C does.
 * <p>
 * A re-arm fails for want of memory when IoAllocateIrp or the connection context (the
 * AcceptSocketContext, with its close IRP) returns NULL: WskAccept cannot be issued. That is
 * transient, so the slot keeps what it did allocate and retries from the DPC of a one-shot KTIMER
 * of its own (IoAllocateIrp, ExAllocatePoolWithTag(NonPagedPoolNx) and WskAccept are legal at
 * DISPATCH_LEVEL), with an exponential back-off: {@link #FIRST_RETRY_MS} after the first failure,
 * twice as long after each further one, at most {@link #MAX_RETRY_MS}; an arm that succeeds starts
 * over. Retrying at once would spin at DISPATCH_LEVEL; retiring the slot, as the driver once did,
 * loses the listener for good once every slot has met one failure. A failed or cancelled accept
 * and a stopping listener still retire the slot: those repeat on every retry (a listening socket
 * WSK closed, an unload).
 * <p>
 * Unload cancels the timers and flushes queued DPCs (KeCancelTimer, KeFlushQueuedDpcs) after the
 * rundown wait; see the listener stop of each target.
 */
public final class AcceptRearm {

	/**
	 * First back-off, in milliseconds: a blip of memory pressure costs the slot about one clock
	 * tick (KeSetTimer expires on the system clock, 15.6 ms by default, so a shorter delay would
	 * not be kept anyway). While the listener's other slots, if any, take the connections, the rest
	 * wait in the transport's backlog.
	 */
	public static final int FIRST_RETRY_MS = 10;

	/**
	 * Longest back-off, in milliseconds (reached after 10, 20, 40, 80): while memory stays short a
	 * slot tries ten times a second, which costs next to nothing, and takes up work again at most
	 * 100 ms after memory is back.
	 */
	public static final int MAX_RETRY_MS = 100;

	private AcceptRearm() {
	}
}

package org.wskstudio.wsk.generator.common;

/**
 * How a pended inspection times out ("pend ... timeout T ms else D"), decided once for both
 * targets so that the C and its Java twin complete a pend at the same virtual time.
 * <p>
 * <b>One one-shot timer per pending entry.</b> Each entry of a listener's pending table owns a
 * KTIMER and a KDPC ({@code Pfx_TimeoutDpc}, context: the entry). When WskInspectEvent returns
 * WskInspectPend the entry turns Waiting and, under the listener's PendingLock, gets its deadline
 * (KeQueryInterruptTime() at that moment plus T times {@link #INTERRUPT_TIME_PER_MS}) and
 * its timer, set T ms relative. The DPC completes the entry with the rule's else action only if,
 * under the lock, the entry is still Waiting and its deadline is at or before KeQueryInterruptTime(). So the else action happens T
 * ms after WskInspectEvent pended the request (on Windows at the first clock interrupt at or after
 * that, 15.6 ms apart by default; in the simulator exactly).
 * <p>
 * Why not one periodic timer per listener sweeping the table (the C's former design, 100 ms
 * tick): the sweep fires ten times a second for as long as the listener is open, pends or not,
 * which keeps an idle machine waking up, and it answers up to a tick late, so "timeout 500 ms"
 * meant "between 500 and 600 ms". A table holds at most a few dozen entries ({@code max
 * pending}), so a KTIMER and a KDPC each (about 128 bytes on x64) cost little. The races of
 * per-entry timers are the ones the state machine already arbitrates: the check's answer, an
 * abort, the close's sweep and the timer's DPC each move an entry out of Waiting under
 * PendingLock, and only the first one wins. The others cancel the timer (KeCancelTimer); a DPC
 * that its expiry had already queued runs anyway and finds the entry no longer Waiting, or taken
 * by a later pend whose deadline has not come: it does nothing. The timer
 * is set under the lock, in the same step that makes the entry Waiting, so no answer can free and
 * reuse the entry between the two. Unload flushes queued DPCs after the close's sweep has
 * cancelled every timer still set.
 */
public final class PendTimeout {

	/** KeQueryInterruptTime counts 100 ns units: this many make a millisecond. */
	public static final long INTERRUPT_TIME_PER_MS = 10_000;

	/** The design in a sentence, for the comments of both generated drivers. */
	public static final String SUMMARY = "Pend timeouts: one one-shot timer per pending entry, set when"
			+ " WskInspectEvent pends; the rule's else action happens at pend + timeout if neither the check's"
			+ " answer nor an abort came first.";

	private PendTimeout() {
	}
}

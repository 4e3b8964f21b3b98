package org.wskstudio.wsk.sim.core;

/**
 * One entry of the event queue. Ordered by (time, sequence number) so that events at the
 * same virtual time run in the order they were scheduled. Cancellation is lazy.
 */
public final class ScheduledEvent implements Comparable<ScheduledEvent> {
	private final long time;
	private final long seq;
	private final Runnable action;
	private final boolean external;
	private boolean cancelled;

	ScheduledEvent(long time, long seq, Runnable action, boolean external) {
		this.time = time;
		this.seq = seq;
		this.action = action;
		this.external = external;
	}

	public long time() {
		return time;
	}

	public long seq() {
		return seq;
	}

	/** True for events that come from outside the modelled host (remote clients, scenario). */
	public boolean external() {
		return external;
	}

	public boolean cancelled() {
		return cancelled;
	}

	/** Cancels the event; it stays in the queue but is skipped. */
	public void cancel() {
		cancelled = true;
	}

	void run() {
		action.run();
	}

	@Override
	public int compareTo(ScheduledEvent o) {
		int c = Long.compare(time, o.time);
		return c != 0 ? c : Long.compare(seq, o.seq);
	}
}

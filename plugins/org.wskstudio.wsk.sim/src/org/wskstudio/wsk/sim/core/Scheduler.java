package org.wskstudio.wsk.sim.core;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event core: a virtual clock and a queue of events ordered by (time, sequence
 * number). Single threaded; every run with the same inputs executes the same events in the
 * same order.
 */
public final class Scheduler {
	private final PriorityQueue<ScheduledEvent> queue = new PriorityQueue<>();
	private long now;
	private long nextSeq;
	private long executed;
	private boolean dropExternal;

	/** Current virtual time in microseconds. */
	public long now() {
		return now;
	}

	/** Number of events executed so far. */
	public long executed() {
		return executed;
	}

	/** Schedules an internal event (WSK, I/O manager, timers) at an absolute time. */
	public ScheduledEvent at(long time, Runnable action) {
		return enqueue(time, action, false);
	}

	/** Schedules an internal event after a delay. */
	public ScheduledEvent after(long delay, Runnable action) {
		return enqueue(now + Math.max(0, delay), action, false);
	}

	/** Schedules an event that comes from outside the host (remote clients, scenario steps). */
	public ScheduledEvent external(long time, Runnable action) {
		return enqueue(time, action, true);
	}

	private ScheduledEvent enqueue(long time, Runnable action, boolean external) {
		ScheduledEvent e = new ScheduledEvent(Math.max(time, now), nextSeq++, action, external);
		queue.add(e);
		return e;
	}

	/** From now on, external events are discarded (used while the driver is unloading). */
	public void dropExternalEvents() {
		dropExternal = true;
	}

	public boolean isEmpty() {
		return queue.isEmpty();
	}

	/** Time of the next live event, or Long.MAX_VALUE. */
	public long peekTime() {
		skipDead();
		ScheduledEvent e = queue.peek();
		return e == null ? Long.MAX_VALUE : e.time();
	}

	private void skipDead() {
		while (!queue.isEmpty()) {
			ScheduledEvent e = queue.peek();
			if (e.cancelled() || (dropExternal && e.external())) {
				queue.poll();
			} else {
				return;
			}
		}
	}

	/**
	 * Whether every live event still scheduled is one of those the predicate ignores (e.g. the ticks
	 * of a driver's periodic timer, which alone never end a run).
	 */
	public boolean idleExcept(java.util.function.Predicate<ScheduledEvent> ignore) {
		for (ScheduledEvent e : queue) {
			if (!e.cancelled() && !(dropExternal && e.external()) && !ignore.test(e)) {
				return false;
			}
		}
		return true;
	}

	/** Runs one event; false when none is left. */
	public boolean step() {
		skipDead();
		ScheduledEvent e = queue.poll();
		if (e == null) {
			return false;
		}
		now = e.time();
		executed++;
		e.run();
		return true;
	}

	/** Runs every event with time &lt;= limit, then advances the clock to limit (if finite). */
	public void runUntil(long limit) {
		while (peekTime() <= limit && step()) {
			// next event
		}
		if (limit != Long.MAX_VALUE && limit > now) {
			now = limit;
		}
	}

	/** Runs every event with time &lt;= limit without moving the clock past the last event run. */
	public void drainUntil(long limit) {
		while (peekTime() <= limit && step()) {
			// next event
		}
	}

	/**
	 * Runs events until the condition holds or no event is left (or limit is passed).
	 * Returns whether the condition holds.
	 */
	public boolean runUntil(BooleanSupplier condition, long limit) {
		while (!condition.getAsBoolean()) {
			if (peekTime() > limit || !step()) {
				return condition.getAsBoolean();
			}
		}
		return true;
	}
}

package org.wskstudio.wsk.sim.core;

/**
 * Virtual time of the simulator. The unit is the <b>microsecond</b>, held in a {@code long}
 * (enough for about 292,000 years). Time 0 is the moment DriverEntry is called.
 */
public final class VirtualTime {
	private VirtualTime() {
	}

	/** Microseconds. */
	public static long us(long micros) {
		return micros;
	}

	/** Milliseconds to microseconds. */
	public static long ms(long millis) {
		return Math.multiplyExact(millis, 1_000L);
	}

	/** Seconds to microseconds. */
	public static long s(long seconds) {
		return Math.multiplyExact(seconds, 1_000_000L);
	}

	/**
	 * Converts a KeSetTimer due time (100 ns units; negative means relative to now,
	 * positive means absolute) into an absolute virtual time in microseconds, rounding up.
	 */
	public static long fromDueTime(long now, long dueTime100ns) {
		if (dueTime100ns < 0) {
			long rel = -dueTime100ns;
			return now + (rel + 9) / 10;
		}
		return Math.max(now, (dueTime100ns + 9) / 10);
	}

	/** Formats a time for people: "1.250 ms", "3 s", "17 us". Deterministic. */
	public static String format(long micros) {
		if (micros == Long.MAX_VALUE) {
			return "never";
		}
		if (micros % 1_000_000L == 0 && micros != 0) {
			return (micros / 1_000_000L) + " s";
		}
		if (micros % 1_000L == 0 && micros != 0) {
			return (micros / 1_000L) + " ms";
		}
		if (micros < 1_000L) {
			return micros + " us";
		}
		long ms = micros / 1_000L;
		long frac = micros % 1_000L;
		return ms + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac + " ms";
	}
}

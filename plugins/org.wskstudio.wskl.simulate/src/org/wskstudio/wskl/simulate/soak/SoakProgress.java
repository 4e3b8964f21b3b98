package org.wskstudio.wskl.simulate.soak;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.wskstudio.wskl.simulate.SimulationRunner;

/**
 * Progress of a long soak on a terminal ({@code wskl simulate --random}): one line, rewritten in place at most every half second,
 * with the requests decided, the rate in requests per second and an estimate of the time left
 * (at the rate so far). Called from the soak's threads. Not used when the output is no terminal
 * or with {@code --quiet} ({@link #wanted}).
 */
public final class SoakProgress implements SimulationRunner.Progress {
	private static final long EVERY_NS = 500_000_000L;

	private final PrintWriter err;
	private final LongSupplier nanoTime;
	private final long start;
	private long lastPrint = Long.MIN_VALUE;
	private boolean printed;

	public SoakProgress(PrintWriter err, LongSupplier nanoTime) {
		this.err = err;
		this.nanoTime = nanoTime;
		this.start = nanoTime.getAsLong();
	}

	/** Whether to show progress: a run long enough, not quiet, the console a terminal. */
	public static boolean wanted(long requests, boolean quiet) {
		return requests >= 10_000 && !quiet && isTerminal();
	}

	@Override
	public synchronized void progress(String phase, long done, long total) {
		long now = nanoTime.getAsLong();
		if (done < total && lastPrint != Long.MIN_VALUE && now - lastPrint < EVERY_NS) {
			return;
		}
		lastPrint = now;
		err.print("\r" + line(done, total, now - start) + "   ");
		err.flush();
		printed = true;
	}

	/** Ends the progress line (call once the soak is over). */
	public synchronized void done() {
		if (printed) {
			err.println();
			err.flush();
		}
	}

	/** "wskl simulate: 120,000 of 1,000,000 requests (12 %), 41,000 requests/s, 21 s left". */
	public static String line(long done, long total, long elapsedNs) {
		double seconds = elapsedNs / 1e9;
		double rate = seconds > 0 ? done / seconds : 0;
		String left = rate > 0 ? duration((total - done) / rate) + " left" : "time left unknown";
		return String.format(Locale.ROOT, "wskl simulate: %,d of %,d requests (%d %%), %,.0f requests/s, %s", done, total,
				total == 0 ? 100 : done * 100 / total, rate, left);
	}

	/** 42 s, 3 min 05 s, 2 h 07 min. */
	public static String duration(double seconds) {
		long s = Math.round(seconds);
		if (s < 60) {
			return s + " s";
		}
		if (s < 3600) {
			return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
		}
		return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
	}

	/**
	 * Whether the output goes to a terminal, as far as Java can tell: up to Java 21
	 * {@code System.console()} is null when standard input or output is redirected; from Java 22 on
	 * it is always there and {@code Console.isTerminal()} says (called by reflection, the bundles
	 * compile for Java 17). Java cannot ask about standard error alone.
	 */
	public static boolean isTerminal() {
		java.io.Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
		} catch (ReflectiveOperationException | RuntimeException e) {
			return true;
		}
	}
}

package org.wskstudio.wskl.simulate.soak;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.compare.Comparison;

/**
 * Runs a soak ({@link SoakSettings}) in bounded memory on several threads: each shard is a random
 * run of {@link TargetRunner#runRandom} (on the Java twin, the C driver or both, compared shard by
 * shard); at most twice as many shards as jobs are under way at once, and the finished ones are
 * taken in shard order, handed to a {@link ShardSink} (the trace files), counted into the summary
 * and let go. Without a sink and a comparison, a shard keeps only the first {@value #WINDOW_EVENTS}
 * events of its trace. What is kept for the report is bounded too: the first {@value #KEPT} violations and
 * failed expectations of each target and one shard's whole result, the window (the first shard that
 * failed or diverged, else shard 0).
 */
public final class SoakRunner {
	/** Violations and failed expectations kept for the report, per target. */
	static final int KEPT = 100;
	/**
	 * Trace events a shard keeps when its trace goes to no file and is compared with nothing: the
	 * window for an SVG or {@code -v} (an SVG draws 2,000 rows at most).
	 */
	public static final int WINDOW_EVENTS = 10_000;

	private final TargetRunner runner;
	private final SoakSettings settings;

	public SoakRunner(TargetRunner runner, SoakSettings settings) {
		this.runner = runner;
		this.settings = settings;
	}

	/**
	 * @param sink told about each shard in order (null: none)
	 * @param progress told about requests decided so far in all shards, phase "simulating", from
	 *        the shards' threads (null: none)
	 * @throws IOException from the sink; the soak stops
	 */
	public SoakResult run(ShardSink sink, SimulationRunner.Progress progress) throws IOException {
		int shards = settings.shards();
		int jobs = Math.min(settings.jobs(), shards);
		long total = settings.run().requests();
		AtomicLong decided = new AtomicLong();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
			Thread t = new Thread(r, "wskl-soak-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		SimulationTarget target = runner.target();
		Side java = target.runsJava() ? new Side() : null;
		Side c = target.runsC() ? new Side() : null;
		Comparisons comparisons = target == SimulationTarget.BOTH ? new Comparisons() : null;
		int traceLimit = sink != null || comparisons != null ? Integer.MAX_VALUE : WINDOW_EVENTS;
		ArrayDeque<Future<TargetResult>> underWay = new ArrayDeque<>();
		TargetResult window = null;
		int windowShard = 0;
		int peakShards = 0;
		long peakEvents = 0;
		try {
			int next = 0;
			for (int k = 0; k < shards; k++) {
				while (next < shards && underWay.size() < 2 * jobs) {
					RandomRun run = settings.shard(next);
					SimulationRunner.Progress p = progress == null ? null : shardProgress(decided, total, progress);
					underWay.add(pool.submit(() -> runner.runRandom(run, p, traceLimit)));
					next++;
				}
				TargetResult r = take(underWay.poll());
				// what is held now: this shard, the finished shards waiting their turn, the window
				int heldShards = 1 + (window == null ? 0 : 1);
				long heldEvents = events(r) + events(window);
				for (Future<TargetResult> f : underWay) {
					if (f.isDone()) {
						heldShards++;
						heldEvents += events(take(f));
					}
				}
				peakShards = Math.max(peakShards, heldShards);
				peakEvents = Math.max(peakEvents, heldEvents);
				RandomRun run = settings.shard(k);
				if (sink != null) {
					sink.shard(new ShardSink.Shard(k, shards, run, r, java == null ? 0 : java.traceEvents,
							c == null ? 0 : c.traceEvents));
				}
				String where = "shard " + (k + 1) + " of " + shards + " (seed " + run.seed() + ")";
				if (java != null) {
					java.add(r.java(), where);
				}
				if (c != null) {
					c.add(r.c(), where);
				}
				if (comparisons != null) {
					comparisons.add(r.comparison(), where);
				}
				if (window == null || (window.passed() && !r.passed())) {
					window = r;
					windowShard = k;
				}
			}
		} finally {
			pool.shutdownNow();
		}
		String name = "Random" + settings.run().requests() + "Seed" + settings.run().seed();
		TargetResult merged = new TargetResult(target, java == null ? null : java.result(name, window.java()),
				c == null ? null : c.result(name, window.c()), comparisons == null ? null : comparisons.result(shards));
		return new SoakResult(merged, shards, jobs, windowShard, peakShards, peakEvents);
	}

	/** Adds one shard's "simulating" progress to the soak's count, as a delta of what it told before. */
	private static SimulationRunner.Progress shardProgress(AtomicLong decided, long total, SimulationRunner.Progress out) {
		long[] last = { 0 };
		return (phase, done, t) -> {
			if (phase.equals("simulating")) {
				long all = decided.addAndGet(done - last[0]);
				last[0] = done;
				out.progress(phase, all, total);
			}
		};
	}

	private static TargetResult take(Future<TargetResult> f) {
		try {
			return f.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("the soak was interrupted", e);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException re) {
				throw re;
			}
			if (e.getCause() instanceof Error err) {
				throw err;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private static long events(TargetResult r) {
		if (r == null) {
			return 0;
		}
		return (r.java() == null ? 0 : r.java().trace().events().size()) + (r.c() == null ? 0 : r.c().trace().events().size());
	}

	/** One target's shards counted together. */
	private static final class Side {
		final SummaryTotal total = new SummaryTotal();
		final List<Violation> violations = new ArrayList<>();
		final List<String> failed = new ArrayList<>();
		int moreFailed;
		long traceEvents;
		Integer driverEntryStatus;

		void add(ScenarioResult r, String where) {
			total.add(r.summary());
			traceEvents += r.trace().total();
			if (driverEntryStatus == null || r.driverEntryStatus() < 0) {
				driverEntryStatus = r.driverEntryStatus();
			}
			for (Violation v : r.violations()) {
				if (violations.size() < KEPT) {
					violations.add(v);
				}
			}
			for (String f : r.failedExpectations()) {
				if (failed.size() < KEPT) {
					failed.add(where + ": " + f);
				} else {
					moreFailed++;
				}
			}
		}

		ScenarioResult result(String name, ScenarioResult window) {
			List<String> f = new ArrayList<>(failed);
			if (moreFailed > 0) {
				f.add(moreFailed + " more failed expectation(s) in later shards");
			}
			return new ScenarioResult(name, driverEntryStatus, total.summary(), List.of(), List.copyOf(violations),
					window.trace(), List.copyOf(f));
		}
	}

	/** The shards' comparisons of the two targets: the first divergence, or what all agree on. */
	private static final class Comparisons {
		long javaEvents;
		long cEvents;
		boolean sameOutcomes = true;
		String firstDivergence;

		void add(Comparison c, String where) {
			javaEvents += c.javaEvents();
			cEvents += c.cEvents();
			sameOutcomes &= c.sameOutcomes();
			if (!c.equal() && firstDivergence == null) {
				firstDivergence = where + ": " + c.report();
			}
		}

		Comparison result(int shards) {
			if (firstDivergence != null) {
				return new Comparison(false, sameOutcomes, javaEvents, cEvents, firstDivergence);
			}
			return new Comparison(true, true, javaEvents, cEvents, "the Java twin and the C driver agree on " + javaEvents
					+ " events in " + shards + " shard(s)");
		}
	}
}

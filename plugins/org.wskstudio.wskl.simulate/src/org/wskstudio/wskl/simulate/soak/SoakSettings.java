package org.wskstudio.wskl.simulate.soak;

import org.wskstudio.wskl.simulate.RandomRun;

/**
 * A soak: a seeded random run of many requests, split into shards of at most {@code shardSize}
 * requests, each one driver lifetime (DriverEntry, its requests, unload, leak checks) on a
 * simulated machine of its own, run on {@code jobs} threads.
 * <p>
 * The shards depend only on the run and the shard size, never on the jobs: shard 0 has the run's
 * own seed (a soak of one shard is exactly the random run of the same settings), shard k a seed
 * derived from it ({@link #shardSeed}). So the merged summary and trace are the same bytes for
 * any number of jobs; the jobs only change how fast.
 */
public record SoakSettings(RandomRun run, int jobs, int shardSize) {

	/** Requests per shard unless told otherwise: a shard's memory is bounded by it (tens of MB). */
	public static final int DEFAULT_SHARD_SIZE = 20_000;

	public SoakSettings {
		if (jobs < 1) {
			throw new IllegalArgumentException("--jobs needs at least one job");
		}
		if (shardSize < 1) {
			throw new IllegalArgumentException("--shard-size needs at least one request");
		}
	}

	/** As many jobs as the machine has cores, shards of the default size. */
	public static SoakSettings of(RandomRun run) {
		return new SoakSettings(run, Runtime.getRuntime().availableProcessors(), DEFAULT_SHARD_SIZE);
	}

	public int shards() {
		return (int) ((run.requests() + (long) shardSize - 1) / shardSize);
	}

	/** The random run of shard k (0-based): its share of the requests and its seed. */
	public RandomRun shard(int k) {
		if (k < 0 || k >= shards()) {
			throw new IndexOutOfBoundsException("shard " + k + " of " + shards());
		}
		int requests = (int) Math.min(shardSize, run.requests() - (long) k * shardSize);
		return new RandomRun(requests, shardSeed(run.seed(), k), run.dropProbability(), run.irpFailureProbability(),
				run.poolFailureProbability());
	}

	/**
	 * The seed of shard k: the soak's seed for shard 0, else the soak's seed and k mixed (the
	 * finalizer of SplitMix64), so neighbouring shards and neighbouring seeds draw unrelated runs.
	 */
	public static long shardSeed(long seed, int k) {
		if (k == 0) {
			return seed;
		}
		long z = seed + k * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}

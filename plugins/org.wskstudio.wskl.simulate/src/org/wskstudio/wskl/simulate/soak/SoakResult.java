package org.wskstudio.wskl.simulate.soak;

import org.wskstudio.wskl.simulate.TargetResult;

/**
 * A finished soak: the merged result ({@link TargetResult} with, per target, the summary of every
 * shard, the first violations and failed expectations, and as its trace the window: the first
 * shard that failed or diverged, else shard 0), how it was split and what it held at most.
 *
 * @param windowShard the shard whose trace the merged results carry (for an SVG or -v)
 * @param peakHeldShards most shard results held at once (finished, not yet merged, and the window)
 * @param peakHeldTraceEvents trace events in those results at that moment, at most
 */
public record SoakResult(TargetResult result, int shards, int jobs, int windowShard, int peakHeldShards,
		long peakHeldTraceEvents) {

	public boolean passed() {
		return result.passed();
	}
}

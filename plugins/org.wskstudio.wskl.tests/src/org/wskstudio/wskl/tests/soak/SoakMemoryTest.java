package org.wskstudio.wskl.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.trace.Trace;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.soak.SoakResult;
import org.wskstudio.wskl.simulate.soak.SoakRunner;
import org.wskstudio.wskl.simulate.soak.SoakSettings;

/**
 * A soak holds what a few shards hold, however long it is: a soak of 4 and one of 16 shards (four
 * times the requests and trace events) both keep at most 2 x jobs + 1 shard traces alive, by a
 * count of live trace objects after a garbage collection, and hold a few shards' trace events at
 * most; after the soak only the report's window is left.
 * The traces are all kept here (a sink that wants them), the worst case.
 */
class SoakMemoryTest {
	private static final int SHARD = 1_000;
	private static final int JOBS = 2;

	/** What one soak held: live shard traces when its last shard came in and after it, peak events held. */
	private record Held(int liveAtLastShard, int liveAfter, long peakEvents, long maxShardEvents, long traceEvents,
			SoakResult result) {
	}

	@Test
	void aSoakFourTimesAsLongHoldsNoMoreTracesAndEvents() throws Exception {
		Held shortSoak = soak(4);
		Held longSoak = soak(16);

		assertThat(longSoak.traceEvents()).isGreaterThan(3 * shortSoak.traceEvents());
		// shards under way are at most 2 x jobs, plus the window: live traces are bounded by that for
		// both lengths, never the 16 shards of the long soak
		for (Held h : List.of(shortSoak, longSoak)) {
			assertThat(h.liveAtLastShard()).isBetween(1, 2 * JOBS + 1);
			assertThat(h.result().peakHeldShards()).isBetween(1, 2 * JOBS + 1);
			assertThat(h.peakEvents()).isLessThanOrEqualTo((2 * JOBS + 1) * h.maxShardEvents());
			// after the soak only the window's trace is left, in the result
			assertThat(h.liveAfter()).isEqualTo(1);
		}
		assertThat(longSoak.peakEvents()).isLessThan(longSoak.traceEvents() / 3);
	}

	private static Held soak(int shards) throws Exception {
		SoakSettings settings = new SoakSettings(RandomRun.of(shards * SHARD, 5), JOBS, SHARD);
		List<WeakReference<Trace>> traces = new ArrayList<>();
		int[] liveAtLast = { -1 };
		long[] maxShardEvents = { 0 };
		SoakResult r = new SoakRunner(Soaks.java("conditional_accept.wskl"), settings).run(shard -> {
			traces.add(new WeakReference<>(shard.result().java().trace()));
			maxShardEvents[0] = Math.max(maxShardEvents[0], shard.result().java().trace().events().size());
			if (shard.index() == shard.count() - 1) {
				liveAtLast[0] = live(traces);
			}
		}, null);
		assertThat(r.passed()).as(r.result().java().report()).isTrue();
		assertThat(traces).hasSize(shards);
		return new Held(liveAtLast[0], live(traces), r.peakHeldTraceEvents(), maxShardEvents[0],
				r.result().java().summary().traceEvents(), r);
	}

	/** Shard traces still reachable after a full collection (weak references are cleared by it). */
	private static int live(List<WeakReference<Trace>> traces) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return (int) traces.stream().filter(t -> t.get() != null).count();
	}
}

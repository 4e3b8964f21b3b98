package org.wskstudio.wskl.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wsk.sim.SimSummary;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.soak.ShardSink;
import org.wskstudio.wskl.simulate.soak.SoakResult;
import org.wskstudio.wskl.simulate.soak.SoakRunner;
import org.wskstudio.wskl.simulate.soak.SoakSettings;
import org.wskstudio.wskl.simulate.soak.SoakTraces;

/**
 * How a soak is split into shards and merged: the shards cover the requests, shard 0 is the plain
 * random run, the others have seeds of their own; shards reach the sink in shard order whatever
 * the jobs, the merged trace numbers its events on across shards, and the merged summary is the
 * sum of the shards run one by one.
 */
class SoakShardsTest {
	private static final Pattern LINE = Pattern.compile("^\\{\"seq\":(\\d+),.*,\"shard\":(\\d+)\\}$");

	@TempDir
	Path temp;

	@Test
	void theShardsCoverTheRequestsWithSeedsOfTheirOwn() {
		SoakSettings s = new SoakSettings(RandomRun.of(10_500, 77), 3, 1_000);
		assertThat(s.shards()).isEqualTo(11);
		int sum = 0;
		Set<Long> seeds = new HashSet<>();
		for (int k = 0; k < s.shards(); k++) {
			sum += s.shard(k).requests();
			seeds.add(s.shard(k).seed());
		}
		assertThat(sum).isEqualTo(10_500);
		assertThat(s.shard(10).requests()).isEqualTo(500);
		assertThat(s.shard(0)).isEqualTo(RandomRun.of(1_000, 77));
		assertThat(seeds).hasSize(11);
		// the jobs change nothing in the shards
		assertThat(new SoakSettings(RandomRun.of(10_500, 77), 1, 1_000).shard(7)).isEqualTo(s.shard(7));
		assertThat(new SoakSettings(RandomRun.of(999, 77), 2, 1_000).shards()).isEqualTo(1);
	}

	@Test
	void shardsReachTheSinkInOrderAndTheTraceNumbersOnAcrossThem() throws Exception {
		TargetRunner runner = Soaks.java("event_accept.wskl");
		SoakSettings settings = new SoakSettings(RandomRun.of(5_300, 3), 4, 500);
		List<Integer> order = new ArrayList<>();
		List<Long> offsets = new ArrayList<>();
		Path file = temp.resolve("merged.jsonl");
		SoakResult r;
		try (SoakTraces traces = new SoakTraces(file, null)) {
			ShardSink both = shard -> {
				order.add(shard.index());
				offsets.add(shard.javaSeqOffset());
				traces.shard(shard);
			};
			r = new SoakRunner(runner, settings).run(both, null);
			traces.commit();
		}
		assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(offsets.get(0)).isZero();
		assertThat(offsets).isSorted();
		long expected = 0;
		int lastShard = 0;
		for (String line : Files.readAllLines(file)) {
			Matcher m = LINE.matcher(line);
			assertThat(m.matches()).as(line).isTrue();
			assertThat(Long.parseLong(m.group(1))).isEqualTo(expected++);
			int shard = Integer.parseInt(m.group(2));
			assertThat(shard).isBetween(lastShard, lastShard + 1);
			if (shard != lastShard) {
				assertThat(offsets.get(shard)).isEqualTo(expected - 1);
			}
			lastShard = shard;
		}
		assertThat(lastShard).isEqualTo(10);
		assertThat(expected).isEqualTo(r.result().java().summary().traceEvents());
	}

	@Test
	void theMergedSummaryIsTheSumOfTheShardsRunAlone() throws Exception {
		TargetRunner runner = Soaks.java("irp_accept.wskl");
		SoakSettings settings = new SoakSettings(RandomRun.of(2_600, 21), 2, 1_000);
		SimSummary merged = new SoakRunner(runner, settings).run(null, null).result().java().summary();
		int requests = 0;
		int accepted = 0;
		int irps = 0;
		long events = 0;
		long time = 0;
		for (int k = 0; k < settings.shards(); k++) {
			SimSummary s = runner.runRandom(settings.shard(k), null).java().summary();
			requests += s.requests();
			accepted += s.count(RequestOutcome.ACCEPTED);
			irps += s.irpsAllocated();
			events += s.traceEvents();
			time += s.endTime();
		}
		assertThat(merged.requests()).isEqualTo(requests).isEqualTo(2_600);
		assertThat(merged.count(RequestOutcome.ACCEPTED)).isEqualTo(accepted).isPositive();
		assertThat(merged.irpsAllocated()).isEqualTo(irps);
		assertThat(merged.traceEvents()).isEqualTo(events);
		assertThat(merged.endTime()).isEqualTo(time);
	}

	@Test
	void aSoakOfOneShardIsThePlainRandomRun() throws Exception {
		TargetRunner runner = Soaks.java("conditional_accept.wskl");
		RandomRun run = RandomRun.of(800, 9);
		Path file = temp.resolve("one.jsonl");
		SoakResult soak;
		try (SoakTraces traces = new SoakTraces(file, null)) {
			soak = new SoakRunner(runner, new SoakSettings(run, 2, 1_000)).run(traces, null);
			traces.commit();
		}
		ScenarioResult plain = runner.runRandom(run, null).java();
		assertThat(soak.shards()).isEqualTo(1);
		assertThat(soak.result().java().summary()).isEqualTo(plain.summary());
		assertThat(Files.readString(file).replace(",\"shard\":0}", "}")).isEqualTo(plain.jsonLines());
	}
}

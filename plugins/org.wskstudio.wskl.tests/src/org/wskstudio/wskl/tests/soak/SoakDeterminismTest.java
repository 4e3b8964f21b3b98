package org.wskstudio.wskl.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.soak.SoakResult;
import org.wskstudio.wskl.simulate.soak.SoakRunner;
import org.wskstudio.wskl.simulate.soak.SoakSettings;
import org.wskstudio.wskl.simulate.soak.SoakTraces;

/**
 * The same soak gives the same bytes: run twice with 2 jobs, the trace files are identical and so
 * are the summaries and reports; with 1 job too (the shards do not depend on the jobs); another
 * seed gives another trace.
 */
class SoakDeterminismTest {
	private static final int REQUESTS = 6_500;
	private static final int SHARD = 1_000;

	@TempDir
	Path temp;

	@Test
	void twoJobsTwiceGiveIdenticalTraceFilesAndSummaries() throws Exception {
		SoakResult a = soak(2, 11, "a.jsonl");
		SoakResult b = soak(2, 11, "b.jsonl");
		assertThat(a.shards()).isEqualTo(7);
		assertThat(a.jobs()).isEqualTo(2);
		assertThat(Files.size(temp.resolve("a.jsonl"))).isPositive();
		assertThat(Files.mismatch(temp.resolve("a.jsonl"), temp.resolve("b.jsonl"))).isEqualTo(-1L);
		assertThat(b.result().java().summary()).isEqualTo(a.result().java().summary());
		assertThat(b.result().java().report()).isEqualTo(a.result().java().report());
		assertThat(a.result().java().summary().requests()).isEqualTo(REQUESTS);
	}

	@Test
	void oneJobGivesTheSameBytesAsTwo() throws Exception {
		SoakResult two = soak(2, 12, "two.jsonl");
		SoakResult one = soak(1, 12, "one.jsonl");
		assertThat(one.jobs()).isEqualTo(1);
		assertThat(Files.mismatch(temp.resolve("one.jsonl"), temp.resolve("two.jsonl"))).isEqualTo(-1L);
		assertThat(one.result().java().summary()).isEqualTo(two.result().java().summary());
	}

	@Test
	void anotherSeedGivesAnotherTrace() throws Exception {
		soak(2, 13, "s13.jsonl");
		soak(2, 14, "s14.jsonl");
		assertThat(Files.mismatch(temp.resolve("s13.jsonl"), temp.resolve("s14.jsonl"))).isNotEqualTo(-1L);
	}

	private SoakResult soak(int jobs, long seed, String file) throws Exception {
		SoakSettings settings = new SoakSettings(RandomRun.of(REQUESTS, seed), jobs, SHARD);
		try (SoakTraces traces = new SoakTraces(temp.resolve(file), null)) {
			SoakResult r = new SoakRunner(Soaks.java("dual_stack.wskl"), settings).run(traces, null);
			traces.commit();
			assertThat(r.passed()).as(r.result().java().report()).isTrue();
			return r;
		}
	}
}

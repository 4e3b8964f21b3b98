package org.wskstudio.wskl.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.trace.JsonLinesWriter;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.testing.Examples;

/**
 * Seeded random soak of every example: 100,000 requests with client drops (5 %) and IRP and
 * pool allocation failures (0.1 % each), twice with the same seed. No rule may be violated,
 * every request must be decided and none refused for its address family (a random run sends each
 * listener requests from the ranges of its own families), and both runs must give the same
 * JSON-lines trace (compared by SHA-256, the traces being hundreds of megabytes).
 */
class RandomSoakTest {

	static final int REQUESTS = 100_000;

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void hundredThousandRandomRequestsKeepTheRulesAndRepeatByteForByte(Path model) {
		SimulationRunner runner = Simulations.runner(model);
		RandomRun settings = RandomRun.of(REQUESTS, 42);
		List<Long> progress = new ArrayList<>();
		ScenarioResult first = runner.runRandom(settings, (phase, done, total) -> {
			if (phase.equals("simulating")) {
				progress.add(done);
			}
		});
		assertThat(first.violations()).as(first.report()).isEmpty();
		assertThat(first.passed()).as(first.report()).isTrue();
		assertThat(first.summary().requests()).isEqualTo(REQUESTS);
		assertThat(first.summary().count(RequestOutcome.UNRESOLVED)).isZero();
		assertThat(progress).isNotEmpty().last().isEqualTo((long) REQUESTS);
		String hash = sha256(first);
		first = null;
		ScenarioResult second = runner.runRandom(settings, null);
		assertThat(sha256(second)).isEqualTo(hash);
		System.out.printf("%s: %,d random requests, %s%n", model.getFileName(), REQUESTS, second.summary().outcomes());
		// every request can reach its listener: none is refused for its address family
		assertThat(second.requests()).noneMatch(r -> r.outcome() == RequestOutcome.REFUSED
				&& String.valueOf(r.reason()).matches("IPv[46] request to IPv.*listener.*"));
	}

	@Test
	void anotherSeedGivesAnotherRun() {
		SimulationRunner runner = Simulations.runner(Examples.example("conditional_accept.wskl"));
		String a = sha256(runner.runRandom(RandomRun.of(2_000, 1), null));
		String b = sha256(runner.runRandom(RandomRun.of(2_000, 2), null));
		String a2 = sha256(runner.runRandom(RandomRun.of(2_000, 1), null));
		assertThat(a).isEqualTo(a2).isNotEqualTo(b);
	}

	static String sha256(ScenarioResult r) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			JsonLinesWriter.write(r.trace(), new Writer() {
				@Override
				public void write(char[] buffer, int offset, int length) {
					digest.update(new String(buffer, offset, length).getBytes(StandardCharsets.UTF_8));
				}

				@Override
				public void write(String s) {
					digest.update(s.getBytes(StandardCharsets.UTF_8));
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}
			});
			return HexFormat.of().formatHex(digest.digest()) + " (" + r.trace().total() + " events)";
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

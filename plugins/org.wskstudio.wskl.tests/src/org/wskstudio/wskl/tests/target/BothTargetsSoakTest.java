package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.tests.Examples;

/**
 * A seeded random soak of 20,000 requests per example (5 % client drops, 0.1 % allocation
 * failures) on both targets: no violation and no sanitizer finding on either, the same outcome for
 * every request, and equal traces, event for event.
 */
class BothTargetsSoakTest {
	static final int REQUESTS = 20_000;

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void twentyThousandRandomRequestsGetTheSameDecisionsOnBothTargets(Path model) {
		TargetResult r = Targets.both(model).runRandom(new RandomRun(REQUESTS, 9, 0.05, 0.001, 0.001), null);
		assertThat(r.java().summary().requests()).isEqualTo(REQUESTS);
		assertThat(r.c().violations()).as(r.c().report()).isEmpty();
		assertThat(r.java().violations()).isEmpty();
		assertThat(r.comparison().sameOutcomes()).as(r.comparison().report()).isTrue();
		assertThat(r.comparison().equal()).as(r.comparison().report()).isTrue();
		assertThat(r.comparison().cEvents()).isEqualTo(r.comparison().javaEvents()).isPositive();
		assertThat(r.c().summary().irpsFreed()).isEqualTo(r.c().summary().irpsAllocated());
		assertThat(r.c().summary().poolFreed()).isEqualTo(r.c().summary().poolAllocated());
	}
}

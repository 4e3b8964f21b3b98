package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.scenario.RandomScenarioGenerator;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

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

	/**
	 * The random soak's check answers every 100 ms, before any 500 ms timeout. Here it answers every
	 * 700 ms (half of them accept) and clients drop up to 600 ms after connecting, so that pends time
	 * out under load, others are answered or aborted (their timers cancelled), and the pending
	 * table's entries are reused with their timers set again: the two targets must still fire every
	 * timeout at the same virtual time and agree event for event.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "conditional_accept.wskl", "dual_stack.wskl" })
	void pendsThatTimeOutUnderLoadTimeOutAtTheSameMomentOnBothTargets(String name) {
		Path model = Examples.example(name);
		WskDriver driver = ModelLoading.codeModel(model);
		RandomScenarioGenerator g = new RandomScenarioGenerator().seed(11).requests(5_000)
				.meanInterArrival(VirtualTime.ms(1)).drops(0.05, VirtualTime.ms(600))
				.checkAnswers("Reputation", VirtualTime.ms(700), 0.5);
		for (WskListener l : driver.getListeners()) {
			// every range drawn alike (rules' and the outside), so that most pends wait for the check
			g.route(l.getName(), Stream.concat(SimulationRunner.ruleRanges(l).stream(), SimulationRunner.outsideRanges(l).stream())
					.toArray(String[]::new));
		}
		Scenario scenario = g.generate("TimeoutSoak").expectNoViolations();
		TargetResult r = Targets.both(model).run(scenario, null);
		assertThat(r.c().violations()).as(r.c().report()).isEmpty();
		assertThat(r.java().violations()).isEmpty();
		assertThat(r.comparison().equal()).as(r.comparison().report()).isTrue();
		assertThat(r.comparison().sameOutcomes()).isTrue();
		assertThat(count(r, RequestOutcome.TIMED_OUT)).as("timed out").isGreaterThan(100);
		assertThat(count(r, RequestOutcome.PENDED_THEN_ACCEPTED)).as("answered before the timeout").isPositive();
		assertThat(r.java().requests().stream().filter(RequestRecord::abortedWhilePended).count())
				.as("aborted while pended").isPositive();
		assertThat(r.c().summary().irpsFreed()).isEqualTo(r.c().summary().irpsAllocated());
		assertThat(r.c().summary().poolFreed()).isEqualTo(r.c().summary().poolAllocated());
	}

	private static long count(TargetResult r, RequestOutcome outcome) {
		return r.java().requests().stream().filter(q -> q.outcome() == outcome).count();
	}
}

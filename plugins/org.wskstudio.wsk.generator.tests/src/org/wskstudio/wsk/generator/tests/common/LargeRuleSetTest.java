package org.wskstudio.wsk.generator.tests.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.generator.common.RuleClassifier;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioAction;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Case;

/**
 * Rule sets at scale on the simulator: random runs draw remote addresses so that lookups that
 * match a rule and lookups that match none (the default decides) both keep their share at 10
 * rules and at 100,000; and a 100,000-rule model (beyond what code per rule fits in a class
 * file) runs on the Java twin and on the generated C with equal traces.
 */
class LargeRuleSetTest {

	private static final int REQUESTS = 2_000;

	/**
	 * How many of a random run's requests match one of the listener's inspect rules, and how many
	 * only its default (the first match of the compiled classifier, for the listener's address).
	 */
	private static int[] hitsAndMisses(Case c, Scenario s) {
		WskListener l = c.listener();
		RuleClassifier classifier = RuleClassifier.of(l);
		int defaultRule = l.getInspectRules().size();
		int[] counts = new int[2];
		for (ScenarioAction a : s.actions()) {
			if (a instanceof ScenarioAction.Connect connect) {
				SockAddr remote = connect.spec().remote().unmapV4();
				byte[] address = remote.address();
				int rule = classifier.lookup(address.length == 4 ? RuleClassifier.IPV4 : RuleClassifier.IPV6, address,
						remote.port(), RuleClassifier.IPV4, l.getLocalAddress(), l.getPort());
				counts[rule != defaultRule ? 0 : 1]++;
			}
		}
		return counts;
	}

	@Test
	void randomRunsMatchRulesAndMissThemAtTenRulesAndAtOneHundredThousand() {
		for (int blocks : new int[] { 8, 100_000 }) {
			Case c = ClassifierFixtures.blocklist(blocks);
			Scenario s = new SimulationRunner(c.driver()).randomScenario(new RandomRun(REQUESTS, 5, 0, 0, 0), null);
			int[] counts = hitsAndMisses(c, s);
			int rules = blocks + 2;
			assertThat(counts[0] + counts[1]).isEqualTo(REQUESTS);
			// half the draws come from the rules' ranges, half from the whole space: neither share vanishes
			assertThat(counts[0]).as(rules + " rules: lookups that match a rule").isBetween(REQUESTS * 35 / 100,
					REQUESTS * 65 / 100);
			assertThat(counts[1]).as(rules + " rules: lookups that match none").isBetween(REQUESTS * 35 / 100,
					REQUESTS * 65 / 100);
		}
	}

	@Test
	void oneHundredThousandRulesRunOnTheJavaTwinAndTheCWithEqualTraces() {
		Case c = ClassifierFixtures.blocklist(100_000);
		TargetRunner both = new TargetRunner(c.driver(), SimulationTarget.BOTH, new SimConfig(), null);
		TargetResult r = both.runRandom(new RandomRun(REQUESTS, 3, 0.05, 0, 0), null);
		assertThat(r.java().violations()).isEmpty();
		assertThat(r.c().violations()).as(r.c().report()).isEmpty();
		assertThat(r.comparison().equal()).as(r.comparison().report()).isTrue();
		assertThat(r.java().summary().requests()).isEqualTo(REQUESTS);
		// blocks alternate reject and accept; the default of conditional_accept decides the rest
		assertThat(r.java().summary().outcomes().get(RequestOutcome.ACCEPTED)).isPositive();
		assertThat(r.java().summary().outcomes().get(RequestOutcome.REJECTED)).isPositive();
	}
}

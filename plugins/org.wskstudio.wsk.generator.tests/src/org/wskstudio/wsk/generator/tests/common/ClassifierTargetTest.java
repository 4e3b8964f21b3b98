package org.wskstudio.wsk.generator.tests.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Case;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Raw;
import org.wskstudio.wsk.model.addressing.IpAddresses;

/**
 * The cases every generated rule evaluation runs, each against first match over the rule list
 * ({@link ClassifierFixtures}) for a million random requests: every example listener, a 1,000-rule
 * mixed table and a 100,000-rule blocklist. A target ({@link ClassifierHostCTest}: the C compiled
 * for the host; {@link ClassifierTwinTest}: the Java twin) gives only its lookup, so a case added
 * here runs on both.
 */
abstract class ClassifierTargetTest {

	static final int REQUESTS = 1_000_000;

	/** The target in a failure message, e.g. "the generated C". */
	abstract String target();

	/**
	 * The target's answer to each request (remote, local) of the case's listener, in order: the
	 * index of the rule it evaluates to in the listener's rule table, -1 for none.
	 */
	abstract int[] lookUp(Case c, List<Raw[]> requests) throws Exception;

	@Test
	void everyExampleListenerAgreesWithFirstMatch() throws Exception {
		for (Case c : ClassifierFixtures.exampleListeners()) {
			assertSameAsFirstMatch(c);
		}
	}

	@Test
	void blocklistOf100000RulesAgreesWithFirstMatch() throws Exception {
		assertSameAsFirstMatch(ClassifierFixtures.blocklist(100_000));
	}

	@Test
	void mixedRulesWithPortsLocalsAndBothFamiliesAgreeWithFirstMatch() throws Exception {
		assertSameAsFirstMatch(ClassifierFixtures.mixed());
	}

	private void assertSameAsFirstMatch(Case c) throws Exception {
		List<Raw[]> requests = ClassifierFixtures.requests(c, REQUESTS);
		int[] answers = lookUp(c, requests);
		assertThat(answers).as(c.name() + ": answers of " + target()).hasSize(REQUESTS);
		int[] hits = new int[c.listener().getInspectRules().size() + 2];
		for (int i = 0; i < REQUESTS; i++) {
			Raw[] q = requests.get(i);
			int expected = c.reference().firstMatch(q[0], q[1]);
			if (answers[i] != expected) {
				throw new AssertionError(c.name() + ": request " + i + " remote " + describe(q[0]) + " local "
						+ describe(q[1]) + ": first match is rule " + expected + ", " + target() + " says " + answers[i]);
			}
			hits[expected + 1]++;
		}
		// the draws reach several rules, not one only
		long reached = java.util.Arrays.stream(hits).filter(h -> h > 0).count();
		assertThat(reached).as(c.name() + ": rules reached").isGreaterThan(Math.min(c.listener().getInspectRules().size(), 2));
	}

	private static String describe(Raw e) {
		return e.address() == null ? "(unknown family):" + e.port() : IpAddresses.format(e.address()) + ":" + e.port();
	}
}

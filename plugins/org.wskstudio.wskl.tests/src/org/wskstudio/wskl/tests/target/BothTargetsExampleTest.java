package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.tests.Examples;

/**
 * Every scenario of every example on the C driver (built for the host with ASan and UBSan, in its
 * own process) and on its Java twin: the C keeps every rule with no sanitizer finding (LeakSanitizer
 * included, at exit) and meets the scenario's expectations, and the two traces are equal event for
 * event, or (only for a pend timeout) differ by the C's sweep tick with the same outcomes.
 */
class BothTargetsExampleTest {

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyScenarioRunsOnTheCAsOnItsJavaTwin(Path model) {
		var runner = Targets.both(model);
		var scenarios = Targets.scenarios(model);
		assertThat(scenarios).isNotEmpty();
		for (var s : scenarios) {
			TargetResult r = runner.run(s);
			assertThat(r.c().violations()).as("%s on C: %s", s.getName(), r.c().report()).isEmpty();
			assertThat(r.c().failedExpectations()).as("%s on C: %s", s.getName(), r.c().report()).isEmpty();
			assertThat(r.java().violations()).as("%s on Java", s.getName()).isEmpty();
			assertThat(r.comparison().sameOutcomes()).as("%s: %s", s.getName(), r.comparison().report()).isTrue();
			if (!r.comparison().equal()) {
				assertThat(Targets.isPendTimeoutTick(r.comparison().report()))
						.as("%s diverges: %s", s.getName(), r.comparison().report()).isTrue();
			}
		}
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "event_accept.wskl", "irp_accept.wskl", "dual_stack.wskl" })
	void examplesWhoseScenariosNeverTimeOutAgreeEventForEvent(String name) {
		Path model = Examples.example(name);
		for (var s : Targets.scenarios(model)) {
			TargetResult r = Targets.both(model).run(s);
			assertThat(r.comparison().equal()).as("%s: %s", s.getName(), r.comparison().report()).isTrue();
			assertThat(r.comparison().cEvents()).isEqualTo(r.comparison().javaEvents()).isPositive();
		}
	}

	@org.junit.jupiter.api.Test
	void aPendTimeoutFiresOnTheCSweepTickAndTheDivergenceNamesBothSides() {
		Path model = Examples.example("conditional_accept.wskl");
		var seedFlows = Targets.scenarios(model).get(0);
		TargetResult r = Targets.both(model).run(seedFlows);
		assertThat(r.comparison().equal()).isFalse();
		assertThat(r.comparison().sameOutcomes()).isTrue();
		assertThat(r.comparison().report())
				.contains("  > 503 ms IoReuseIrp")                    // Java twin: pend at 3 ms + 500 ms
				.contains("  > 600 ms IoReuseIrp")                    // C: the next 100 ms sweep tick
				.contains("Java twin, rule 3 of listener Public")
				.containsPattern("guard_driver\\.c:\\d+ \\(Guard_PendingIssueComplete\\)");
	}
}

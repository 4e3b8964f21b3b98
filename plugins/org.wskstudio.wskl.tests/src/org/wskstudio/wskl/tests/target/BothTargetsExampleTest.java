package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.testing.Examples;

/**
 * Every scenario of every example on the C driver (built for the host with ASan and UBSan, in its
 * own process) and on its Java twin: the C keeps every rule with no sanitizer finding (LeakSanitizer
 * included, at exit) and meets the scenario's expectations, and the two traces are equal event for
 * event, pend timeouts included (both fire them at pend + timeout: common.PendTimeout).
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
			assertThat(r.comparison().equal()).as("%s: %s", s.getName(), r.comparison().report()).isTrue();
			assertThat(r.comparison().cEvents()).isEqualTo(r.comparison().javaEvents()).isPositive();
		}
	}

	/**
	 * conditional_accept's SeedFlows pends 172.16.0.6 at 3 ms under "timeout 500 ms else reject" and
	 * no answer comes: both targets complete it with WskInspectComplete(reject) at 503 ms, the C from
	 * its entry's timer DPC as the Java twin (the C used to wait for its listener's next 100 ms sweep
	 * tick, 600 ms).
	 */
	@Test
	void aPendTimesOutAtPendPlusTimeoutOnBothTargets() {
		Path model = Examples.example("conditional_accept.wskl");
		var seedFlows = Targets.scenarios(model).get(0);
		TargetResult r = Targets.both(model).run(seedFlows);
		assertThat(r.comparison().equal()).as(r.comparison().report()).isTrue();
		for (var side : List.of(r.java(), r.c())) {
			var timedOut = side.requests().stream().filter(q -> q.outcome() == RequestOutcome.TIMED_OUT).toList();
			assertThat(timedOut).hasSize(1);
			assertThat(timedOut.get(0).completedByTimer()).isTrue();
			assertThat(timedOut.get(0).decidedAt()).as("virtual time, microseconds").isEqualTo(503_000);
		}
	}
}

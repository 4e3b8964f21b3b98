package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;
import org.wskstudio.wskl.tests.Examples;

/**
 * Every allocation point failing in turn, on both targets: for each example's first scenario,
 * the Nth IoAllocateIrp (then ExAllocatePoolWithTag) returns NULL for every N up to the clean
 * run's count; the C keeps every rule with no sanitizer finding and decides every request as
 * its Java twin does.
 */
class BothTargetsAllocationFailureTest {

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyAllocationPointFailingKeepsTheRulesOnTheC(Path model) {
		var runner = Targets.both(model);
		var first = Targets.scenarios(model).get(0);
		TargetResult clean = runner.run(first);
		int irps = clean.c().summary().irpsAllocated();
		int pool = clean.c().summary().poolAllocated();
		assertThat(irps).isPositive();
		List<String> failures = new ArrayList<>();
		for (int kind = 0; kind < 2; kind++) {
			for (int n = 1; n <= (kind == 0 ? irps : pool); n++) {
				Scenario s = new ScenarioTranslator(new SimConfig()).translate(first);
				if (kind == 0) {
					s.failIrpAllocation(n);
				} else {
					s.failPoolAllocation(n);
				}
				TargetResult r = runner.run(s, null);
				String what = (kind == 0 ? "IoAllocateIrp #" : "ExAllocatePoolWithTag #") + n;
				if (!r.c().violations().isEmpty()) {
					failures.add(what + ": " + r.c().violations());
				}
				if (!r.comparison().sameOutcomes()) {
					failures.add(what + ": " + r.comparison().report());
				}
			}
		}
		assertThat(failures).isEmpty();
	}
}

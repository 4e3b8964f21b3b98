package org.wskstudio.wskl.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioAction;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;
import org.wskstudio.wskl.tests.Examples;
import org.wskstudio.wskl.wsks.AllocationFailure;

/**
 * Every allocation point fails once: for each example's first scenario, the run is repeated
 * with the Nth IoAllocateIrp (then the Nth ExAllocatePoolWithTag) returning NULL, for every N
 * up to the number of allocations of the clean run. The driver must keep every rule (outcomes
 * may change: requests are then refused, reset or rejected). The examples' .wsks files also
 * carry these runs as scenarios with "fail irp allocation N" / "fail pool allocation N", which
 * ExampleScenariosTest runs; here they are checked to cover every N.
 */
class AllocationFailureTest {

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyAllocationPointFailingKeepsTheRules(Path model) {
		SimulationRunner runner = Simulations.runner(model);
		org.wskstudio.wskl.wsks.Scenario first = Simulations.scenarios(model).scenarios().get(0);
		ScenarioResult clean = runner.run(first);
		assertThat(clean.violations()).isEmpty();
		int irps = clean.summary().irpsAllocated();
		int pool = clean.summary().poolAllocated();
		assertThat(irps).isPositive();
		List<String> failures = new ArrayList<>();
		failures.addAll(runAll(runner, first, irps, n -> s -> s.failIrpAllocation(n), "IoAllocateIrp"));
		failures.addAll(runAll(runner, first, pool, n -> s -> s.failPoolAllocation(n), "ExAllocatePoolWithTag"));
		assertThat(failures).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("models")
	void theExampleScenarioFileFailsEveryAllocationOfItsFirstScenario(Path model) {
		SimulationRunner runner = Simulations.runner(model);
		var scenarios = Simulations.scenarios(model).scenarios();
		ScenarioResult clean = runner.run(scenarios.get(0));
		List<String> irp = new ArrayList<>();
		List<String> pool = new ArrayList<>();
		for (var s : scenarios) {
			for (var step : s.getSteps()) {
				if (step instanceof AllocationFailure f) {
					(f.getKind() == org.wskstudio.wskl.wsks.AllocationKind.IRP ? irp : pool).add(String.valueOf(f.getNth()));
				}
			}
		}
		List<String> expectedIrp = new ArrayList<>();
		for (int n = 1; n <= clean.summary().irpsAllocated(); n++) {
			expectedIrp.add(String.valueOf(n));
		}
		List<String> expectedPool = new ArrayList<>();
		for (int n = 1; n <= clean.summary().poolAllocated(); n++) {
			expectedPool.add(String.valueOf(n));
		}
		assertThat(irp).as("fail irp allocation N in %s", model.getFileName()).containsAll(expectedIrp);
		assertThat(pool).as("fail pool allocation N in %s", model.getFileName()).containsAll(expectedPool);
	}

	private static List<String> runAll(SimulationRunner runner, org.wskstudio.wskl.wsks.Scenario base, int count,
			Function<Integer, java.util.function.Consumer<Scenario>> fault, String what) {
		List<String> failures = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			Scenario s = new ScenarioTranslator().translate(base);
			Scenario faulty = new Scenario(s.name() + " with " + what + " #" + n + " failing");
			s.seed().ifPresent(faulty::seed);
			for (ScenarioAction a : s.actions()) {
				copy(a, faulty);
			}
			fault.apply(n).accept(faulty);
			faulty.expectNoViolations();
			ScenarioResult r = runner.run(faulty);
			if (!r.violations().isEmpty()) {
				failures.add(r.report());
			}
		}
		return failures;
	}

	private static void copy(ScenarioAction a, Scenario target) {
		if (a instanceof ScenarioAction.Connect c) {
			target.connect(c.spec());
		} else if (a instanceof ScenarioAction.CheckAnswer c) {
			target.deferredCheckAnswer(c.check(), c.accept(), c.subject(), c.at());
		} else if (a instanceof ScenarioAction.FailListener f) {
			target.failListener(f.listener(), f.at());
		} else if (a instanceof ScenarioAction.FailIrpAllocation f) {
			target.failIrpAllocation(f.nth());
		} else if (a instanceof ScenarioAction.FailPoolAllocation f) {
			target.failPoolAllocation(f.nth());
		}
	}
}

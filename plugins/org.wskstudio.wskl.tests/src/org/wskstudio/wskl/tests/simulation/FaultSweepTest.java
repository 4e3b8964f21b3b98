package org.wskstudio.wskl.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.sim.scenario.FaultSweep;
import org.wskstudio.wsk.sim.scenario.FaultSweep.Kind;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.wsks.AllocationSweep;

/**
 * Fault sweeps ({@code fail each irp|pool allocation}): every example's first scenario sweeps
 * both kinds; its runs are the unfailed one, then one per allocation point of the unfailed run
 * (counted here from its trace, independently of the sweep's own count), each failing that
 * point (seen in its trace as the injected NULL), all keeping every rule.
 */
class FaultSweepTest {

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void theSweepReachesEveryAllocationPointOneByOneWithoutViolations(Path model) {
		SimulationRunner runner = Simulations.runner(model);
		org.wskstudio.wskl.wsks.Scenario first = Simulations.scenarios(model).scenarios().get(0);
		assertThat(first.getSteps()).filteredOn(AllocationSweep.class::isInstance).as("%s sweeps", first.getName())
				.hasSize(2);

		FaultSweep.Result sweep = runner.sweep(first);

		ScenarioResult unfailed = sweep.unfailed().result();
		assertThat(sweep.unfailed().unfailed()).isTrue();
		assertThat(unfailed.passed()).as(unfailed.report()).isTrue();
		int irps = calls(unfailed, "IoAllocateIrp");
		int pool = calls(unfailed, "ExAllocatePoolWithTag");
		assertThat(irps).isPositive();
		assertThat(sweep.irpPoints()).isEqualTo(irps);
		assertThat(sweep.poolPoints()).isEqualTo(pool);
		assertThat(sweep.runs()).hasSize(1 + irps + pool);

		List<FaultSweep.Point> expected = new ArrayList<>();
		for (int n = 1; n <= irps; n++) {
			expected.add(new FaultSweep.Point(Kind.IRP, n));
		}
		for (int n = 1; n <= pool; n++) {
			expected.add(new FaultSweep.Point(Kind.POOL, n));
		}
		List<FaultSweep.Run> failed = sweep.runs().subList(1, sweep.runs().size());
		assertThat(failed).extracting(FaultSweep.Run::point).containsExactlyElementsOf(expected);
		for (FaultSweep.Run run : failed) {
			ScenarioResult r = run.result();
			assertThat(r.violations()).as("%s: %s", run.label(), r.report()).isEmpty();
			assertThat(r.passed()).as("%s: %s", run.label(), r.report()).isTrue();
			assertThat(injected(r, run.point())).as("%s injects its NULL", run.label()).isTrue();
		}
		assertThat(sweep.passed()).isTrue();
		assertThat(sweep.report()).contains("unfailed: PASSED").contains("fail irp allocation " + irps + ": PASSED");
	}

	@Test
	void outcomeExpectationsHoldForTheUnfailedRunOnlyAndTheFailedRunsChangeOutcomes() {
		Path model = Examples.example("dual_stack.wskl");
		FaultSweep.Result sweep = Simulations.runner(model).sweep(Simulations.scenarios(model).scenarios().get(0));
		var unfailedOutcomes = sweep.unfailed().result().summary().outcomes();
		assertThat(sweep.runs()).filteredOn(run -> !run.unfailed())
				.anySatisfy(run -> assertThat(run.result().summary().outcomes()).isNotEqualTo(unfailedOutcomes))
				.allSatisfy(run -> assertThat(run.result().failedExpectations()).isEmpty());
	}

	@Test
	void aScenarioWithoutASweepHasOneRun() {
		Path model = Examples.example("conditional_accept.wskl");
		var scenarios = Simulations.scenarios(model).scenarios();
		org.wskstudio.wskl.wsks.Scenario plain = scenarios.stream()
				.filter(s -> s.getSteps().stream().noneMatch(AllocationSweep.class::isInstance)).findFirst()
				.orElseThrow();
		assertThat(Simulations.runner(model).sweep(plain).runs()).singleElement()
				.satisfies(run -> assertThat(run.unfailed()).isTrue());
	}

	private static int calls(ScenarioResult r, String routine) {
		return (int) r.trace().events().stream().filter(e -> e.kind().equals(routine)).count();
	}

	/** The trace's nth call of the point's routine returned the injected NULL. */
	private static boolean injected(ScenarioResult r, FaultSweep.Point point) {
		List<TraceEvent> calls = r.trace().events().stream().filter(e -> e.kind().equals(point.kind().routine()))
				.toList();
		return calls.size() >= point.nth() && calls.get(point.nth() - 1).result()
				.equals("NULL (fault injected: allocation #" + point.nth() + ")");
	}
}

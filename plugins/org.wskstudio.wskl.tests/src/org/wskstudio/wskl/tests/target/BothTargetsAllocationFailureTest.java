package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.sim.scenario.FaultSweep;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetSweep;
import org.wskstudio.wskl.testing.Examples;

/**
 * Fault sweeps on both targets: each example's first scenario asks for {@code fail each irp
 * allocation} and {@code fail each pool allocation}; {@code TargetRunner.sweep} runs it unfailed,
 * then once per allocation point the unfailed run reached, each point on the C driver and on its
 * Java twin, compared back to back. In every run the fault is really injected on both, the C keeps
 * every rule (counters included) with no sanitizer finding, and decides every request as its twin.
 */
class BothTargetsAllocationFailureTest {

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyAllocationPointFailingKeepsTheRulesOnTheC(Path model) {
		var first = Targets.scenarios(model).get(0);
		TargetSweep sweep = Targets.both(model).sweep(first);
		TargetResult unfailed = sweep.unfailed().result();
		assertThat(sweep.irpPoints()).isPositive().isEqualTo(unfailed.c().summary().irpsAllocated());
		assertThat(sweep.poolPoints()).isPositive().isEqualTo(unfailed.c().summary().poolAllocated());
		assertThat(sweep.failedAllocationRuns()).hasSize(sweep.irpPoints() + sweep.poolPoints());
		List<String> failures = new ArrayList<>();
		for (TargetSweep.Run run : sweep.failedAllocationRuns()) {
			TargetResult r = run.result();
			String what = run.label();
			if (!injected(r.java(), run.point()) || !injected(r.c(), run.point())) {
				failures.add(what + ": the fault was not injected on both targets");
			}
			if (!r.c().violations().isEmpty() || !r.c().passed()) {
				failures.add(what + ": " + r.c().report());
			}
			if (!r.comparison().sameOutcomes()) {
				failures.add(what + ": " + r.comparison().report());
			} else if (!r.comparison().equal()) {
				failures.add(what + " diverges: " + r.comparison().report());
			}
		}
		assertThat(failures).isEmpty();
	}

	/** The trace's nth call of the point's routine returned the injected NULL. */
	private static boolean injected(ScenarioResult r, FaultSweep.Point point) {
		List<TraceEvent> calls = r.trace().events().stream().filter(e -> e.kind().equals(point.kind().routine()))
				.toList();
		return calls.size() >= point.nth() && calls.get(point.nth() - 1).result()
				.equals("NULL (fault injected: allocation #" + point.nth() + ")");
	}
}

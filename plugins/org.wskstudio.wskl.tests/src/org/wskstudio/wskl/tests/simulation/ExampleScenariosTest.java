package org.wskstudio.wskl.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wskl.simulate.ScenarioFiles;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.wsks.Scenario;

/**
 * Every scenario of every example (examples/x.wsks next to examples/x.wskl) passes with the
 * generated Java driver: no rule violation and every expectation met. This also checks the
 * examples' expectations against the simulator.
 */
class ExampleScenariosTest {

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyScenarioOfTheExamplePasses(Path model) {
		ScenarioFiles.Loaded loaded = Simulations.scenarios(model);
		assertThat(loaded.problems()).isEmpty();
		assertThat(loaded.scenarios()).isNotEmpty();
		SimulationRunner runner = Simulations.runner(model);
		for (Scenario s : loaded.scenarios()) {
			ScenarioResult r = runner.run(s);
			assertThat(r.violations()).as("%s: %s", s.getName(), r.report()).isEmpty();
			assertThat(r.failedExpectations()).as("%s: %s", s.getName(), r.report()).isEmpty();
			assertThat(r.summary().requests()).as(s.getName()).isPositive();
		}
	}
}

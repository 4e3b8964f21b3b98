package org.wskstudio.wskl.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wskl.simulate.ScenarioFiles;
import org.wskstudio.wskl.testing.Examples;

/** A scenario whose expectations are wrong (examples/invalid/failing.wsks) fails with readable messages. */
class FailingScenarioTest {

	@Test
	void wrongExpectationsAreListedReadably() {
		Path model = Examples.example("dual_stack.wskl");
		ScenarioFiles.Loaded loaded = Simulations.scenarios(model, Examples.example("invalid/failing.wsks"));
		assertThat(loaded.problems()).isEmpty();
		ScenarioResult r = Simulations.runner(model).run(loaded.scenarios().get(0));
		assertThat(r.passed()).isFalse();
		assertThat(r.violations()).isEmpty();
		assertThat(r.failedExpectations()).containsExactly(
				"request #0 (10.9.9.9:1000) expected accepted, but was rejected (WskInspectEvent returned WskInspectReject)",
				"request #1 ([2001:db8::5]:1002) expected pended_then_accepted, but was timed_out "
						+ "(WskInspectComplete(WskInspectReject) from a timer DPC)",
				"expected 3 accepted request(s), but got 1",
				"expected at least 1 violation(s) of IRP_LEAK, but got 0");
		assertThat(r.report()).startsWith("scenario WrongExpectations: FAILED\n  - request #0");
	}
}

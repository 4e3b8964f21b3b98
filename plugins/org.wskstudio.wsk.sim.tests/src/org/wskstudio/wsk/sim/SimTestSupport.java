package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wsk.sim.verify.Violation;

/** Helpers shared by the simulator tests. */
public final class SimTestSupport {
	private SimTestSupport() {
	}

	public static ScenarioResult run(Scenario s, SimDriver d) {
		return ScenarioRunner.run(s, d, new SimConfig());
	}

	public static ScenarioResult run(Scenario s, SimDriver d, SimConfig c) {
		return ScenarioRunner.run(s, d, c);
	}

	public static List<Violation> violations(ScenarioResult r, String ruleId) {
		return r.violations().stream().filter(v -> v.ruleId().equals(ruleId)).toList();
	}

	/** Exactly the one violation of ruleId is found (other rules may appear too); returns it. */
	public static Violation single(ScenarioResult r, String ruleId) {
		List<Violation> v = violations(r, ruleId);
		assertThat(v).as("violations of %s in%n%s", ruleId, r.report()).hasSize(1);
		return v.get(0);
	}

	/** The run has no violation at all. */
	public static void clean(ScenarioResult r) {
		assertThat(r.violations()).as("violations in%n%s", r.report()).isEmpty();
	}

	public static SockAddr addr(String s) {
		return SockAddr.parse(s);
	}
}

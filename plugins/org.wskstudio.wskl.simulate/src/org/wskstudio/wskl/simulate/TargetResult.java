package org.wskstudio.wskl.simulate;

import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wskl.simulate.compare.Comparison;

/**
 * One scenario on the chosen target(s): the Java twin's result, the C driver's (each null when
 * that target did not run) and, for both, their comparison.
 */
public record TargetResult(SimulationTarget target, ScenarioResult java, ScenarioResult c, Comparison comparison) {

	/** Every run passed (expectations, no violations) and, for both, the two agree. */
	public boolean passed() {
		return (java == null || java.passed()) && (c == null || c.passed()) && (comparison == null || comparison.equal());
	}

	/** The result to report first: the Java twin's when it ran, else the C's. */
	public ScenarioResult primary() {
		return java != null ? java : c;
	}
}

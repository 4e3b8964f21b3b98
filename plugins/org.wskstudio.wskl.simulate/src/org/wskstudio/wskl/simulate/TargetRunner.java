package org.wskstudio.wskl.simulate;

import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.scenario.FaultSweep;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wskl.simulate.compare.Comparison;
import org.wskstudio.wskl.simulate.compare.TraceComparison;
import org.wskstudio.wskl.simulate.host.CSources;
import org.wskstudio.wskl.simulate.host.CTarget;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;

/**
 * Runs scenarios on a {@link SimulationTarget}: the Java twin, the C driver, or both back to back
 * (same scenario, same configuration, traces compared by {@link TraceComparison}). The entry point
 * for the command line and the IDE: build once per model, then run scenarios or a random load.
 */
public final class TargetRunner {
	private final SimulationTarget target;
	private final SimConfig config;
	private final SimulationRunner java;
	private final CTarget c;

	/**
	 * @param cSources the C to run (a directory with hand-edited files), or null for the generated C
	 * @throws org.wskstudio.wskl.simulate.host.HostBuildException when the C target cannot be built (no gcc, compile error)
	 */
	public TargetRunner(WskDriver model, SimulationTarget target, SimConfig config, CSources cSources) {
		this.target = target;
		this.config = config;
		this.java = new SimulationRunner(model, config);
		this.c = target.runsC() ? new CTarget(model, cSources != null ? cSources : CTarget.generatedSources(model)) : null;
	}

	public SimulationTarget target() {
		return target;
	}

	/** The Java side (its generated files, random scenarios). */
	public SimulationRunner javaRunner() {
		return java;
	}

	/** The C side, or null for the Java target. */
	public CTarget cTarget() {
		return c;
	}

	/**
	 * The fault sweep of a scenario that asks for one ({@code fail each irp|pool allocation}), run on
	 * the Java twin; null when the scenario sweeps nothing. (The C target runs the unfailed scenario;
	 * its allocation failures are covered by the tests that fail each point on both targets.)
	 */
	public FaultSweep.Result sweep(org.wskstudio.wskl.wsks.Scenario scenario) {
		Scenario translated = new ScenarioTranslator(config).translate(scenario);
		return translated.sweeps().isEmpty() ? null : java.sweep(translated);
	}

	public TargetResult run(org.wskstudio.wskl.wsks.Scenario scenario) {
		return run(new ScenarioTranslator(config).translate(scenario), null);
	}

	/** A seeded random run on the target(s); expects no violations. */
	public TargetResult runRandom(RandomRun settings, SimulationRunner.Progress progress) {
		Scenario s = java.randomScenario(settings, progress);
		s.expectNoViolations();
		ProgressListener listener = progress == null ? null : (done, total) -> progress.progress("simulating", done, total);
		return run(s, listener);
	}

	/**
	 * As {@link #runRandom(RandomRun, SimulationRunner.Progress)}, keeping at most traceLimit trace
	 * events of each target in memory (and no more than the configuration's limit) (the rest are counted; violations are always kept): a soak's
	 * shards whose traces go nowhere keep a window for the report.
	 */
	public TargetResult runRandom(RandomRun settings, SimulationRunner.Progress progress, int traceLimit) {
		Scenario s = java.randomScenario(settings, progress);
		s.expectNoViolations();
		ProgressListener listener = progress == null ? null : (done, total) -> progress.progress("simulating", done, total);
		return run(s, listener, config.copy().traceLimit(Math.min(traceLimit, config.traceLimit())));
	}

	public TargetResult run(Scenario scenario, ProgressListener progress) {
		return run(scenario, progress, config);
	}

	private TargetResult run(Scenario scenario, ProgressListener progress, SimConfig config) {
		ScenarioResult j = target.runsJava() ? ScenarioRunner.run(scenario, java.newDriver(), config, progress) : null;
		CTarget.CRun run = c != null ? c.run(scenario, config, target == SimulationTarget.BOTH ? null : progress) : null;
		Comparison comparison = j != null && run != null ? TraceComparison.compare(j, run.result(), run.sourceLines()) : null;
		return new TargetResult(target, j, run == null ? null : run.result(), comparison);
	}
}

package org.wskstudio.wskl.simulate;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.fault.FaultPlan;
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
	 * The scenario on the target(s), as a fault sweep when it asks for one ({@code fail each
	 * irp|pool allocation}): the unfailed run, then one run per allocation point it reached, each
	 * on every target (for both, compared back to back). A scenario that sweeps nothing gives its
	 * one run.
	 */
	public TargetSweep sweep(org.wskstudio.wskl.wsks.Scenario scenario) {
		return sweep(new ScenarioTranslator(config).translate(scenario), null);
	}

	/** As {@link #sweep(org.wskstudio.wskl.wsks.Scenario)}, for a translated scenario; progress of the unfailed run. */
	public TargetSweep sweep(Scenario scenario, ProgressListener progress) {
		List<TargetSweep.Run> runs = new ArrayList<>();
		Counted unfailed = run(scenario, progress, new FaultPlan(), false, config);
		runs.add(new TargetSweep.Run(null, unfailed.result()));
		for (FaultSweep.Point point : FaultSweep.points(scenario, unfailed.irpCalls(), unfailed.poolCalls())) {
			runs.add(new TargetSweep.Run(point, run(scenario, null, point.faults(), true, config).result()));
		}
		return new TargetSweep(scenario.name(), runs, unfailed.irpCalls(), unfailed.poolCalls());
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
	 * events of each target in memory (and no more than the configuration's limit; the rest are
	 * counted, violations always kept): a soak's
	 * shards whose traces go nowhere keep a window for the report.
	 */
	public TargetResult runRandom(RandomRun settings, SimulationRunner.Progress progress, int traceLimit) {
		Scenario s = java.randomScenario(settings, progress);
		s.expectNoViolations();
		ProgressListener listener = progress == null ? null : (done, total) -> progress.progress("simulating", done, total);
		return run(s, listener, new FaultPlan(), false, config.copy().traceLimit(Math.min(traceLimit, config.traceLimit())))
				.result();
	}

	public TargetResult run(Scenario scenario, ProgressListener progress) {
		return run(scenario, progress, new FaultPlan(), false, config).result();
	}

	/** A run on the target(s) and the allocation calls made (for both, the larger count of the two). */
	private record Counted(TargetResult result, int irpCalls, int poolCalls) {
	}

	private Counted run(Scenario scenario, ProgressListener progress, FaultPlan extra, boolean underFaults,
			SimConfig config) {
		ScenarioResult j = null;
		int irpCalls = 0, poolCalls = 0;
		if (target.runsJava()) {
			WskSimulator sim = ScenarioRunner.prepare(scenario, config, extra);
			if (progress != null) {
				sim.setProgressListener(progress);
			}
			j = ScenarioRunner.finish(scenario, sim, java.newDriver(), underFaults);
			irpCalls = sim.irpAllocationCalls();
			poolCalls = sim.poolAllocationCalls();
		}
		CTarget.CRun run = null;
		if (c != null) {
			run = c.run(scenario, config, target == SimulationTarget.BOTH ? null : progress, extra, underFaults);
			irpCalls = Math.max(irpCalls, run.irpAllocationCalls());
			poolCalls = Math.max(poolCalls, run.poolAllocationCalls());
		}
		Comparison comparison = j != null && run != null ? TraceComparison.compare(j, run.result(), run.sourceLines()) : null;
		return new Counted(new TargetResult(target, j, run == null ? null : run.result(), comparison), irpCalls, poolCalls);
	}
}

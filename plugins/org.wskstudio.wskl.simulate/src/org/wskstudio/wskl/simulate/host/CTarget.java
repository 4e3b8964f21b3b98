package org.wskstudio.wskl.simulate.host;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ListenerCounter;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.fault.FaultPlan;
import org.wskstudio.wsk.sim.net.ListenerCounters;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;

/**
 * Runs scenarios on the C driver: its files built once for the host ({@link HostCompiler}), a new
 * process per run ({@link CDriver}), on the same simulator, configuration and expectations as the
 * Java twin ({@link ScenarioRunner#prepare}), also with a fault sweep's extra allocation failure.
 * A failure of the C (sanitizer, crash, hang, protocol) ends the run with one violation;
 * LeakSanitizer runs when the process exits.
 */
public final class CTarget {
	private final WskDriver model;
	private final CSources sources;
	private final HostExecutable executable;
	private final long callTimeoutMs;

	public CTarget(WskDriver model, CSources sources) {
		this(model, sources, CDriver.DEFAULT_CALL_TIMEOUT_MS);
	}

	public CTarget(WskDriver model, CSources sources, long callTimeoutMs) {
		this.model = model;
		this.sources = sources;
		this.executable = HostCompiler.build(sources, model.getPrefix());
		this.callTimeoutMs = callTimeoutMs;
	}

	/** The C generator's files for the model, with check hooks that ask the simulator. */
	public static CSources generatedSources(WskDriver model) {
		return CSources.generated(new CGenerator().generate(model));
	}

	public CSources sources() {
		return sources;
	}

	public HostExecutable executable() {
		return executable;
	}

	/**
	 * One run of the C: the scenario's result, the C source line behind each of its trace events,
	 * the allocation calls it made (the points a fault sweep fails) and the listener counters the C
	 * reported when the simulator last read them (rule COUNTER_MISMATCH; empty if it never did).
	 */
	public record CRun(ScenarioResult result, Function<TraceEvent, String> sourceLines, int irpAllocationCalls,
			int poolAllocationCalls, List<ListenerCounters> counters) {
	}

	public ScenarioResult run(Scenario scenario, SimConfig config) {
		return run(scenario, config, null).result();
	}

	public CRun run(Scenario scenario, SimConfig config, ProgressListener progress) {
		return run(scenario, config, progress, new FaultPlan(), false);
	}

	/**
	 * One run with the extra faults' allocation failures too (a fault sweep's point); underFaults
	 * checks only the expectations that hold in every run of a sweep.
	 */
	public CRun run(Scenario scenario, SimConfig config, ProgressListener progress, FaultPlan extra,
			boolean underFaults) {
		WskSimulator sim = ScenarioRunner.prepare(scenario, config, extra);
		if (progress != null) {
			sim.setProgressListener(progress);
		}
		List<String> listeners = new ArrayList<>();
		for (WskListener l : model.getListeners()) {
			listeners.add(l.getName());
		}
		CDriver driver = new CDriver(executable, "driver " + model.getName(), model.getPrefix(), listeners,
				ListenerCounter.kept(new DriverFacts(model)), callTimeoutMs);
		driver.attach(sim);
		int st = 0;
		try {
			// WskSimulator.runDriver, except that the run ends when only periodic ticks are left
			st = sim.load(driver);
			sim.host().scheduler.runUntil(driver::onlyTicksLeft, config.endTime());
			sim.unload();
			sim.finish();
			driver.exit();
		} catch (HostFailure f) {
			sim.host().verifier.setLocator(null);
			String where = f.location();
			sim.host().verifier.report(f.rule(), "driver " + model.getName(), null,
					where == null || f.getMessage().contains(where) ? f.getMessage() : f.getMessage() + " [" + where + "]");
		} catch (HostBuildException e) {
			sim.host().verifier.setLocator(null);
			sim.host().verifier.report(Rule.C_CRASH, "driver " + model.getName(), null, e.getMessage());
		} finally {
			driver.close();
		}
		var violations = sim.violations();
		List<String> failed = new ArrayList<>(ScenarioRunner.failedExpectations(scenario, sim, underFaults));
		if (violations.stream().anyMatch(v -> v.rule().group() == Rule.Group.HOST) && failed.isEmpty()) {
			failed.add("the C driver failed: " + violations.stream().filter(v -> v.rule().group() == Rule.Group.HOST)
					.findFirst().orElseThrow().message());
		}
		return new CRun(new ScenarioResult(scenario.name(), st, sim.summary(), sim.requests(), violations, sim.trace(),
				List.copyOf(failed)), driver::sourceLine, sim.irpAllocationCalls(), sim.poolAllocationCalls(),
				driver.lastCounters());
	}
}

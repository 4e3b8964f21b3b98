package org.wskstudio.wskl.simulate.host;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.scenario.Expectation;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;

/**
 * Runs scenarios on the C driver: its files built once for the host ({@link HostCompiler}), a new
 * process per run ({@link CDriver}), on the same simulator, configuration and expectations as the
 * Java twin ({@link ScenarioRunner#prepare}). A failure of the C (sanitizer, crash, hang,
 * protocol) ends the run with one violation; LeakSanitizer runs when the process exits.
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
		this.executable = HostCompiler.build(sources);
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

	/** One run of the C: the scenario's result, and the C source line behind each of its trace events. */
	public record CRun(ScenarioResult result, Function<TraceEvent, String> sourceLines) {
	}

	public ScenarioResult run(Scenario scenario, SimConfig config) {
		return run(scenario, config, null).result();
	}

	public CRun run(Scenario scenario, SimConfig config, ProgressListener progress) {
		WskSimulator sim = ScenarioRunner.prepare(scenario, config);
		if (progress != null) {
			sim.setProgressListener(progress);
		}
		List<String> listeners = new ArrayList<>();
		for (WskListener l : model.getListeners()) {
			listeners.add(l.getName());
		}
		CDriver driver = new CDriver(executable, "driver " + model.getName(), model.getPrefix(), listeners,
				callTimeoutMs);
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
			sim.host().verifier.report(f.rule(), "driver " + model.getName(), null, f.getMessage());
		} catch (HostBuildException e) {
			sim.host().verifier.setLocator(null);
			sim.host().verifier.report(Rule.C_CRASH, "driver " + model.getName(), null, e.getMessage());
		} finally {
			driver.close();
		}
		var requests = sim.requests();
		var violations = sim.violations();
		var summary = sim.summary();
		List<String> failed = new ArrayList<>();
		for (Expectation e : scenario.expectations()) {
			String f = e.check(requests, violations, summary);
			if (f != null) {
				failed.add(f);
			}
		}
		if (violations.stream().anyMatch(v -> v.rule().group() == Rule.Group.HOST) && failed.isEmpty()) {
			failed.add("the C driver failed: " + violations.stream().filter(v -> v.rule().group() == Rule.Group.HOST)
					.findFirst().orElseThrow().message());
		}
		return new CRun(new ScenarioResult(scenario.name(), st, summary, requests, violations, sim.trace(),
				List.copyOf(failed)), driver::sourceLine);
	}
}

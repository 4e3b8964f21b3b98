package org.wskstudio.wsk.sim.scenario;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.fault.FaultPlan;

/** Runs a scenario against a driver and checks its expectations. */
public final class ScenarioRunner {
	private ScenarioRunner() {
	}

	public static ScenarioResult run(Scenario scenario, SimDriver driver) {
		return run(scenario, driver, new SimConfig(), null);
	}

	public static ScenarioResult run(Scenario scenario, SimDriver driver, SimConfig base) {
		return run(scenario, driver, base, null);
	}

	/** Runs with a copy of base adjusted by the scenario's seed and faults. */
	public static ScenarioResult run(Scenario scenario, SimDriver driver, SimConfig base, ProgressListener progress) {
		WskSimulator sim = prepare(scenario, base);
		if (progress != null) {
			sim.setProgressListener(progress);
		}
		return finish(scenario, sim, driver, false);
	}

	/**
	 * Runs the prepared simulator and checks the scenario's expectations: all of them, or with
	 * underFaults only those that hold in every run of a fault sweep.
	 */
	public static ScenarioResult finish(Scenario scenario, WskSimulator sim, SimDriver driver, boolean underFaults) {
		int st = sim.runDriver(driver);
		return new ScenarioResult(scenario.name(), st, sim.summary(), sim.requests(), sim.violations(), sim.trace(),
				failedExpectations(scenario, sim, underFaults));
	}

	/**
	 * The scenario's expectations that the finished simulator's run does not meet: all of them, or
	 * with underFaults only those that hold in every run of a fault sweep.
	 */
	public static List<String> failedExpectations(Scenario scenario, WskSimulator sim, boolean underFaults) {
		var requests = sim.requests();
		var violations = sim.violations();
		var summary = sim.summary();
		List<String> failed = new ArrayList<>();
		for (Expectation e : scenario.expectations()) {
			String f = underFaults && !e.holdsUnderFaults() ? null : e.check(requests, violations, summary);
			if (f != null) {
				failed.add(f);
			}
		}
		return List.copyOf(failed);
	}

	/** A simulator with the scenario's actions scheduled, not yet run (to drive it step by step). */
	public static WskSimulator prepare(Scenario scenario, SimConfig base) {
		return prepare(scenario, base, new FaultPlan());
	}

	/** As {@link #prepare(Scenario, SimConfig)}, with the extra faults' fixed allocation failures too. */
	public static WskSimulator prepare(Scenario scenario, SimConfig base, FaultPlan extra) {
		SimConfig config = base.copy();
		scenario.seed().ifPresent(config::seed);
		FaultPlan faults = base.faults().copy().addFixed(extra);
		if (scenario.irpFailureProbability() > 0) {
			faults.irpFailureProbability(scenario.irpFailureProbability());
		}
		if (scenario.poolFailureProbability() > 0) {
			faults.poolFailureProbability(scenario.poolFailureProbability());
		}
		for (ScenarioAction a : scenario.actions()) {
			if (a instanceof ScenarioAction.FailIrpAllocation f) {
				faults.failIrpAllocation(f.nth());
			} else if (a instanceof ScenarioAction.FailPoolAllocation f) {
				faults.failPoolAllocation(f.nth());
			}
		}
		config.faults(faults);
		WskSimulator sim = new WskSimulator(config);
		for (ScenarioAction a : scenario.actions()) {
			if (a instanceof ScenarioAction.Connect c) {
				sim.connect(c.spec());
			} else if (a instanceof ScenarioAction.CheckAnswer c) {
				sim.answerCheckAt(c.check(), c.accept(), c.subject(), c.at());
			} else if (a instanceof ScenarioAction.FailListener f) {
				sim.failListenerAt(f.listener(), f.at());
			} else if (a instanceof ScenarioAction.CheckCounters c) {
				sim.checkCountersAt(c.at());
			} else if (a instanceof ScenarioAction.DriverAction d) {
				sim.at(d.at(), d.action());
			}
		}
		return sim;
	}
}

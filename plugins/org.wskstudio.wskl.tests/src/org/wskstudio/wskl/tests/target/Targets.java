package org.wskstudio.wskl.tests.target;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wskl.simulate.ScenarioFiles;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.testing.ModelLoading;

/**
 * One runner on both targets per example model (the C is built once per content anyway, see
 * HostCompiler), and the example's scenarios.
 */
final class Targets {
	private static final Map<Path, TargetRunner> BOTH = new ConcurrentHashMap<>();

	private Targets() {
	}

	static TargetRunner both(Path model) {
		return BOTH.computeIfAbsent(model,
				m -> new TargetRunner(ModelLoading.codeModel(m), SimulationTarget.BOTH, new SimConfig(), null));
	}

	static List<org.wskstudio.wskl.wsks.Scenario> scenarios(Path model) {
		Path file = model.resolveSibling(model.getFileName().toString().replace(".wskl", ".wsks"));
		return ScenarioFiles.load(model, List.of(file)).scenarios();
	}
}

package org.wskstudio.wskl.tests.simulation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.simulate.ScenarioFiles;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.testing.ModelLoading;

/** Loads example models with their scenario files and keeps one compiled runner per model. */
final class Simulations {

	private static final Map<Path, SimulationRunner> RUNNERS = new ConcurrentHashMap<>();

	private Simulations() {
	}

	static Path scenarioFileOf(Path model) {
		return model.resolveSibling(model.getFileName().toString().replace(".wskl", ".wsks"));
	}

	static WskDriver codeModel(Path model) {
		return ModelLoading.codeModel(model);
	}

	static SimulationRunner runner(Path model) {
		return RUNNERS.computeIfAbsent(model, m -> new SimulationRunner(codeModel(m)));
	}

	static ScenarioFiles.Loaded scenarios(Path model) {
		return scenarios(model, scenarioFileOf(model));
	}

	static ScenarioFiles.Loaded scenarios(Path model, Path scenarioFile) {
		return ScenarioFiles.load(model, List.of(scenarioFile));
	}
}

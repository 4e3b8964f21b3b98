package org.wskstudio.wskl.tests.soak;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/** One Java-twin runner per example model, shared by the soak tests. */
final class Soaks {
	private static final Map<Path, TargetRunner> RUNNERS = new ConcurrentHashMap<>();

	private Soaks() {
	}

	static TargetRunner java(String example) {
		return RUNNERS.computeIfAbsent(Examples.example(example),
				m -> new TargetRunner(ModelLoading.codeModel(m), SimulationTarget.JAVA, new SimConfig(), null));
	}
}

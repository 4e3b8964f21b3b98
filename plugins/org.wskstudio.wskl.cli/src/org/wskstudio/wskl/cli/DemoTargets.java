package org.wskstudio.wskl.cli;

import java.io.PrintWriter;

import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.host.HostBuildException;

/** The demo's targets: both (C and Java twin, compared) when the C can be built here, else the Java twin alone. */
final class DemoTargets {
	private DemoTargets() {
	}

	static TargetRunner runner(WskDriver driver, PrintWriter err) {
		try {
			return new TargetRunner(driver, SimulationTarget.BOTH, new SimConfig(), null);
		} catch (HostBuildException e) {
			err.println("wskl demo: the C driver cannot run here (" + e.getMessage() + "); simulating the Java twin only");
			return new TargetRunner(driver, SimulationTarget.JAVA, new SimConfig(), null);
		}
	}

	static String describe(SimulationTarget target) {
		return target == SimulationTarget.BOTH
				? " with the C driver (built with gcc and AddressSanitizer/UBSan, in its own process) and its Java twin "
						+ "(compiled in memory), back to back"
				: " with the Java driver, compiled in memory";
	}

	static String comparison(TargetResult t) {
		if (t.comparison() == null) {
			return "";
		}
		return t.comparison().equal() ? "; C and Java agree on " + t.comparison().javaEvents() + " events"
				: "; C and Java DIVERGE";
	}
}

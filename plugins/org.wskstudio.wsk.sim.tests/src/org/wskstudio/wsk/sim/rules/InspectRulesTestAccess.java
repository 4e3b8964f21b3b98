package org.wskstudio.wsk.sim.rules;

import org.wskstudio.wsk.sim.testdrivers.ListenerDriver.Config;

/** Shares the conditional-accept configuration of InspectRulesTest with tests in other packages. */
public final class InspectRulesTestAccess {
	private InspectRulesTestAccess() {
	}

	public static Config conditional() {
		return InspectRulesTest.conditional();
	}
}

package org.wskstudio.wsk.sim.rules;

import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;

/** Shares the conditional-accept configuration of InspectRulesTest with tests in other packages. */
public final class InspectRulesTestAccess {
	private InspectRulesTestAccess() {
	}

	public static ListenerConfig conditional() {
		return InspectRulesTest.conditional();
	}
}

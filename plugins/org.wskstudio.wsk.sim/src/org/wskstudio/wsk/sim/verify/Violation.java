package org.wskstudio.wsk.sim.verify;

import org.wskstudio.wsk.sim.core.VirtualTime;

/** One rule violation: which rule, what happened (for a driver engineer), when, and where in the model. */
public record Violation(Rule rule, String message, long time, String element, String listener) {

	public String ruleId() {
		return rule.id();
	}

	public Severity severity() {
		return rule.severity();
	}

	@Override
	public String toString() {
		return rule.severity() + " " + rule.id() + " at " + VirtualTime.format(time) + " [" + element + "]: " + message;
	}
}

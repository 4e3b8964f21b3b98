package org.wskstudio.wskl.simulate.host;

import org.wskstudio.wsk.sim.verify.Rule;

/**
 * The C driver's process failed (sanitizer report, crash, hang, protocol error): thrown through
 * the simulator to end the run; the runner turns it into one violation of {@link #rule()}.
 */
public final class HostFailure extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final Rule rule;
	private final String location;

	public HostFailure(Rule rule, String message, String location) {
		super(message);
		this.rule = rule;
		this.location = location;
	}

	public Rule rule() {
		return rule;
	}

	/** C file:line (and function) where the failure was found, or null. */
	public String location() {
		return location;
	}
}

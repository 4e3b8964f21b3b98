package org.wskstudio.wskl.simulate.compile;

import java.util.List;

/**
 * The generated Java of a driver did not compile: a bug of the Java generator, never of the
 * model. The message lists each error as {@code file:line: message}.
 */
public final class DriverCompileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> errors;

	public DriverCompileException(List<String> errors) {
		super("the generated Java driver does not compile (a bug of the Java generator):\n  "
				+ String.join("\n  ", errors));
		this.errors = List.copyOf(errors);
	}

	/** Each error as {@code wskstudio/generated/echo/EchoDriver.java:123: message}. */
	public List<String> errors() {
		return errors;
	}
}

package org.wskstudio.wskl.simulate.host;

/** The C driver could not be built or started for the host (no gcc, a compile error, no such directory). */
public final class HostBuildException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public HostBuildException(String message) {
		super(message);
	}
}

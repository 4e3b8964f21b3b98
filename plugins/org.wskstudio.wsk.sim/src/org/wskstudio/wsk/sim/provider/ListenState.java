package org.wskstudio.wsk.sim.provider;

/** Life of a listening socket. */
public enum ListenState {
	/** Created, options may be set, not yet bound. */
	CREATED,
	/** Bound: listening. */
	LISTENING,
	/** Stopped working (injected listener failure); must be closed. */
	FAILED,
	/** WskCloseSocket called. */
	CLOSED
}

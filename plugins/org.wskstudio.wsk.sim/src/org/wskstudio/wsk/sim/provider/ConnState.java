package org.wskstudio.wsk.sim.provider;

/** Internal progress of one connection request. */
enum ConnState {
	SCHEDULED, PENDING, ESTABLISHING, BACKLOG, DONE
}

package org.wskstudio.wsk.sim.wsk;

/** WskAbortEvent; must return STATUS_SUCCESS. */
@FunctionalInterface
public interface PFN_WSK_ABORT_EVENT {
	int abort(Object SocketContext, WskInspectId InspectID);
}

package org.wskstudio.wsk.sim.wsk;

/** WskSendBacklogEvent (never raised by the simulator; present for dispatch-table fidelity). */
@FunctionalInterface
public interface PFN_WSK_SEND_BACKLOG_EVENT {
	int sendBacklog(Object SocketContext, long IdealBacklogSize);
}

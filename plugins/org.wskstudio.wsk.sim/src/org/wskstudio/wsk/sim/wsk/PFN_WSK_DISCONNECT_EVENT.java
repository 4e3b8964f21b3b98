package org.wskstudio.wsk.sim.wsk;

/** WskDisconnectEvent. */
@FunctionalInterface
public interface PFN_WSK_DISCONNECT_EVENT {
	int disconnect(Object SocketContext, int Flags);
}

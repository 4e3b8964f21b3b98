package org.wskstudio.wsk.sim.wsk;

import org.wskstudio.wsk.sim.net.SockAddr;

/** WskAcceptEvent. AcceptSocket == null means the listening socket no longer works. */
@FunctionalInterface
public interface PFN_WSK_ACCEPT_EVENT {
	int accept(Object SocketContext, int Flags, SockAddr LocalAddress, SockAddr RemoteAddress, WskSocket AcceptSocket,
			AcceptSocketContext AcceptSocketContext, AcceptSocketDispatch AcceptSocketDispatch);
}

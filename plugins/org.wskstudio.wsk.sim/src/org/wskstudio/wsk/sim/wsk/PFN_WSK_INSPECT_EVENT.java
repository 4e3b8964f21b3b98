package org.wskstudio.wsk.sim.wsk;

import org.wskstudio.wsk.sim.net.SockAddr;

/** WskInspectEvent. InspectID == null means the listening socket no longer works. */
@FunctionalInterface
public interface PFN_WSK_INSPECT_EVENT {
	WskInspectAction inspect(Object SocketContext, SockAddr LocalAddress, SockAddr RemoteAddress,
			WskInspectId InspectID);
}

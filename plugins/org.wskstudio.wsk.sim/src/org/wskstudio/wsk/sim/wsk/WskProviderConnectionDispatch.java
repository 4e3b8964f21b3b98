package org.wskstudio.wsk.sim.wsk;

import org.wskstudio.wsk.sim.nt.Irp;

/** The part of WSK_PROVIDER_CONNECTION_DISPATCH the simulator models (no data transfer calls). */
public interface WskProviderConnectionDispatch extends WskProviderBasicDispatch {
	int WskGetLocalAddress(WskSocket Socket, SockAddrOut LocalAddress, Irp Irp);

	int WskGetRemoteAddress(WskSocket Socket, SockAddrOut RemoteAddress, Irp Irp);
}

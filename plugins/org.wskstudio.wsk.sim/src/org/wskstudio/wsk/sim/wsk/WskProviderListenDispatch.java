package org.wskstudio.wsk.sim.wsk;

import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;

/** WSK_PROVIDER_LISTEN_DISPATCH {Basic, WskBind, WskAccept, WskInspectComplete, WskGetLocalAddress}. */
public interface WskProviderListenDispatch extends WskProviderBasicDispatch {
	int WskBind(WskSocket Socket, SockAddr LocalAddress, int Flags, Irp Irp);

	int WskAccept(WskSocket ListenSocket, int Flags, Object AcceptSocketContext,
			WskClientConnectionDispatch AcceptSocketDispatch, SockAddrOut LocalAddress, SockAddrOut RemoteAddress,
			Irp Irp);

	int WskInspectComplete(WskSocket ListenSocket, WskInspectId InspectID, WskInspectAction Action, Irp Irp);

	/** Completes the IRP with Information = the bound SockAddr. */
	int WskGetLocalAddress(WskSocket Socket, SockAddrOut LocalAddress, Irp Irp);
}

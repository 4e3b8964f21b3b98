package org.wskstudio.wsk.sim.provider;

import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.wsk.SockAddrOut;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;

/** A WskAccept call waiting in a listening socket's FIFO queue. */
record AcceptRequest(Irp irp, Object context, WskClientConnectionDispatch dispatch, SockAddrOut localOut,
		SockAddrOut remoteOut) {
}

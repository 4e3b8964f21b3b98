package org.wskstudio.wsk.sim.wsk;

import org.wskstudio.wsk.sim.net.SockAddr;

/** An optional PSOCKADDR output buffer (WskAccept's LocalAddress / RemoteAddress). */
public final class SockAddrOut {
	public SockAddr value;
}

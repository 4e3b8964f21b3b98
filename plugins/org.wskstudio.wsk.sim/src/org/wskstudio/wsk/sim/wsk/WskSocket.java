package org.wskstudio.wsk.sim.wsk;

/**
 * WSK_SOCKET: an opaque socket object whose {@code Dispatch} is the provider dispatch table.
 * Listening sockets carry a {@link WskProviderListenDispatch}, accepted sockets a
 * {@link WskProviderConnectionDispatch}.
 */
public abstract class WskSocket {
	public final WskProviderBasicDispatch Dispatch;

	protected WskSocket(WskProviderBasicDispatch dispatch) {
		this.Dispatch = dispatch;
	}
}

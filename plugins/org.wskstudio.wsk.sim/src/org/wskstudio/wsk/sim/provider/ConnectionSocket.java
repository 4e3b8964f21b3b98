package org.wskstudio.wsk.sim.provider;

import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** An accepted connection-oriented socket. */
public final class ConnectionSocket extends WskSocket {
	final int id;
	final Connection connection;
	final ListenSocket listener;
	Object context;
	WskClientConnectionDispatch callbacks;
	int eventMask;
	boolean closed;
	boolean disconnected;
	/** True while WskAcceptEvent for this socket runs (its dispatch is not known yet). */
	boolean inAcceptEvent;

	ConnectionSocket(WskProviderConnectionDispatch dispatch, int id, Connection connection, ListenSocket listener) {
		super(dispatch);
		this.id = id;
		this.connection = connection;
		this.listener = listener;
	}

	public boolean closed() {
		return closed;
	}

	public Object context() {
		return context;
	}

	private String name;

	@Override
	public String toString() {
		if (name == null) {
			name = "conn#" + id;
		}
		return name;
	}
}

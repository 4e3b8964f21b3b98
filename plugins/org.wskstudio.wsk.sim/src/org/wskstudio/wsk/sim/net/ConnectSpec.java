package org.wskstudio.wsk.sim.net;

/**
 * A remote client's connection attempt: when it arrives, from where, to which local address
 * and/or which listener (by model element name), and what the remote does afterwards.
 * Times are absolute virtual microseconds; Long.MAX_VALUE means "never".
 */
public record ConnectSpec(long at, SockAddr remote, SockAddr local, String listener, long dropAt,
		long sendAt, int sendBytes, long disconnectAt) {

	public static final long NEVER = Long.MAX_VALUE;

	public ConnectSpec {
		if (remote == null) {
			throw new IllegalArgumentException("remote address is required");
		}
		if (local == null && listener == null) {
			throw new IllegalArgumentException("a local address or a listener name is required");
		}
		if (at < 0) {
			throw new IllegalArgumentException("negative arrival time");
		}
	}

	public static ConnectSpec of(long at, SockAddr remote, SockAddr local, String listener) {
		return new ConnectSpec(at, remote, local, listener, NEVER, NEVER, 0, NEVER);
	}

	/** The remote drops the attempt at this time if the connection is not yet fully established. */
	public ConnectSpec dropAt(long time) {
		return new ConnectSpec(at, remote, local, listener, time, sendAt, sendBytes, disconnectAt);
	}

	/** The remote sends bytes at this time (a WskReceiveEvent if the connection is accepted by then). */
	public ConnectSpec send(long time, int bytes) {
		return new ConnectSpec(at, remote, local, listener, dropAt, time, bytes, disconnectAt);
	}

	/** The remote disconnects at this time (a WskDisconnectEvent if accepted by then). */
	public ConnectSpec disconnectAt(long time) {
		return new ConnectSpec(at, remote, local, listener, dropAt, sendAt, sendBytes, time);
	}
}

package org.wskstudio.wsk.sim.wsk;

/** The out-parameter {@code const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch}. {@code set(null)} counts as set. */
public final class AcceptSocketDispatch {
	private WskClientConnectionDispatch value;
	private boolean set;

	/** {@code *AcceptSocketDispatch = &dispatch;} */
	public void set(WskClientConnectionDispatch value) {
		this.value = value;
		this.set = true;
	}

	public WskClientConnectionDispatch get() {
		return value;
	}

	public boolean isSet() {
		return set;
	}
}

package org.wskstudio.wsk.sim.wsk;

/** The out-parameter {@code PVOID *AcceptSocketContext} of WskAcceptEvent. {@code set(null)} counts as set. */
public final class AcceptSocketContext {
	private Object value;
	private boolean set;

	/** {@code *AcceptSocketContext = value;} */
	public void set(Object value) {
		this.value = value;
		this.set = true;
	}

	public Object get() {
		return value;
	}

	public boolean isSet() {
		return set;
	}
}

package org.wskstudio.wsk.sim.wsk;

/** WSK_CLIENT_DISPATCH {Version, Reserved, WskClientEvent (unused, may be null)}. */
public record WskClientDispatch(short Version, short Reserved, Object WskClientEvent) {
	public WskClientDispatch(short version) {
		this(version, (short) 0, null);
	}
}

package org.wskstudio.wsk.sim.wsk;

/** WSK_REGISTRATION: opaque storage the driver allocates and WskRegister fills in. */
public final class WskRegistration {
	/** Simulator state; drivers must not touch it. */
	public Object reserved;
}

package org.wskstudio.wsk.sim.nt;

/** KTIMER (one-shot). Initialise with Kernel.KeInitializeTimer. */
public final class KTimer {
	/** Opaque handle of the simulator's pending expiry, null when not set. */
	public Object pending;
	public boolean initialized;
	public boolean signaled;
}

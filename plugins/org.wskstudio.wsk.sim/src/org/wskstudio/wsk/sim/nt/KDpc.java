package org.wskstudio.wsk.sim.nt;

/** KDPC. Initialise with Kernel.KeInitializeDpc. */
public final class KDpc {
	public KDeferredRoutine DeferredRoutine;
	public Object DeferredContext;
}

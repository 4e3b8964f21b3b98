package org.wskstudio.wsk.sim.nt;

/** KEVENT (notification or synchronization). Initialise with Kernel.KeInitializeEvent. */
public final class KEvent {
	public boolean signaled;
	public boolean synchronization;
	public boolean initialized;
}

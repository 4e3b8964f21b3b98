package org.wskstudio.wsk.sim.trace;

/** The three lifelines of a run. WSK stands for the WSK subsystem together with the kernel (I/O manager, pool, timers). */
public enum Actor {
	CLIENT, WSK, DRIVER
}

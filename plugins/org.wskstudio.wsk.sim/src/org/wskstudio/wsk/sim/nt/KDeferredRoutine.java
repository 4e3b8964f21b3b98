package org.wskstudio.wsk.sim.nt;

/** KDEFERRED_ROUTINE: runs at DISPATCH_LEVEL when the timer that queued the DPC expires. */
@FunctionalInterface
public interface KDeferredRoutine {
	void run(KDpc Dpc, Object DeferredContext, Object SystemArgument1, Object SystemArgument2);
}

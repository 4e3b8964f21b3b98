package org.wskstudio.wsk.sim.testdrivers;

import static org.wskstudio.wsk.sim.nt.NtDef.*;
import static org.wskstudio.wsk.sim.nt.NtStatus.STATUS_SUCCESS;

import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.nt.KDpc;
import org.wskstudio.wsk.sim.nt.KTimer;

/**
 * A driver with one KTIMER and its DPC and nothing else: DriverEntry sets the timer, DriverUnload
 * cancels it and flushes the queued DPCs (each step can be left out, to break the rule on purpose).
 */
public class TimerDriver implements SimDriver {
	protected Kernel k;
	protected final KTimer timer = new KTimer();
	protected final KDpc dpc = new KDpc();
	private final long dueMs;
	private boolean cancelAtUnload = true;
	private boolean flushAtUnload = true;
	private int dpcRuns;
	private Boolean cancelResult;

	public TimerDriver(long dueMs) {
		this.dueMs = dueMs;
	}

	/** DriverUnload leaves the timer set. */
	public TimerDriver withoutCancel() {
		cancelAtUnload = false;
		return this;
	}

	/** DriverUnload cancels the timer but does not wait for a DPC already queued. */
	public TimerDriver withoutFlush() {
		flushAtUnload = false;
		return this;
	}

	@Override
	public int DriverEntry(Kernel kernel) {
		k = kernel;
		k.KeInitializeTimer(timer);
		k.KeInitializeDpc(dpc, this::timerDpc, this);
		k.KeSetTimer(timer, RELATIVE_MS(dueMs), dpc);
		return STATUS_SUCCESS;
	}

	protected void timerDpc(KDpc Dpc, Object DeferredContext, Object SystemArgument1, Object SystemArgument2) {
		dpcRuns++;
	}

	@Override
	public void DriverUnload(Kernel kernel) {
		if (cancelAtUnload) {
			cancelResult = k.KeCancelTimer(timer);
		}
		if (flushAtUnload) {
			k.KeFlushQueuedDpcs();
		}
	}

	public int dpcRuns() {
		return dpcRuns;
	}

	public KTimer timerForTest() {
		return timer;
	}

	public KDpc dpcForTest() {
		return dpc;
	}

	/** What KeCancelTimer returned at unload (null if it was not called). */
	public Boolean cancelResult() {
		return cancelResult;
	}
}

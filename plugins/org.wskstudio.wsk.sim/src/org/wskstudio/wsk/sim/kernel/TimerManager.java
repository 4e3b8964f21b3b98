package org.wskstudio.wsk.sim.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.wskstudio.wsk.sim.core.ScheduledEvent;
import org.wskstudio.wsk.sim.core.Scheduler;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.nt.KDeferredRoutine;
import org.wskstudio.wsk.sim.nt.KDpc;
import org.wskstudio.wsk.sim.nt.KEvent;
import org.wskstudio.wsk.sim.nt.KTimer;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.Trace;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Verifier;

/**
 * One-shot KTIMERs with DPCs at virtual time (the DPCs go through the {@link DpcQueue}), and
 * KEVENTs with a wait that runs the simulation. When the driver is unloaded, a timer still set or
 * a DPC still queued would run in unloaded code: {@link #driverUnloaded} reports them.
 */
public final class TimerManager {
	private final Scheduler scheduler;
	private final Trace trace;
	private final Verifier verifier;
	private final ExecContext exec;
	private final DpcQueue dpcs;
	/** Timers set and not yet expired or cancelled, with the element of the code that set them. */
	private final Map<KTimer, String> set = new LinkedHashMap<>();
	private boolean unloaded;

	public TimerManager(Scheduler scheduler, Trace trace, Verifier verifier, ExecContext exec, DpcQueue dpcs) {
		this.scheduler = scheduler;
		this.trace = trace;
		this.verifier = verifier;
		this.exec = exec;
		this.dpcs = dpcs;
	}

	public void initializeTimer(KTimer timer) {
		timer.initialized = true;
		timer.pending = null;
		timer.signaled = false;
	}

	public void initializeDpc(KDpc dpc, KDeferredRoutine routine, Object context) {
		dpc.DeferredRoutine = routine;
		dpc.DeferredContext = context;
	}

	/** KeSetTimer: returns TRUE if the timer was already set (it is re-armed). */
	public boolean setTimer(KTimer timer, long dueTime100ns, KDpc dpc) {
		boolean wasSet = cancelPending(timer);
		long when = VirtualTime.fromDueTime(scheduler.now(), dueTime100ns);
		String element = exec.element();
		TraceEvent t = trace.record(Actor.DRIVER, Actor.WSK, "KeSetTimer", null, element,
				"expires at " + VirtualTime.format(when));
		if (unloaded) {
			verifier.report(Rule.TIMER_PENDING_AT_UNLOAD, element, null,
					"KeSetTimer after DriverUnload returned: its DPC would run in unloaded code. "
							+ "Nothing of the driver may run after unload, let alone set a timer.");
			t.setResult("not set (driver unloaded)");
			return wasSet;
		}
		t.setResult(wasSet ? "TRUE" : "FALSE");
		timer.signaled = false;
		timer.pending = scheduler.at(when, () -> expire(timer, dpc, element));
		set.put(timer, element);
		return wasSet;
	}

	private void expire(KTimer timer, KDpc dpc, String element) {
		timer.pending = null;
		timer.signaled = true;
		set.remove(timer);
		if (dpc == null || dpc.DeferredRoutine == null) {
			return;
		}
		dpcs.queue(dpc, element);
	}

	/** KeCancelTimer: returns TRUE if the timer was set. */
	public boolean cancelTimer(KTimer timer) {
		boolean was = cancelPending(timer);
		trace.record(Actor.DRIVER, Actor.WSK, "KeCancelTimer", null, exec.element(), "").setResult(was ? "TRUE" : "FALSE");
		return was;
	}

	private boolean cancelPending(KTimer timer) {
		if (timer.pending instanceof ScheduledEvent e && !e.cancelled()) {
			e.cancel();
			timer.pending = null;
			set.remove(timer);
			return true;
		}
		return false;
	}

	/**
	 * The driver is gone (DriverUnload returned, or DriverEntry failed): every timer still set and
	 * every DPC still queued is a violation (Driver Verifier's bug check 0xC7,
	 * TIMER_OR_DPC_INVALID) and is dropped, so that no driver code runs after unload.
	 */
	public void driverUnloaded() {
		unloaded = true;
		for (Map.Entry<KTimer, String> e : new LinkedHashMap<>(set).entrySet()) {
			long when = e.getKey().pending instanceof ScheduledEvent p ? p.time() : scheduler.now();
			verifier.report(Rule.TIMER_PENDING_AT_UNLOAD, e.getValue(), null,
					"A KTIMER is still set when DriverUnload returns (it expires at " + VirtualTime.format(when)
							+ "): its DPC would run in unloaded code (bug check 0xC7, TIMER_OR_DPC_INVALID). "
							+ "Cancel it with KeCancelTimer during unload.");
			cancelPending(e.getKey());
		}
		for (String element : dpcs.discard()) {
			verifier.report(Rule.TIMER_PENDING_AT_UNLOAD, element, null,
					"The DPC of an expired KTIMER is still queued when DriverUnload returns: it would run in unloaded "
							+ "code (bug check 0xC7, TIMER_OR_DPC_INVALID). KeCancelTimer does not remove a DPC "
							+ "that is already queued; call KeFlushQueuedDpcs after cancelling the timers.");
		}
	}

	public void initializeEvent(KEvent event, boolean synchronization, boolean state) {
		event.initialized = true;
		event.synchronization = synchronization;
		event.signaled = state;
	}

	/**
	 * KeWaitForSingleObject on a KEVENT. At PASSIVE_LEVEL the simulation runs on until the event
	 * is set (other work happens meanwhile, as on a real machine). timeout100ns: null waits
	 * forever, negative is relative. Returns STATUS_SUCCESS or STATUS_TIMEOUT.
	 */
	public int waitForEvent(KEvent event, Long timeout100ns) {
		TraceEvent t = trace.record(Actor.DRIVER, Actor.WSK, "KeWaitForSingleObject", null, exec.element(), "");
		if (exec.irql() >= NtDef.DISPATCH_LEVEL && !(timeout100ns != null && timeout100ns == 0)) {
			verifier.report(Rule.IRQL_TOO_HIGH, exec.element(), null,
					"KeWaitForSingleObject at DISPATCH_LEVEL (inside a WSK callback, completion routine or DPC). "
							+ "Callbacks must never wait; finish the work asynchronously.");
			boolean s = consume(event);
			t.setResult(NtStatus.name(s ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_TIMEOUT));
			return s ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_TIMEOUT;
		}
		long limit = timeout100ns == null ? Long.MAX_VALUE
				: VirtualTime.fromDueTime(scheduler.now(), timeout100ns);
		boolean ok = scheduler.runUntil(() -> event.signaled, limit);
		if (!ok && timeout100ns == null) {
			verifier.report(Rule.WAIT_DEADLOCK, exec.element(), null,
					"KeWaitForSingleObject waits forever: nothing left in the simulation will set the event.");
		}
		ok = consume(event);
		int st = ok ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_TIMEOUT;
		t.setResult(NtStatus.name(st));
		return st;
	}

	private static boolean consume(KEvent event) {
		boolean s = event.signaled;
		if (s && event.synchronization) {
			event.signaled = false;
		}
		return s;
	}
}

package org.wskstudio.wsk.sim.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.sim.core.ScheduledEvent;
import org.wskstudio.wsk.sim.core.Scheduler;
import org.wskstudio.wsk.sim.nt.KDpc;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.Trace;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Verifier;

/**
 * The DPC queue. An expired KTIMER queues its DPC, which runs at DISPATCH_LEVEL {@code latency}
 * later (SimConfig.dpcLatency). With latency 0, the default, the DPC runs at once, inside the
 * expiry, and is never seen queued. With a latency, a DPC can be queued while the driver cancels
 * its timer: KeCancelTimer then returns FALSE and does not stop it, as on Windows, which is why an
 * unloading driver calls KeFlushQueuedDpcs. A DPC is queued at most once at a time (a second
 * expiry while it waits finds it queued, as KeInsertQueueDpc returns FALSE).
 */
public final class DpcQueue {
	/** A queued DPC: its pending run, and the model element of the code that set the timer. */
	private record Queued(ScheduledEvent run, String element) {
	}

	private final Scheduler scheduler;
	private final Trace trace;
	private final Verifier verifier;
	private final ExecContext exec;
	private final long latency;
	private final Map<KDpc, Queued> queued = new LinkedHashMap<>();

	public DpcQueue(Scheduler scheduler, Trace trace, Verifier verifier, ExecContext exec, long latency) {
		this.scheduler = scheduler;
		this.trace = trace;
		this.verifier = verifier;
		this.exec = exec;
		this.latency = latency;
	}

	/** Queues the DPC of an expired timer (or runs it now, with latency 0). */
	void queue(KDpc dpc, String element) {
		if (latency == 0) {
			run(dpc, element);
			return;
		}
		if (queued.containsKey(dpc)) {
			return;
		}
		ScheduledEvent run = scheduler.after(latency, () -> {
			queued.remove(dpc);
			run(dpc, element);
		});
		queued.put(dpc, new Queued(run, element));
	}

	private void run(KDpc dpc, String element) {
		trace.record(Actor.WSK, Actor.DRIVER, "TimerDpc", null, element, "");
		ExecContext.Frame f = exec.enter(NtDef.DISPATCH_LEVEL, element, true);
		try {
			dpc.DeferredRoutine.run(dpc, dpc.DeferredContext, null, null);
		} finally {
			exec.exit(f);
		}
	}

	/**
	 * KeFlushQueuedDpcs: returns once every queued DPC has run. PASSIVE_LEVEL only; the wait runs
	 * the simulation on (other work happens meanwhile), like KeWaitForSingleObject.
	 */
	public void flush() {
		TraceEvent t = trace.record(Actor.DRIVER, Actor.WSK, "KeFlushQueuedDpcs", null, exec.element(),
				queued.size() + " queued");
		if (exec.irql() >= NtDef.DISPATCH_LEVEL) {
			verifier.report(Rule.IRQL_TOO_HIGH, exec.element(), null,
					"KeFlushQueuedDpcs at DISPATCH_LEVEL (inside a WSK callback, completion routine or DPC): "
							+ "it waits for DPCs and may only be called at PASSIVE_LEVEL.");
			t.setResult("not flushed");
			return;
		}
		scheduler.runUntil(queued::isEmpty, Long.MAX_VALUE);
	}

	/** Drops every queued DPC without running it; returns the elements that set their timers, oldest first. */
	List<String> discard() {
		List<String> elements = new ArrayList<>();
		for (Queued q : queued.values()) {
			q.run().cancel();
			elements.add(q.element());
		}
		queued.clear();
		return elements;
	}
}

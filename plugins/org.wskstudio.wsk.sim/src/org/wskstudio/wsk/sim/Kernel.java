package org.wskstudio.wsk.sim;

import org.wskstudio.wsk.sim.kernel.CheckCallback;
import org.wskstudio.wsk.sim.kernel.ExecContext;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.nt.IoCompletionRoutine;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.KDeferredRoutine;
import org.wskstudio.wsk.sim.nt.KDpc;
import org.wskstudio.wsk.sim.nt.KEvent;
import org.wskstudio.wsk.sim.nt.KTimer;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.provider.WskSubsystem;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.wsk.WskClientNpi;
import org.wskstudio.wsk.sim.wsk.WskProviderNpi;
import org.wskstudio.wsk.sim.wsk.WskRegistration;

/**
 * What a simulated driver can call: the kernel routines (Io*, Ex*, Ke*) and the WSK registration
 * routines, under their C names, plus a few Sim* helpers that tie driver objects to model
 * elements. Socket operations are reached as in C, through the dispatch tables:
 * {@code providerNpi.Dispatch.WskSocket(...)} and {@code ((WskProviderListenDispatch) socket.Dispatch).WskAccept(...)}.
 */
public final class Kernel {
	private final SimHost host;
	private final WskSubsystem wsk;

	Kernel(SimHost host, WskSubsystem wsk) {
		this.host = host;
		this.wsk = wsk;
	}

	// ------------------------------------------------------------------ I/O manager

	/** Returns null when allocation fails (fault injection) or StackSize &lt; 1. */
	public Irp IoAllocateIrp(int StackSize, boolean ChargeQuota) {
		return host.io.allocate(StackSize, ChargeQuota);
	}

	public void IoSetCompletionRoutine(Irp Irp, IoCompletionRoutine CompletionRoutine, Object Context,
			boolean InvokeOnSuccess, boolean InvokeOnError, boolean InvokeOnCancel) {
		host.io.setCompletionRoutine(Irp, CompletionRoutine, Context, InvokeOnSuccess, InvokeOnError, InvokeOnCancel);
	}

	/** Reinitialises a completed IRP for reuse; the completion routine must be set again. */
	public void IoReuseIrp(Irp Irp, int Status) {
		host.io.reuse(Irp, Status);
	}

	public void IoFreeIrp(Irp Irp) {
		host.io.free(Irp);
	}

	public boolean IoCancelIrp(Irp Irp) {
		return host.io.cancel(Irp);
	}

	// ------------------------------------------------------------------ pool

	/** Allocates NumberOfBytes; returns null when allocation fails (fault injection). */
	public byte[] ExAllocatePoolWithTag(PoolType PoolType, long NumberOfBytes, int Tag) {
		return host.pool.allocate(PoolType, new byte[(int) Math.min(NumberOfBytes, 1 << 16)], NumberOfBytes, Tag);
	}

	/**
	 * Accounts {@code block} (a freshly created context object) as a pool allocation; returns it,
	 * or null when the allocation fails (fault injection). Free it with ExFreePoolWithTag.
	 */
	public <T> T ExAllocatePoolWithTag(PoolType PoolType, T block, int Tag) {
		if (block == null) {
			throw new IllegalArgumentException("ExAllocatePoolWithTag needs the object to account");
		}
		return host.pool.allocate(PoolType, block, 0, Tag);
	}

	public void ExFreePoolWithTag(Object P, int Tag) {
		host.pool.free(P, Tag);
	}

	// ------------------------------------------------------------------ timers, DPCs, events

	public void KeInitializeTimer(KTimer Timer) {
		host.timers.initializeTimer(Timer);
	}

	public void KeInitializeDpc(KDpc Dpc, KDeferredRoutine DeferredRoutine, Object DeferredContext) {
		host.timers.initializeDpc(Dpc, DeferredRoutine, DeferredContext);
	}

	/** DueTime in 100 ns units, negative = relative (see NtDef.RELATIVE_MS). Returns TRUE if it was already set. */
	public boolean KeSetTimer(KTimer Timer, long DueTime, KDpc Dpc) {
		return host.timers.setTimer(Timer, DueTime, Dpc);
	}

	/** Returns TRUE if the timer was set; a DPC that its expiry already queued still runs (see KeFlushQueuedDpcs). */
	public boolean KeCancelTimer(KTimer Timer) {
		return host.timers.cancelTimer(Timer);
	}

	/** Returns once every queued DPC has run (PASSIVE_LEVEL; the wait runs the simulation on). */
	public void KeFlushQueuedDpcs() {
		host.dpcs.flush();
	}

	public void KeInitializeEvent(KEvent Event, int Type, boolean State) {
		host.timers.initializeEvent(Event, Type == NtDef.SynchronizationEvent, State);
	}

	/** Returns the previous state (1 or 0). */
	public int KeSetEvent(KEvent Event, int Increment, boolean Wait) {
		int prev = Event.signaled ? 1 : 0;
		Event.signaled = true;
		return prev;
	}

	public void KeClearEvent(KEvent Event) {
		Event.signaled = false;
	}

	/**
	 * Waits at PASSIVE_LEVEL by running the simulation until the event is set. Timeout: null =
	 * forever, else 100 ns units (negative relative). Returns STATUS_SUCCESS or STATUS_TIMEOUT.
	 */
	public int KeWaitForSingleObject(KEvent Object, int WaitReason, int WaitMode, boolean Alertable, Long Timeout) {
		return host.timers.waitForEvent(Object, Timeout);
	}

	public int KeGetCurrentIrql() {
		return host.exec.irql();
	}

	/** Virtual time in 100 ns units, like KeQueryInterruptTime. */
	public long KeQueryInterruptTime() {
		return host.scheduler.now() * 10;
	}

	// ------------------------------------------------------------------ WSK registration

	public int WskRegister(WskClientNpi WskClientNpi, WskRegistration WskRegistration) {
		return wsk.WskRegister(WskClientNpi, WskRegistration);
	}

	public int WskCaptureProviderNPI(WskRegistration WskRegistration, int WaitTimeout, WskProviderNpi WskProviderNpi) {
		return wsk.WskCaptureProviderNPI(WskRegistration, WaitTimeout, WskProviderNpi);
	}

	public void WskReleaseProviderNPI(WskRegistration WskRegistration) {
		wsk.WskReleaseProviderNPI(WskRegistration);
	}

	public void WskDeregister(WskRegistration WskRegistration) {
		wsk.WskDeregister(WskRegistration);
	}

	// ------------------------------------------------------------------ simulator helpers

	/**
	 * Ties a driver object to a model element (e.g. "listener Public"). Tag a listening socket's
	 * context before WskSocket and the socket takes the element as its listener name; tag an IRP,
	 * a pool block, a registration or a client NPI to have violations about it name the element.
	 */
	public <T> T SimTag(T object, String element) {
		host.elements.tag(object, element);
		return object;
	}

	/** Work done inside the scope is attributed to the element (untagged objects, trace). */
	public SimScope SimEnter(String element) {
		ExecContext.Frame f = host.exec.enter(host.exec.irql(), element, host.exec.inTimerDpc());
		return () -> host.exec.exit(f);
	}

	/** Asks the named external check (answered by the scenario's deferredCheckAnswer). */
	public void SimQueryCheck(String check, Object subject, Object context, CheckCallback callback) {
		host.checks.query(check, subject, context, callback);
	}

	/** A free-text note from the driver into the trace. */
	public void SimLog(String message) {
		host.trace.record(Actor.DRIVER, Actor.DRIVER, "Log", null, host.exec.element(), message);
	}

	/** Virtual time now, in microseconds. */
	public long SimNow() {
		return host.scheduler.now();
	}

	/** An element scope; closing it restores the previous element. */
	@FunctionalInterface
	public interface SimScope extends AutoCloseable {
		@Override
		void close();
	}
}

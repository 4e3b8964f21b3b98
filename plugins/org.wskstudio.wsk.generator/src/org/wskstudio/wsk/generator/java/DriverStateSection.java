package org.wskstudio.wsk.generator.java;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Sections 2 and 3: driver-level state (WSK registration, the IRP count, the connection list)
 * and the IRP helpers every other part goes through: the only IoAllocateIrp, the only
 * IoFreeIrp, the listener's control IRP, and the rundown reference.
 */
final class DriverStateSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	DriverStateSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		w.section("2. driver-level state (" + JavaLiterals.of(facts.driver) + ")");
		w.lines(n.expand("""
				/** The simulated kernel: every kernel and WSK routine is called through it, as in C. */
				private Kernel k;

				private final WskClientDispatch PfxClientDispatch = new WskClientDispatch(WSK_VERSION_1_0);
				private final WskRegistration PfxRegistration = new WskRegistration();
				private final WskProviderNpi PfxProviderNpi = new WskProviderNpi();
				private boolean PfxRegistered;                  // WskRegister succeeded
				private boolean PfxNpiCaptured;                 // WskCaptureProviderNPI succeeded

				/**
				 * Every IRP this driver allocates is counted here until IoFreeIrp; the count starts at 1 (a
				 * bias dropped by Pfx_Shutdown), so reaching 0 means: unloading and every IRP freed.
				 */
				private int PfxIrpCount;
				private final KEvent PfxIrpsDrained = new KEvent();

				/** Open connections, for closing them on unload (the simulator is single threaded: no lock). */
				private final Set<Connection> PfxConnections = new LinkedHashSet<>();
				private boolean PfxConnectionsClosed;
				"""));
		w.section("3. driver-level IRP helpers");
		w.lines(n.expand("""
				/** The only IoAllocateIrp of the driver: one stack location, counted. */
				private Irp Pfx_AllocateIrp() {
				    Irp Irp = k.IoAllocateIrp(1, FALSE);
				    if (Irp != null) {
				        PfxIrpCount++;
				    }
				    return Irp;
				}

				/** The only IoFreeIrp of the driver. */
				private void Pfx_FreeIrp(Irp Irp) {
				    k.IoFreeIrp(Irp);
				    if (--PfxIrpCount == 0) {
				        k.KeSetEvent(PfxIrpsDrained, 0, FALSE);
				    }
				}

				/** Completion routine of synchronous requests: wakes the waiter and keeps the IRP. */
				private int Pfx_SyncIrpComplete(Object DeviceObject, Irp Irp, Object Context) {
				    k.KeSetEvent((KEvent) Context, 0, FALSE);
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				/** Prepares the listener's control IRP for one WSK call. */
				private void Pfx_ControlBegin(Listener Listener) {
				    k.IoReuseIrp(Listener.ControlIrp, STATUS_UNSUCCESSFUL);
				"""));
		w.indent();
		if (facts.event) {
			w.lines(n.expand("""
					if (Listener.ControlAsync) {
					    // the recreate: the completion routine issues the next call (no one waits at DISPATCH_LEVEL)
					    k.IoSetCompletionRoutine(Listener.ControlIrp, this::Pfx_RecreateIrpComplete, Listener, TRUE, TRUE,
					            TRUE);
					    return;
					}
					"""));
		}
		w.lines(n.expand("""
				k.KeClearEvent(Listener.ControlEvent);
				k.IoSetCompletionRoutine(Listener.ControlIrp, this::Pfx_SyncIrpComplete, Listener.ControlEvent, TRUE, TRUE,
				        TRUE);
				"""));
		w.dedent();
		w.lines(n.expand("""
				}

				/**
				 * WSK completes the IRP whatever the call returned; waiting for the completion routine (not on
				 * the return value) means the IRP is ours again when this returns. PASSIVE_LEVEL only.
				 */
				private int Pfx_ControlWait(Listener Listener) {
				    k.KeWaitForSingleObject(Listener.ControlEvent, Executive, KernelMode, FALSE, null);
				    return Listener.ControlIrp.IoStatus.Status;
				}

				/** After a control IRP completed: WskSocket's result is the new listening socket. */
				private int Pfx_ControlDone(Listener Listener, int Status) {
				    if (Listener.Creating) {
				        Listener.Creating = FALSE;
				        if (NT_SUCCESS(Status)) {
				            Listener.Socket = (WskSocket) Listener.ControlIrp.IoStatus.Information;
				            Listener.Dispatch = (WskProviderListenDispatch) Listener.Socket.Dispatch;
				        }
				    }
				    return Status;
				}
				"""));
		if (facts.rundown()) {
			w.lines(n.expand("""

					/** ExAcquireRundownProtection: FALSE once the listener's socket is being closed. */
					private boolean Pfx_RundownAcquire(Listener Listener) {
					    if (Listener.RundownClosed) {
					        return FALSE;
					    }
					    Listener.RundownReferences++;
					    return TRUE;
					}

					private void Pfx_RundownRelease(Listener Listener) {
					    Listener.RundownReferences--;
					}

					/**
					 * ExWaitForRundownProtectionRelease: no new reference from now on. Single threaded, no
					 * holder can be running while this runs, so there is nothing to wait for.
					 */
					private void Pfx_RundownWait(Listener Listener) {
					    Listener.RundownClosed = TRUE;
					}

					/** ExReInitializeRundownProtection (after a recreate's close). */
					private void Pfx_RundownReinitialize(Listener Listener) {
					    Listener.RundownClosed = FALSE;
					}
					"""));
		}
	}
}

package org.wskstudio.wsk.generator.c;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 8 of the source, continued after {@link ListenerRuntimeSection}'s socket calls: the
 * life of every listener. Start at load (the listener's Open under the control lock, then the
 * accept slots armed), the recreate work item for a NULL AcceptSocket / InspectID, and stop.
 */
final class ListenerLifecycleSection {

	private final DriverFacts facts;
	private final CNaming n;

	ListenerLifecycleSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		start(w);
		if (facts.event) {
			recreate(w);
		}
		stop(w);
	}

	private void start(CodeWriter w) {
		w.lines(n.expand("""
				/* Opens the listener at load: the listener's own Open (create, options,
				 * bind, per-socket events) under the control lock. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static NTSTATUS
				Pfx_ListenerStart(_Inout_ PPFX_LISTENER Listener)
				{
				"""));
		w.indent();
		w.line("NTSTATUS Status;");
		w.blank();
		if (facts.event) {
			w.lines(n.expand("""
					/* First, so that a NULL AcceptSocket or InspectID can always be handled. */
					Listener->RecreateWorkItem = IoAllocateWorkItem((PDEVICE_OBJECT)PfxDriverObject);
					if (Listener->RecreateWorkItem == NULL) {
					    return STATUS_INSUFFICIENT_RESOURCES;
					}
					"""));
		}
		w.lines(n.expand("""
				Pfx_ListenerLock(Listener);
				Status = Listener->Open(Listener);
				Pfx_ListenerUnlock(Listener);
				"""));
		if (facts.irp) {
			w.lines(n.expand("""
					/* accept by irp: keep SlotCount WskAccept IRPs queued. */
					if (NT_SUCCESS(Status)) {
					    Pfx_ListenerArm(Listener);
					}
					"""));
		}
		w.line(n.expand("return Status;      /* on failure Pfx_ListenerStop closes what was opened */"));
		w.dedent();
		w.line("}");
		w.blank();
	}

	private void recreate(CodeWriter w) {
		w.lines(n.expand("""
				/* NULL AcceptSocket (or NULL InspectID): callbacks run at up to
				 * DISPATCH_LEVEL and must not wait for WSK requests, so the close and the
				 * recreation run in a work item.  At most one is pending per listener. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_ListenerRequestRecreate(_Inout_ PPFX_LISTENER Listener)
				{
				    BOOLEAN Queue = FALSE;
				    KIRQL OldIrql;

				    KeAcquireSpinLock(&Listener->Lock, &OldIrql);
				    if (!Listener->Stopping && !Listener->RecreatePending) {
				        Listener->RecreatePending = TRUE;
				        KeClearEvent(&Listener->RecreateIdle);
				        Queue = TRUE;
				    }
				    KeReleaseSpinLock(&Listener->Lock, OldIrql);

				    if (Queue) {
				        IoQueueWorkItemEx(Listener->RecreateWorkItem, Pfx_RecreateWorker,
				                          DelayedWorkQueue, Listener);
				    }
				}

				"""));
		w.comment("from the accept events of " + facts.eventListeners().stream().map(l -> CTrace.of(l.getAcceptMode()))
				.collect(Collectors.joining(", ")) + ": closes the broken listening socket and opens a new one, at"
				+ " PASSIVE_LEVEL.  A failed reopen leaves the listener closed (logged) until reload.");
		w.lines(n.expand("""
				_Use_decl_annotations_
				static VOID
				Pfx_RecreateWorker(PVOID IoObject, PVOID Context, PIO_WORKITEM IoWorkItem)
				{
				    PPFX_LISTENER Listener = (PPFX_LISTENER)Context;
				    NTSTATUS Status;
				    KIRQL OldIrql;

				    UNREFERENCED_PARAMETER(IoObject);
				    UNREFERENCED_PARAMETER(IoWorkItem);
				    PAGED_CODE();

				    Pfx_ListenerLock(Listener);
				"""));
		w.indent();
		closeUnderRundown(w);
		w.lines(n.expand("""
				if (!Listener->Stopping) {
				    Status = Listener->Open(Listener);
				    if (!NT_SUCCESS(Status)) {
				        DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
				                   "Pfx: listener %s recreate failed 0x%08lx\\n",
				                   Listener->Name, (ULONG)Status);
				"""));
		w.indent().indent();
		closeUnderRundown(w);
		w.dedent().dedent();
		w.lines(n.expand("""
				    }
				}
				Pfx_ListenerUnlock(Listener);

				KeAcquireSpinLock(&Listener->Lock, &OldIrql);
				Listener->RecreatePending = FALSE;
				KeSetEvent(&Listener->RecreateIdle, IO_NO_INCREMENT, FALSE);
				KeReleaseSpinLock(&Listener->Lock, OldIrql);
				"""));
		w.dedent();
		w.line("}");
		w.blank();
	}

	/** Close inside the recreate worker: no rundown-protected WSK call may run on the socket. */
	private void closeUnderRundown(CodeWriter w) {
		if (facts.rundown()) {
			w.line("ExWaitForRundownProtectionRelease(&Listener->Rundown);");
		}
		w.line(n.expand("Pfx_ListenerClose(Listener);"));
		if (facts.rundown()) {
			w.line("ExReInitializeRundownProtection(&Listener->Rundown);");
		}
	}

	private void stop(CodeWriter w) {
		w.lines(n.expand("""
				/*
				 * Stops a listener (also one that never started):
				 *  1. Stopping under the lock: no recreate, no new pend, no re-arm;
				"""));
		int step = 2;
		if (facts.event) {
			w.line(" *  " + step++ + ". wait for a pending recreate worker, free the work item;");
		}
		if (facts.rundown()) {
			w.line(" *  " + step++ + ". wait for the rundown: no WskAccept or WskInspectComplete in progress or to come;");
		}
		if (facts.irp) {
			w.line(" *  " + step++ + ". disarm: cancel each slot's retry timer, or its queued accept IRP (the");
			w.line(" *     completion retires the slot), then flush the retry DPCs;");
		}
		if (facts.perSocketEvents) {
			w.line(" *  " + step++ + ". disable WskAcceptEvent (waits for running calls);");
		}
		if (facts.conditional) {
			w.line(" *  " + step + ". WskCloseSocket (waits for running callbacks; its sweep cancels the");
			w.line(" *     pend timeouts), flush the timeout DPCs, free the control IRP.");
		} else {
			w.line(" *  " + step + ". WskCloseSocket (waits for running callbacks), free the control IRP.");
		}
		w.line(n.expand(" * IRPs completing after this return are drained by Pfx_Shutdown."));
		w.line(" */");
		w.lines(n.expand("""
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ListenerStop(_Inout_ PPFX_LISTENER Listener)
				{
				"""));
		w.indent();
		w.line("KIRQL OldIrql;");
		w.blank();
		w.lines("""
				KeAcquireSpinLock(&Listener->Lock, &OldIrql);
				InterlockedExchange(&Listener->Stopping, 1);
				KeReleaseSpinLock(&Listener->Lock, OldIrql);

				""");
		if (facts.event) {
			w.lines("""
					(VOID)KeWaitForSingleObject(&Listener->RecreateIdle, Executive, KernelMode,
					                            FALSE, NULL);
					if (Listener->RecreateWorkItem != NULL) {
					    IoFreeWorkItem(Listener->RecreateWorkItem);
					    Listener->RecreateWorkItem = NULL;
					}

					""");
		}
		w.line(n.expand("Pfx_ListenerLock(Listener);"));
		if (facts.rundown()) {
			w.line("ExWaitForRundownProtectionRelease(&Listener->Rundown);");
		}
		if (facts.irp) {
			w.line(n.expand("Pfx_ListenerDisarm(Listener);"));
		}
		if (facts.perSocketEvents) {
			w.lines(n.expand("""
					if (Listener->Socket != NULL && Listener->AcceptEventEnabled) {
					    Pfx_ListenerDisableAccept(Listener);
					}
					"""));
		}
		w.line(n.expand("Pfx_ListenerClose(Listener);"));
		if (facts.conditional) {
			w.line("KeFlushQueuedDpcs();          /* a pend timeout that expired before the sweep has run */");
		}
		w.lines(n.expand("""
				if (Listener->ControlIrp != NULL) {
				    Pfx_FreeIrp(Listener->ControlIrp);
				    Listener->ControlIrp = NULL;
				}
				Pfx_ListenerUnlock(Listener);
				"""));
		w.dedent();
		w.line("}");
		w.blank();
	}
}

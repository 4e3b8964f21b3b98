package org.wskstudio.wsk.generator.c;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.AcceptRearm;
import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.model.WskListener;

/**
 * Section 5 of the source, for listeners that accept by IRP: N slots per listener, each with
 * an accept IRP ({@code IoAllocateIrp(1, FALSE)} through Pfx_AllocateIrp) and a preallocated
 * connection context; {@code IoSetCompletionRoutine(..., TRUE, TRUE, TRUE)}; the completion
 * routine returns STATUS_MORE_PROCESSING_REQUIRED and hands the IRP to Pfx_AcceptDone, which
 * frees it ("free") or keeps it for IoReuseIrp ("reuse") and re-arms. An arm that finds no
 * memory sets the slot's one-shot retry timer, whose DPC tries again after the back-off
 * ({@link AcceptRearm}); a failed or cancelled accept and a stopping listener retire the slot
 * (free what it holds). Disarming on unload cancels the retry timers, flushes their DPCs and
 * cancels the queued IRPs by the IRPLOCK protocol, so IoCancelIrp never sees a freed IRP.
 */
final class IrpAcceptSection {

	private final DriverFacts facts;
	private final CNaming n;

	IrpAcceptSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		String from = facts.listeners.stream().filter(DriverFacts::isIrp).map(WskListener::getAcceptMode)
				.map(CTrace::of).collect(Collectors.joining(", "));
		w.section("5. IRP accept runtime");
		w.comment("from " + from + ": retires a slot, freeing what it holds; it is never armed again.");
		w.lines(n.expand("""
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_SlotRetire(_Inout_ PPFX_ACCEPT_SLOT Slot)
				{
				    if (Slot->Irp != NULL) {
				        Pfx_FreeIrp(Slot->Irp);
				        Slot->Irp = NULL;
				    }
				    if (Slot->Connection != NULL) {
				        Pfx_ConnectionFree(Slot->Connection);
				        Slot->Connection = NULL;
				    }
				    InterlockedExchange(&Slot->State, PfxSlotIdle);
				}

				/* An arm found no memory (STATUS_INSUFFICIENT_RESOURCES): the slot keeps
				 * what it has, waits Idle (no IRP with WSK) and tries again from the DPC
				 * of its one-shot timer, after PFX_REARM_RETRY_FIRST_MS, then twice as
				 * long after each further failure, at most PFX_REARM_RETRY_MAX_MS.  Called
				 * by the owner of the arm loop (the only one to touch RetryDelayMs) under
				 * the listener's rundown protection, so that Stop, once its rundown wait
				 * returns, finds every retry timer that will ever be set already set, and
				 * can cancel it. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_SlotRetryLater(_Inout_ PPFX_ACCEPT_SLOT Slot)
				{
				    LARGE_INTEGER DueTime;

				    if (Slot->RetryDelayMs == 0) {
				        Slot->RetryDelayMs = PFX_REARM_RETRY_FIRST_MS;
				    } else if (Slot->RetryDelayMs < PFX_REARM_RETRY_MAX_MS / 2) {
				        Slot->RetryDelayMs *= 2;
				    } else {
				        Slot->RetryDelayMs = PFX_REARM_RETRY_MAX_MS;
				    }
				    DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_WARNING_LEVEL,
				               "Pfx: listener %s: no memory to re-arm an accept, retrying in %lu ms\\n",
				               Slot->Listener->Name, Slot->RetryDelayMs);
				    InterlockedExchange(&Slot->State, PfxSlotIdle);
				    DueTime.QuadPart = -(LONGLONG)Slot->RetryDelayMs * 10000;  /* relative, 100 ns */
				    /* Last: once set, the slot belongs to the timer and its DPC. */
				    (VOID)KeSetTimer(&Slot->RetryTimer, DueTime, &Slot->RetryDpc);
				}

				/* Hands the slot's IRP to WskAccept once.  Returns FALSE if it did not:
				 * the slot was retired (listener stopping), or an allocation failed and
				 * the slot's retry timer is set (the timer's DPC takes over the arm). */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static BOOLEAN
				Pfx_ArmSlotOnce(_Inout_ PPFX_ACCEPT_SLOT Slot)
				{
				    PPFX_LISTENER Listener = Slot->Listener;

				    /* No WskAccept may start once Stop waits for the rundown: the socket
				     * must not be in use when WskCloseSocket is called. */
				    if (!ExAcquireRundownProtection(&Listener->Rundown)) {
				        Pfx_SlotRetire(Slot);
				        return FALSE;
				    }
				    if (Slot->Irp == NULL) {                /* first arm, or "free" mode */
				        Slot->Irp = Pfx_AllocateIrp();
				    }
				    if (Slot->Connection == NULL) {         /* first arm, or previous one consumed */
				        Slot->Connection = Pfx_ConnectionAllocate(Listener, PfxConnStarting);
				    }
				    if (Slot->Irp == NULL || Slot->Connection == NULL) {
				        Pfx_SlotRetryLater(Slot);           /* before the rundown release, see there */
				        ExReleaseRundownProtection(&Listener->Rundown);
				        return FALSE;
				    }

				    Slot->RetryDelayMs = 0;                 /* the next failure starts the back-off over */
				    IoReuseIrp(Slot->Irp, STATUS_UNSUCCESSFUL);
				    IoSetCompletionRoutine(Slot->Irp, Pfx_AcceptComplete, Slot, TRUE, TRUE, TRUE);
				    InterlockedExchange(&Slot->State, PfxSlotQueued);
				    (VOID)Listener->Dispatch->WskAccept(
				        Listener->Socket,
				        0,                                  /* Flags: reserved */
				        Slot->Connection,                   /* AcceptSocketContext */
				        Listener->ConnectionDispatch,       /* AcceptSocketDispatch */
				        NULL,                               /* LocalAddress: not needed */
				        (PSOCKADDR)&Slot->RemoteAddress,
				        Slot->Irp);
				    /* The IRP now belongs to WSK and then to the completion routine; this
				     * path does not touch the slot again. */
				    ExReleaseRundownProtection(&Listener->Rundown);
				    return TRUE;
				}

				/* The arm loop, run by the one caller that owns it: arms until no request
				 * is left.  When an arm fails the loop ends with ArmRequests left above 0,
				 * so later requests only count: the slot is retired (nothing left that
				 * could ask again), or its retry timer owns the loop and its DPC resumes
				 * it here. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_ArmSlotLoop(_Inout_ PPFX_ACCEPT_SLOT Slot)
				{
				    do {
				        if (!Pfx_ArmSlotOnce(Slot)) {
				            return;     /* retired, or handed over to the retry timer */
				        }
				    } while (InterlockedDecrement(&Slot->ArmRequests) != 0);
				}

				/*
				 * Arms a slot.  A WskAccept that finds a waiting connection completes
				 * inside the call, and its completion routine re-arms: without care that
				 * recursion is unbounded under a connection burst.  ArmRequests makes
				 * exactly one caller loop; a nested or concurrent request only increments
				 * the counter and the looping caller performs it.
				 */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_ArmSlot(_Inout_ PPFX_ACCEPT_SLOT Slot)
				{
				    if (InterlockedIncrement(&Slot->ArmRequests) != 1) {
				        return;
				    }
				    Pfx_ArmSlotLoop(Slot);
				}

				/* The retry of an arm that found no memory, after the slot's back-off, at
				 * DISPATCH_LEVEL (IoAllocateIrp, non-paged pool and WskAccept are legal
				 * there).  It owns the slot's arm loop, which the failed arm handed over;
				 * during unload it cannot acquire the rundown and retires the slot. */
				_Use_decl_annotations_
				static VOID
				Pfx_RearmDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
				             PVOID SystemArgument2)
				{
				    UNREFERENCED_PARAMETER(Dpc);
				    UNREFERENCED_PARAMETER(SystemArgument1);
				    UNREFERENCED_PARAMETER(SystemArgument2);

				    Pfx_ArmSlotLoop((PPFX_ACCEPT_SLOT)DeferredContext);
				}

				/* Processing by the owner of a completed accept IRP (the completion
				 * routine, or Pfx_CancelSlot after a cancel race).  Every completed IRP
				 * passes here exactly once and is then either re-armed ("reuse"), freed
				 * ("free"), or freed by the retirement. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_AcceptDone(_Inout_ PPFX_ACCEPT_SLOT Slot, _In_ PIRP Irp)
				{
				    PPFX_LISTENER Listener = Slot->Listener;
				    NTSTATUS Status = Irp->IoStatus.Status;

				    if (NT_SUCCESS(Status)) {
				        PPFX_CONNECTION Connection = Slot->Connection;

				        Slot->Connection = NULL;            /* owned by the accepted socket now */
				        InterlockedIncrement(&Listener->AcceptedCount);
				        Pfx_ConnectionStart(Connection, (PWSK_SOCKET)Irp->IoStatus.Information,
				                            (PSOCKADDR)&Slot->RemoteAddress);
				    }

				    if (!Listener->ReuseIrp) {
				        /* accept by irp ... free: this IRP is done; the next WskAccept of
				         * the slot gets a new one. */
				        Slot->Irp = NULL;
				        Pfx_FreeIrp(Irp);
				    }
				    /* accept by irp ... reuse: Slot->Irp stays for IoReuseIrp. */

				    if (NT_SUCCESS(Status) && !Listener->Stopping) {
				        Pfx_ArmSlot(Slot);
				    } else {
				        /* Cancelled (unload) or failed: a failing listener would fail
				         * every re-arm at once, so the slot retires instead of spinning. */
				        Pfx_SlotRetire(Slot);
				    }
				}

				_Use_decl_annotations_
				static NTSTATUS
				Pfx_AcceptComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
				{
				    PPFX_ACCEPT_SLOT Slot = (PPFX_ACCEPT_SLOT)Context;

				    UNREFERENCED_PARAMETER(DeviceObject);

				    if (InterlockedExchange(&Slot->State, PfxSlotCompleted) == PfxSlotCancelling) {
				        /* Pfx_CancelSlot is inside IoCancelIrp(Irp): it owns the IRP now
				         * and runs Pfx_AcceptDone when IoCancelIrp returns. */
				        return STATUS_MORE_PROCESSING_REQUIRED;
				    }
				    Pfx_AcceptDone(Slot, Irp);
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				/* Cancels a queued accept IRP without racing its completion. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_CancelSlot(_Inout_ PPFX_ACCEPT_SLOT Slot)
				{
				    if (InterlockedCompareExchange(&Slot->State, PfxSlotCancelling,
				                                   PfxSlotQueued) != PfxSlotQueued) {
				        return;     /* Idle, or its completion routine already owns the IRP */
				    }
				    /* While the state is Cancelling the completion routine leaves the IRP
				     * alone, so Slot->Irp cannot be freed under IoCancelIrp. */
				    (VOID)IoCancelIrp(Slot->Irp);
				    if (InterlockedExchange(&Slot->State, PfxSlotCancelDone) == PfxSlotCompleted) {
				        Pfx_AcceptDone(Slot, Slot->Irp);    /* it completed meanwhile */
				    }
				}

				/* Arms every slot ("queue N"); a listener that is not IRP-mode has none. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ListenerArm(_Inout_ PPFX_LISTENER Listener)
				{
				    ULONG Index;

				    for (Index = 0; Index < Listener->SlotCount; Index++) {
				        Pfx_ArmSlot(&Listener->Slots[Index]);
				    }
				}

				/*
				 * Stop's part for the slots, after the rundown wait: no arm starts any
				 * more, and every retry timer that will ever be set is set.  Per slot:
				 *  - its retry timer cancelled before it expired: the DPC never runs and
				 *    the slot, waiting for it, has no IRP queued; its arm loop ends here,
				 *    so retire the slot;
				 *  - otherwise cancel its queued accept IRP, if any (its completion
				 *    retires the slot).  A retry whose timer had already expired finds
				 *    the slot Idle (Pfx_CancelSlot leaves it alone) and, without the
				 *    rundown, retires it itself.
				 * Then KeFlushQueuedDpcs: such a retry has run to its end before unload
				 * goes on to free what is left and the driver's code goes away.
				 */
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ListenerDisarm(_Inout_ PPFX_LISTENER Listener)
				{
				    ULONG Index;

				    if (Listener->SlotCount == 0) {
				        return;
				    }
				    for (Index = 0; Index < Listener->SlotCount; Index++) {
				        if (KeCancelTimer(&Listener->Slots[Index].RetryTimer)) {
				            Pfx_SlotRetire(&Listener->Slots[Index]);
				        } else {
				            Pfx_CancelSlot(&Listener->Slots[Index]);
				        }
				    }
				    KeFlushQueuedDpcs();
				}

				"""));
	}
}

package org.wskstudio.wsk.generator.java;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.AcceptRearm;
import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 5, for listeners that accept by IRP: N slots per listener, each with an accept IRP
 * and a preallocated connection context; the completion routine hands the IRP to AcceptDone,
 * which frees it ("free") or keeps it for IoReuseIrp ("reuse") and re-arms. An arm that finds no
 * memory sets the slot's one-shot retry timer, whose DPC tries again after the back-off
 * ({@link AcceptRearm}); a failed or cancelled accept and a stopping listener retire the slot.
 * Disarming on unload cancels the retry timers, flushes their DPCs, then cancels the queued IRPs.
 */
final class IrpAcceptSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	IrpAcceptSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		w.section("5. IRP accept runtime");
		w.doc("from " + facts.irpListeners().stream().map(l -> JavaLiterals.of(l.getAcceptMode()))
				.collect(Collectors.joining(", ")) + ": retires a slot, freeing what it holds; it is never armed again.");
		w.lines(n.expand("""
				private void Pfx_SlotRetire(AcceptSlot Slot) {
				    if (Slot.Irp != null) {
				        Pfx_FreeIrp(Slot.Irp);
				        Slot.Irp = null;
				    }
				    if (Slot.Connection != null) {
				        Pfx_ConnectionFree(Slot.Connection);
				        Slot.Connection = null;
				    }
				    Slot.State = PFX_SLOT_IDLE;
				}

				/**
				 * An arm found no memory (STATUS_INSUFFICIENT_RESOURCES): the slot keeps what it has, waits Idle
				 * and tries again from the DPC of its one-shot timer, after PFX_REARM_RETRY_FIRST_MS, then twice as
				 * long after each further failure, at most PFX_REARM_RETRY_MAX_MS. Called by the arm loop's owner
				 * under the rundown reference, so that Stop, once its rundown wait returns, finds every retry
				 * timer set.
				 */
				private void Pfx_SlotRetryLater(AcceptSlot Slot) {
				    if (Slot.RetryDelayMs == 0) {
				        Slot.RetryDelayMs = PFX_REARM_RETRY_FIRST_MS;
				    } else if (Slot.RetryDelayMs < PFX_REARM_RETRY_MAX_MS / 2) {
				        Slot.RetryDelayMs *= 2;
				    } else {
				        Slot.RetryDelayMs = PFX_REARM_RETRY_MAX_MS;
				    }
				    k.SimLog("listener " + Slot.Listener.Name + ": no memory to re-arm an accept, retrying in "
				            + Slot.RetryDelayMs + " ms");
				    Slot.State = PFX_SLOT_IDLE;
				    // Last: once set, the slot belongs to the timer and its DPC.
				    k.KeSetTimer(Slot.RetryTimer, RELATIVE_MS(Slot.RetryDelayMs), Slot.RetryDpc);
				}

				/**
				 * Hands the slot's IRP to WskAccept once; FALSE if it did not: the slot was retired (listener
				 * stopping), or an allocation failed and the retry timer's DPC takes over the arm.
				 */
				private boolean Pfx_ArmSlotOnce(AcceptSlot Slot) {
				    Listener Listener = Slot.Listener;
				    // No WskAccept may start once Stop waits for the rundown.
				    if (!Pfx_RundownAcquire(Listener)) {
				        Pfx_SlotRetire(Slot);
				        return FALSE;
				    }
				    if (Slot.Irp == null) {                     // first arm, or "free" mode
				        Slot.Irp = Pfx_AllocateIrp();
				    }
				    if (Slot.Connection == null) {              // first arm, or the previous one was consumed
				        Slot.Connection = Pfx_ConnectionAllocate(Listener, PFX_CONN_STARTING);
				    }
				    if (Slot.Irp == null || Slot.Connection == null) {
				        Pfx_SlotRetryLater(Slot);               // before the rundown release, see there
				        Pfx_RundownRelease(Listener);
				        return FALSE;
				    }
				    Slot.RetryDelayMs = 0;                      // the next failure starts the back-off over
				    k.IoReuseIrp(Slot.Irp, STATUS_UNSUCCESSFUL);
				    k.IoSetCompletionRoutine(Slot.Irp, this::Pfx_AcceptComplete, Slot, TRUE, TRUE, TRUE);
				    Slot.State = PFX_SLOT_QUEUED;
				    Listener.Dispatch.WskAccept(Listener.Socket, 0, Slot.Connection, Listener.ConnectionDispatch, null,
				            Slot.RemoteAddress, Slot.Irp);
				    // The IRP now belongs to WSK and then to the completion routine.
				    Pfx_RundownRelease(Listener);
				    return TRUE;
				}

				/**
				 * The arm loop, run by the one caller that owns it. When an arm fails the loop ends with
				 * ArmRequests left above 0, so later requests only count: the slot is retired, or its retry
				 * timer owns the loop and its DPC resumes it here.
				 */
				private void Pfx_ArmSlotLoop(AcceptSlot Slot) {
				    do {
				        if (!Pfx_ArmSlotOnce(Slot)) {
				            return;                             // retired, or handed over to the retry timer
				        }
				    } while (--Slot.ArmRequests != 0);
				}

				/**
				 * Arms a slot. A WskAccept that finds a waiting connection completes inside the call, and its
				 * completion routine re-arms: ArmRequests makes exactly one caller loop instead of recursing.
				 */
				private void Pfx_ArmSlot(AcceptSlot Slot) {
				    if (++Slot.ArmRequests != 1) {
				        return;
				    }
				    Pfx_ArmSlotLoop(Slot);
				}

				/**
				 * The retry of an arm that found no memory, after the slot's back-off, at DISPATCH_LEVEL. It owns
				 * the slot's arm loop, which the failed arm handed over; during unload it cannot acquire the
				 * rundown and retires the slot.
				 */
				private void Pfx_RearmDpc(KDpc Dpc, Object DeferredContext, Object SystemArgument1, Object SystemArgument2) {
				    Pfx_ArmSlotLoop((AcceptSlot) DeferredContext);
				}

				/**
				 * The owner of a completed accept IRP (the completion routine, or CancelSlot after a cancel
				 * race): every completed IRP passes here exactly once and is re-armed ("reuse"), freed
				 * ("free") or freed by the retirement.
				 */
				private void Pfx_AcceptDone(AcceptSlot Slot, Irp Irp) {
				    Listener Listener = Slot.Listener;
				    int Status = Irp.IoStatus.Status;
				    if (NT_SUCCESS(Status)) {
				        Connection Connection = Slot.Connection;
				        Slot.Connection = null;                 // owned by the accepted socket now
				        Listener.AcceptedCount++;
				        Pfx_ConnectionStart(Connection, (WskSocket) Irp.IoStatus.Information, Slot.RemoteAddress.value);
				    }
				    if (!Listener.ReuseIrp) {
				        // accept by irp ... free: this IRP is done; the next WskAccept gets a new one.
				        Slot.Irp = null;
				        Pfx_FreeIrp(Irp);
				    }
				    // accept by irp ... reuse: Slot.Irp stays for IoReuseIrp.
				    if (NT_SUCCESS(Status) && !Listener.Stopping) {
				        Pfx_ArmSlot(Slot);
				    } else {
				        // Cancelled (unload) or failed: re-arming would fail at once, so the slot retires.
				        Pfx_SlotRetire(Slot);
				    }
				}

				private int Pfx_AcceptComplete(Object DeviceObject, Irp Irp, Object Context) {
				    AcceptSlot Slot = (AcceptSlot) Context;
				    int Previous = Slot.State;
				    Slot.State = PFX_SLOT_COMPLETED;
				    if (Previous == PFX_SLOT_CANCELLING) {
				        // CancelSlot is inside IoCancelIrp(Irp): it owns the IRP now.
				        return STATUS_MORE_PROCESSING_REQUIRED;
				    }
				    Pfx_AcceptDone(Slot, Irp);
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				/** Cancels a queued accept IRP without racing its completion (the IRPLOCK pattern). */
				private void Pfx_CancelSlot(AcceptSlot Slot) {
				    if (Slot.State != PFX_SLOT_QUEUED) {
				        return;                                 // Idle, or its completion routine owns the IRP
				    }
				    Slot.State = PFX_SLOT_CANCELLING;
				    k.IoCancelIrp(Slot.Irp);
				    int Previous = Slot.State;
				    Slot.State = PFX_SLOT_CANCEL_DONE;
				    if (Previous == PFX_SLOT_COMPLETED) {
				        Pfx_AcceptDone(Slot, Slot.Irp);         // it completed meanwhile
				    }
				}

				/** Arms every slot ("queue N"); a listener that is not IRP-mode has none. */
				private void Pfx_ListenerArm(Listener Listener) {
				    for (AcceptSlot Slot : Listener.Slots) {
				        Pfx_ArmSlot(Slot);
				    }
				}

				/**
				 * Stop's part for the slots, after the rundown wait (no arm starts any more; every retry timer
				 * that will ever be set is set). A slot whose retry timer is cancelled before it expired has no
				 * IRP queued and its DPC never runs: it retires here. Any other slot has its queued accept IRP
				 * cancelled, if any; a retry whose timer already expired finds the slot Idle and, without the
				 * rundown, retires it itself. KeFlushQueuedDpcs lets such a retry run to its end before unload.
				 */
				private void Pfx_ListenerDisarm(Listener Listener) {
				    if (Listener.Slots == null) {
				        return;
				    }
				    for (AcceptSlot Slot : Listener.Slots) {
				        if (k.KeCancelTimer(Slot.RetryTimer)) {
				            Pfx_SlotRetire(Slot);
				        } else {
				            Pfx_CancelSlot(Slot);
				        }
				    }
				    k.KeFlushQueuedDpcs();
				}
				"""));
	}
}

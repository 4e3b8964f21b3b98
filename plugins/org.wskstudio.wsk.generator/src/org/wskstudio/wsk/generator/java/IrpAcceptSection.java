package org.wskstudio.wsk.generator.java;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 5, for listeners that accept by IRP: N slots per listener, each with an accept IRP
 * and a preallocated connection context; the completion routine hands the IRP to AcceptDone,
 * which frees it ("free") or keeps it for IoReuseIrp ("reuse") and re-arms; allocation failure,
 * a failed or cancelled accept and a stopping listener retire the slot.
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

				/** Hands the slot's IRP to WskAccept once; FALSE if the slot was retired instead. */
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
				        Pfx_RundownRelease(Listener);
				        Pfx_SlotRetire(Slot);                   // STATUS_INSUFFICIENT_RESOURCES
				        return FALSE;
				    }
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
				 * Arms a slot. A WskAccept that finds a waiting connection completes inside the call, and its
				 * completion routine re-arms: ArmRequests makes exactly one caller loop instead of recursing.
				 */
				private void Pfx_ArmSlot(AcceptSlot Slot) {
				    if (++Slot.ArmRequests != 1) {
				        return;
				    }
				    do {
				        if (!Pfx_ArmSlotOnce(Slot)) {
				            return;                             // retired
				        }
				    } while (--Slot.ArmRequests != 0);
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
				"""));
	}
}

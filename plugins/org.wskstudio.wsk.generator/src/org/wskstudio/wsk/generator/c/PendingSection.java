package org.wskstudio.wsk.generator.c;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 7 of the source, for conditional accept: the pending-inspection runtime. A table per
 * listener holds copies of the WSK_INSPECT_ID and both addresses of each pended request; it is
 * completed by WskInspectComplete from the deferred check or from the entry's own timeout timer
 * (the rule's "else" action; the design is {@link org.wskstudio.wsk.generator.common.PendTimeout}),
 * WskAbortEvent matches by content and removes the entry, and the sweep runs after every close.
 * The Java twin's {@code java.PendingSection} is its pair.
 */
final class PendingSection {

	private final DriverFacts facts;
	private final CNaming n;

	PendingSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		String from = facts.conditionalListeners().stream().map(CTrace::of).collect(Collectors.joining(", "));
		w.section("7. pending-inspection runtime (pend ... with check ...)");
		w.comment("from the pend rules of " + from + ": finds an Announcing or Waiting entry by inspect-ID"
				+ " content (and, for a check's answer, by the check that was started).");
		w.lines(n.expand("""
				_Requires_lock_held_(Listener->PendingLock)
				static PPFX_PENDING
				Pfx_PendingFind(
				    _In_ PPFX_LISTENER Listener,
				    _In_ CONST WSK_INSPECT_ID *InspectId,
				    _In_opt_ PPFX_CHECK_START Check)
				{
				    ULONG Index;

				    for (Index = 0; Index < Listener->PendingCount; Index++) {
				        PPFX_PENDING Entry = &Listener->Pending[Index];

				        if ((Entry->State == PfxPendingAnnouncing ||
				             Entry->State == PfxPendingWaiting) &&
				            Entry->InspectId.Key == InspectId->Key &&
				            Entry->InspectId.SerialNumber == InspectId->SerialNumber &&
				            (Check == NULL || Entry->Rule->StartCheck == Check)) {
				            return Entry;
				        }
				    }
				    return NULL;
				}

				/* An entry turns Waiting (caller holds PendingLock): its deadline and
				 * its one-shot timer, set in the same step so that no answer can free
				 * and reuse the entry in between.  The deadline is taken before the
				 * timer is set, so the timer never expires before it. */
				_IRQL_requires_(DISPATCH_LEVEL)
				static VOID
				Pfx_PendingStartTimer(_Inout_ PPFX_PENDING Entry)
				{
				    LARGE_INTEGER DueTime;

				    Entry->State = PfxPendingWaiting;
				    if (Entry->Rule->TimeoutMs != 0) {
				        Entry->Deadline = KeQueryInterruptTime() +
				            (ULONGLONG)Entry->Rule->TimeoutMs * PFX_INTERRUPT_TIME_PER_MS;
				        DueTime.QuadPart = -(LONGLONG)Entry->Rule->TimeoutMs * PFX_INTERRUPT_TIME_PER_MS;
				        (VOID)KeSetTimer(&Entry->Timer, DueTime, &Entry->TimeoutDpc);
				    }
				}

				/* An entry leaves Waiting (caller holds PendingLock): its timeout no
				 * longer applies.  A DPC that the expiry already queued still runs and
				 * finds the entry in another state, or reused and not yet due. */
				_IRQL_requires_(DISPATCH_LEVEL)
				static VOID
				Pfx_PendingStopTimer(_Inout_ PPFX_PENDING Entry)
				{
				    if (Entry->Rule->TimeoutMs != 0) {
				        (VOID)KeCancelTimer(&Entry->Timer);
				    }
				}

				/* Hands a Completing entry's IRP to WskInspectComplete.  The caller holds
				 * the listener rundown (so the socket cannot be closed under the call);
				 * Listener->Socket is the socket the entry was pended on: entries never
				 * outlive their socket (Pfx_PendingSweep after every close). */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_PendingIssueComplete(
				    _In_ PPFX_LISTENER Listener,
				    _Inout_ PPFX_PENDING Entry,
				    _In_ WSK_INSPECT_ACTION Action)
				{
				    PIRP Irp = Entry->CompleteIrp;

				    Entry->CompleteIrp = NULL;              /* the completion routine frees it */
				    Entry->CompleteAction = Action;         /* counted there, if WSK took it */
				    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
				    IoSetCompletionRoutine(Irp, Pfx_InspectCompleteDone, Entry, TRUE, TRUE, TRUE);
				    (VOID)Listener->Dispatch->WskInspectComplete(Listener->Socket, &Entry->InspectId,
				                                                 Action, Irp);
				}

				/* WskInspectComplete finished: count what it decided (an accept is
				 * counted when the socket is handed over), free its IRP, release the
				 * table entry. */
				_Use_decl_annotations_
				static NTSTATUS
				Pfx_InspectCompleteDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
				{
				    PPFX_PENDING Entry = (PPFX_PENDING)Context;
				    PPFX_LISTENER Listener = Entry->Listener;
				    KIRQL OldIrql;

				    UNREFERENCED_PARAMETER(DeviceObject);

				    if (NT_SUCCESS(Irp->IoStatus.Status)) {
				        if (Entry->TimedOut) {
				            InterlockedIncrement(&Listener->TimedOutCount);
				        } else if (Entry->CompleteAction == WskInspectReject) {
				            InterlockedIncrement(&Listener->RejectedCount);
				        }
				    }

				    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
				    Entry->State = PfxPendingFree;
				    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

				    Pfx_FreeIrp(Irp);
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				/*
				 * Stores a pended inspection (ID and both addresses by value), starts the
				 * check, and returns what WskInspectEvent must return.  The IRP for the
				 * later WskInspectComplete is allocated first; a full table or a failed
				 * allocation rejects at once (fail closed).
				 */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static WSK_INSPECT_ACTION
				Pfx_PendInspection(
				    _In_ PPFX_LISTENER Listener,
				    _In_ CONST PFX_RULE *Rule,
				    _In_ CONST WSK_INSPECT_ID *InspectId,
				    _In_ CONST SOCKADDR *LocalAddress,
				    _In_ CONST SOCKADDR *RemoteAddress)
				{
				    PPFX_PENDING Entry = NULL;
				    WSK_INSPECT_ACTION Decision;
				    PIRP Irp;
				    PIRP Unused = NULL;
				    KIRQL OldIrql;
				    ULONG Index;

				    Irp = Pfx_AllocateIrp();
				    if (Irp == NULL) {
				        return WskInspectReject;
				    }

				    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
				    if (!Listener->Stopping) {
				        for (Index = 0; Index < Listener->PendingCount; Index++) {
				            if (Listener->Pending[Index].State == PfxPendingFree) {
				                Entry = &Listener->Pending[Index];
				                break;
				            }
				        }
				    }
				    if (Entry != NULL) {
				        Entry->State = PfxPendingAnnouncing;
				        Entry->InspectId = *InspectId;
				        Pfx_CopyAddress(&Entry->LocalAddress, LocalAddress);
				        Pfx_CopyAddress(&Entry->RemoteAddress, RemoteAddress);
				        Entry->Deadline = MAXULONGLONG;
				        Entry->Rule = Rule;
				        Entry->EarlyAction = WskInspectMax;
				        Entry->CompleteIrp = Irp;
				        Entry->CompleteAction = WskInspectMax;
				        Entry->TimedOut = FALSE;
				    }
				    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

				    if (Entry == NULL) {
				        Pfx_FreeIrp(Irp);                   /* table full, or stopping */
				        return WskInspectReject;
				    }

				    /* Start the check outside the lock; an answer given synchronously by
				     * the hook is recorded as EarlyAction (the entry is Announcing). */
				    Rule->StartCheck(InspectId, LocalAddress, RemoteAddress);

				    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
				    if (Entry->EarlyAction != WskInspectMax) {
				        Decision = Entry->EarlyAction;
				        Unused = Entry->CompleteIrp;
				        Entry->CompleteIrp = NULL;
				        Entry->State = PfxPendingFree;
				    } else {
				        Decision = WskInspectPend;
				        Pfx_PendingStartTimer(Entry);
				    }
				    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

				    if (Unused != NULL) {
				        Pfx_FreeIrp(Unused);
				    }
				    return Decision;
				}

				/* WskInspectEvent's decision: first matching rule (none: reject); a pend
				 * that cannot be stored becomes a reject. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static WSK_INSPECT_ACTION
				Pfx_InspectConnection(
				    _In_ PPFX_LISTENER Listener,
				    _In_ CONST PFX_CLASSIFIER *Classifier,
				    _In_ CONST SOCKADDR *LocalAddress,
				    _In_ CONST SOCKADDR *RemoteAddress,
				    _In_ CONST WSK_INSPECT_ID *InspectId)
				{
				    CONST PFX_RULE *Rule = Pfx_Evaluate(Classifier, LocalAddress, RemoteAddress);
				    WSK_INSPECT_ACTION Decision = WskInspectReject;

				    if (Rule != NULL) {
				        Decision = Rule->Action;
				        if (Decision == WskInspectPend) {
				            Decision = Pfx_PendInspection(Listener, Rule, InspectId,
				                                          LocalAddress, RemoteAddress);
				        }
				    }

				    /* An accept is counted when the socket is handed over, not here. */
				    switch (Decision) {
				    case WskInspectAccept:
				        return WskInspectAccept;
				    case WskInspectPend:
				        InterlockedIncrement(&Listener->PendedCount);
				        return WskInspectPend;
				    case WskInspectReject:
				    case WskInspectMax:
				    default:
				        InterlockedIncrement(&Listener->RejectedCount);
				        return WskInspectReject;
				    }
				}

				"""));
		if (facts.checks) {
			w.lines(n.expand("""
					/* Applies a check's answer to a pending inspection. */
					_IRQL_requires_max_(DISPATCH_LEVEL)
					static NTSTATUS
					Pfx_CompleteInspection(
					    _In_ PPFX_LISTENER Listener,
					    _In_ CONST WSK_INSPECT_ID *InspectId,
					    _In_ PPFX_CHECK_START Check,
					    _In_ WSK_INSPECT_ACTION Action)
					{
					    PPFX_PENDING Entry;
					    BOOLEAN Issue = FALSE;
					    KIRQL OldIrql;

					    if (Action != WskInspectAccept && Action != WskInspectReject) {
					        return STATUS_INVALID_PARAMETER;    /* only these two are valid */
					    }
					    if (!ExAcquireRundownProtection(&Listener->Rundown)) {
					        return STATUS_DEVICE_NOT_READY;     /* closing: WSK disposes of it */
					    }

					    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
					    Entry = Pfx_PendingFind(Listener, InspectId, Check);
					    if (Entry != NULL) {
					        if (Entry->State == PfxPendingAnnouncing) {
					            Entry->EarlyAction = Action;    /* WskInspectEvent returns it */
					        } else {
					            Pfx_PendingStopTimer(Entry);
					            Entry->State = PfxPendingCompleting;
					            Issue = TRUE;
					        }
					    }
					    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

					    if (Issue) {
					        Pfx_PendingIssueComplete(Listener, Entry, Action);
					    }
					    ExReleaseRundownProtection(&Listener->Rundown);
					    return (Entry != NULL) ? STATUS_SUCCESS : STATUS_NOT_FOUND;
					}

					"""));
		}
		w.lines(n.expand("""
				/* WskAbortEvent: drop the entry with the same inspect-ID content. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_AbortInspection(_In_ PPFX_LISTENER Listener, _In_ CONST WSK_INSPECT_ID *InspectId)
				{
				    PPFX_PENDING Entry;
				    PIRP Irp = NULL;
				    BOOLEAN Dropped = FALSE;
				    KIRQL OldIrql;

				    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
				    Entry = Pfx_PendingFind(Listener, InspectId, NULL);
				    if (Entry != NULL) {
				        if (Entry->State == PfxPendingAnnouncing) {
				            /* Its WskInspectEvent is still running and owns the entry; it
				             * returns (and counts) the reject. */
				            Entry->EarlyAction = WskInspectReject;
				        } else {
				            Pfx_PendingStopTimer(Entry);
				            Irp = Entry->CompleteIrp;
				            Entry->CompleteIrp = NULL;
				            Entry->State = PfxPendingFree;
				            Dropped = TRUE;
				        }
				    }
				    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

				    if (Irp != NULL) {
				        Pfx_FreeIrp(Irp);
				    }
				    if (Dropped) {
				        InterlockedIncrement(&Listener->AbortedCount);
				    }
				}

				/* An entry's timeout timer expired: if the entry still waits and its
				 * deadline has come, WskInspectComplete with the rule's "else" action.
				 * Answered, aborted or swept meanwhile (KeCancelTimer came too late),
				 * or reused by a later pend that is not yet due: nothing to do. */
				_Use_decl_annotations_
				static VOID
				Pfx_TimeoutDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
				               PVOID SystemArgument2)
				{
				    PPFX_PENDING Entry = (PPFX_PENDING)DeferredContext;
				    PPFX_LISTENER Listener;
				    BOOLEAN Expired = FALSE;

				    UNREFERENCED_PARAMETER(Dpc);
				    UNREFERENCED_PARAMETER(SystemArgument1);
				    UNREFERENCED_PARAMETER(SystemArgument2);

				    if (Entry == NULL) {
				        return;
				    }
				    Listener = Entry->Listener;
				    if (!ExAcquireRundownProtection(&Listener->Rundown)) {
				        return;     /* socket being closed: the sweep disposes of the entry */
				    }
				    KeAcquireSpinLockAtDpcLevel(&Listener->PendingLock);
				    if (Entry->State == PfxPendingWaiting &&
				        Entry->Deadline <= KeQueryInterruptTime()) {
				        Entry->State = PfxPendingCompleting;
				        Entry->TimedOut = TRUE;
				        Expired = TRUE;
				    }
				    KeReleaseSpinLockFromDpcLevel(&Listener->PendingLock);

				    if (Expired) {
				        Pfx_PendingIssueComplete(Listener, Entry, Entry->Rule->TimeoutAction);
				    }
				    ExReleaseRundownProtection(&Listener->Rundown);
				}

				/* After a close: no Waiting entry can be completed any more; free them.
				 * (Completing entries are released by their IRP's completion routine;
				 * Announcing entries cannot exist: the close waited for the callbacks.) */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_PendingSweep(_In_ PPFX_LISTENER Listener)
				{
				    ULONG Index;

				    for (Index = 0; Index < Listener->PendingCount; Index++) {
				        PPFX_PENDING Entry = &Listener->Pending[Index];
				        PIRP Irp = NULL;
				        KIRQL OldIrql;

				        KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
				        if (Entry->State == PfxPendingWaiting) {
				            Pfx_PendingStopTimer(Entry);
				            Irp = Entry->CompleteIrp;
				            Entry->CompleteIrp = NULL;
				            Entry->State = PfxPendingFree;
				        }
				        KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

				        if (Irp != NULL) {
				            Pfx_FreeIrp(Irp);
				        }
				    }
				}

				"""));
	}
}

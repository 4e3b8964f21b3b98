package org.wskstudio.wsk.generator.java;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 7, for conditional accept: the pending-inspection runtime, as the C's
 * {@code c.PendingSection}: a table per listener holding copies of the WSK_INSPECT_ID and both
 * addresses, completed by WskInspectComplete from the deferred check or from the entry's own
 * timeout timer (the rule's else-action; the design is
 * {@link org.wskstudio.wsk.generator.common.PendTimeout}), WskAbortEvent matching by content, and
 * the sweep after every close.
 */
final class PendingSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	PendingSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		String from = facts.conditionalListeners().stream().map(JavaLiterals::of).collect(Collectors.joining(", "));
		w.section("7. pending-inspection runtime (pend ... with check ...)");
		w.doc("from the pend rules of " + from + ": finds an Announcing or Waiting entry by inspect-ID content"
				+ " (and, for a check's answer, by the check that was started).");
		w.lines(n.expand("""
				private static Pending Pfx_PendingFind(Listener Listener, WskInspectId InspectId, String Check) {
				    for (Pending Entry : Listener.Pending) {
				        if ((Entry.State == PFX_PENDING_ANNOUNCING || Entry.State == PFX_PENDING_WAITING)
				                && Entry.InspectId.Key == InspectId.Key && Entry.InspectId.SerialNumber == InspectId.SerialNumber
				                && (Check == null || Entry.Rule.Check.equals(Check))) {
				            return Entry;
				        }
				    }
				    return null;
				}

				/**
				 * An entry turns Waiting: its deadline and its one-shot timer, set in the same step so that no
				 * answer can free and reuse the entry in between (the C holds PendingLock). The deadline is taken
				 * before the timer is set, so the timer never expires before it.
				 */
				private void Pfx_PendingStartTimer(Pending Entry) {
				    Entry.State = PFX_PENDING_WAITING;
				    if (Entry.Rule.TimeoutMs != 0) {
				        Entry.Deadline = k.KeQueryInterruptTime() + Entry.Rule.TimeoutMs * PFX_INTERRUPT_TIME_PER_MS;
				        k.KeSetTimer(Entry.Timer, RELATIVE_MS(Entry.Rule.TimeoutMs), Entry.TimeoutDpc);
				    }
				}

				/**
				 * An entry leaves Waiting: its timeout no longer applies. A DPC that the expiry already queued
				 * still runs and finds the entry in another state, or reused and not yet due.
				 */
				private void Pfx_PendingStopTimer(Pending Entry) {
				    if (Entry.Rule.TimeoutMs != 0) {
				        k.KeCancelTimer(Entry.Timer);
				    }
				}

				/**
				 * Hands a Completing entry's IRP to WskInspectComplete with the entry's own copy of the ID. The
				 * caller holds the listener rundown; entries never outlive their socket (Pfx_PendingSweep).
				 */
				private void Pfx_PendingIssueComplete(Listener Listener, Pending Entry, WskInspectAction Action) {
				    Irp Irp = Entry.CompleteIrp;
				    Entry.CompleteIrp = null;                   // the completion routine frees it
				    Entry.CompleteAction = Action;              // counted there, if WSK took it
				    k.IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
				    k.IoSetCompletionRoutine(Irp, this::Pfx_InspectCompleteDone, Entry, TRUE, TRUE, TRUE);
				    Listener.Dispatch.WskInspectComplete(Listener.Socket, Entry.InspectId, Action, Irp);
				}

				/**
				 * WskInspectComplete finished: count what it decided (an accept is counted when the socket is
				 * handed over), free its IRP, release the table entry.
				 */
				private int Pfx_InspectCompleteDone(Object DeviceObject, Irp Irp, Object Context) {
				    Pending Entry = (Pending) Context;
				    if (NT_SUCCESS(Irp.IoStatus.Status)) {
				        if (Entry.TimedOut) {
				            Entry.Listener.TimedOutCount++;
				        } else if (Entry.CompleteAction == WskInspectReject) {
				            Entry.Listener.RejectedCount++;
				        }
				    }
				    Entry.State = PFX_PENDING_FREE;
				    Pfx_FreeIrp(Irp);
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				/**
				 * Stores a pended inspection (ID and both addresses by value), starts the check, and returns
				 * what WskInspectEvent must return. The IRP for the later WskInspectComplete is allocated
				 * first; a full table or a failed allocation rejects at once (fail closed).
				 */
				private WskInspectAction Pfx_PendInspection(Listener Listener, Rule Rule, WskInspectId InspectId,
				        SockAddr LocalAddress, SockAddr RemoteAddress) {
				    Irp Irp = Pfx_AllocateIrp();
				    if (Irp == null) {
				        return WskInspectReject;
				    }
				    Pending Entry = null;
				    if (!Listener.Stopping) {
				        for (Pending Candidate : Listener.Pending) {
				            if (Candidate.State == PFX_PENDING_FREE) {
				                Entry = Candidate;
				                break;
				            }
				        }
				    }
				    if (Entry == null) {
				        Pfx_FreeIrp(Irp);                       // table full, or stopping
				        return WskInspectReject;
				    }
				    Entry.State = PFX_PENDING_ANNOUNCING;
				    Entry.InspectId = new WskInspectId(InspectId);  // Saved = *InspectID: the pointer dies on return
				    Entry.LocalAddress = LocalAddress;
				    Entry.RemoteAddress = RemoteAddress;
				    Entry.Rule = Rule;
				    Entry.EarlyAction = WskInspectMax;
				    Entry.CompleteIrp = Irp;
				    Entry.CompleteAction = WskInspectMax;
				    Entry.TimedOut = FALSE;
				    Entry.Deadline = Long.MAX_VALUE;

				    // Start the check; an answer given synchronously by the hook is recorded as EarlyAction.
				    Rule.StartCheck.start(this, InspectId, LocalAddress, RemoteAddress);

				    if (Entry.EarlyAction != WskInspectMax) {
				        WskInspectAction Decision = Entry.EarlyAction;
				        Entry.CompleteIrp = null;
				        Entry.State = PFX_PENDING_FREE;
				        Pfx_FreeIrp(Irp);
				        return Decision;
				    }
				    Pfx_PendingStartTimer(Entry);
				    return WskInspectPend;
				}

				/** WskInspectEvent's decision: first matching rule (none: reject); a pend that cannot be stored rejects. */
				private WskInspectAction Pfx_InspectConnection(Listener Listener, Classifier Classifier,
				        SockAddr LocalAddress, SockAddr RemoteAddress, WskInspectId InspectId) {
				    Rule Rule = Pfx_Evaluate(Classifier, LocalAddress, RemoteAddress);
				    WskInspectAction Decision = WskInspectReject;
				    if (Rule != null) {
				        try (var Scope = k.SimEnter(Rule.Origin)) {
				            Decision = Rule.Action;
				            if (Decision == WskInspectPend) {
				                Decision = Pfx_PendInspection(Listener, Rule, InspectId, LocalAddress, RemoteAddress);
				            }
				        }
				    }
				    // An accept is counted when the socket is handed over, not here.
				    switch (Decision) {
				    case WskInspectAccept:
				        return WskInspectAccept;
				    case WskInspectPend:
				        Listener.PendedCount++;
				        return WskInspectPend;
				    default:
				        Listener.RejectedCount++;
				        return WskInspectReject;
				    }
				}

				"""));
		if (facts.checks) {
			w.lines(n.expand("""
					/**
					 * Applies a check's answer to a pending inspection. STATUS_NOT_FOUND after abort, timeout or an
					 * earlier answer; STATUS_DEVICE_NOT_READY while the listener is closing.
					 */
					private int Pfx_CompleteInspection(Listener Listener, WskInspectId InspectId, String Check,
					        WskInspectAction Action) {
					    if (Action != WskInspectAccept && Action != WskInspectReject) {
					        return STATUS_INVALID_PARAMETER;        // only these two are valid
					    }
					    if (!Pfx_RundownAcquire(Listener)) {
					        return STATUS_DEVICE_NOT_READY;         // closing: WSK disposes of it
					    }
					    Pending Entry = Pfx_PendingFind(Listener, InspectId, Check);
					    if (Entry != null) {
					        if (Entry.State == PFX_PENDING_ANNOUNCING) {
					            Entry.EarlyAction = Action;         // WskInspectEvent returns it
					        } else {
					            Pfx_PendingStopTimer(Entry);
					            Entry.State = PFX_PENDING_COMPLETING;
					            Pfx_PendingIssueComplete(Listener, Entry, Action);
					        }
					    }
					    Pfx_RundownRelease(Listener);
					    return Entry != null ? STATUS_SUCCESS : STATUS_NOT_FOUND;
					}

					"""));
		}
		w.lines(n.expand("""
				/** WskAbortEvent: drop the entry with the same inspect-ID content. */
				private void Pfx_AbortInspection(Listener Listener, WskInspectId InspectId) {
				    Pending Entry = Pfx_PendingFind(Listener, InspectId, null);
				    if (Entry == null) {
				        return;
				    }
				    if (Entry.State == PFX_PENDING_ANNOUNCING) {
				        // its WskInspectEvent is still running and owns the entry; it returns (and counts) the reject
				        Entry.EarlyAction = WskInspectReject;
				    } else {
				        Pfx_PendingStopTimer(Entry);
				        Irp Irp = Entry.CompleteIrp;
				        Entry.CompleteIrp = null;
				        Entry.State = PFX_PENDING_FREE;
				        Pfx_FreeIrp(Irp);
				        Listener.AbortedCount++;
				    }
				}

				/**
				 * An entry's timeout timer expired: if the entry still waits and its deadline has come,
				 * WskInspectComplete with the rule's else-action. Answered, aborted or swept meanwhile (KeCancelTimer
				 * came too late), or reused by a later pend that is not yet due: nothing to do.
				 */
				private void Pfx_TimeoutDpc(KDpc Dpc, Object DeferredContext, Object SystemArgument1, Object SystemArgument2) {
				    Pending Entry = (Pending) DeferredContext;
				    Listener Listener = Entry.Listener;
				    if (!Pfx_RundownAcquire(Listener)) {
				        return;                                 // socket being closed: the sweep disposes of the entry
				    }
				    if (Entry.State == PFX_PENDING_WAITING && Entry.Deadline <= k.KeQueryInterruptTime()) {
				        Entry.State = PFX_PENDING_COMPLETING;
				        Entry.TimedOut = TRUE;
				        Pfx_PendingIssueComplete(Listener, Entry, Entry.Rule.TimeoutAction);
				    }
				    Pfx_RundownRelease(Listener);
				}

				/** After a close no Waiting entry can be completed any more: free them. */
				private void Pfx_PendingSweep(Listener Listener) {
				    if (Listener.Pending == null) {
				        return;
				    }
				    for (Pending Entry : Listener.Pending) {
				        if (Entry.State == PFX_PENDING_WAITING) {
				            Pfx_PendingStopTimer(Entry);
				            Irp Irp = Entry.CompleteIrp;
				            Entry.CompleteIrp = null;
				            Entry.State = PFX_PENDING_FREE;
				            Pfx_FreeIrp(Irp);
				        }
				    }
				}
				"""));
	}
}

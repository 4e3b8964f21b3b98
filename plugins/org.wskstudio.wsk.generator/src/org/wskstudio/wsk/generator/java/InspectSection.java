package org.wskstudio.wsk.generator.java;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Sections 6 and 7, for conditional accept: rule evaluation (IPv4-mapped IPv6 canonicalised to
 * IPv4, first match wins, no match = reject) and the pending-inspection runtime: a table per
 * listener holding copies of the WSK_INSPECT_ID and both addresses, completed by
 * WskInspectComplete from the deferred check or from the entry's own timeout timer (the rule's
 * else-action; the design is {@link org.wskstudio.wsk.generator.common.PendTimeout}), WskAbortEvent
 * matching by content, and the sweep after every close.
 */
final class InspectSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	InspectSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		String from = facts.conditionalListeners().stream().map(JavaLiterals::of).collect(Collectors.joining(", "));
		w.section("6. rule evaluation (conditional accept)");
		w.doc("from the inspect rules of " + from + ": a connection endpoint in canonical form. ::ffff:a.b.c.d"
				+ " becomes IPv4, so IPv4 rules see every IPv4 peer of a dual-stack listener and IPv6 rules never"
				+ " match mapped addresses.");
		w.lines(n.expand("""
				private static void Pfx_Canonicalize(SockAddr Address, Endpoint Endpoint) {
				    Arrays.fill(Endpoint.Address, (byte) 0);
				    Endpoint.Kind = PFX_ADDRESS_ANY;
				    Endpoint.Port = 0;
				    if (Address == null) {
				        return;
				    }
				    Endpoint.Port = Address.port();
				    if (Address.family() == AF_INET) {
				        Endpoint.Kind = PFX_ADDRESS_IPV4;
				        for (int Index = 0; Index < 4; Index++) {
				            Endpoint.Address[Index] = (byte) Address.addressByte(Index);
				        }
				    } else if (Address.family() == AF_INET6) {
				        if (Address.isV4Mapped()) {             // 80 zero bits, 16 one bits, the IPv4 address
				            Endpoint.Kind = PFX_ADDRESS_IPV4;
				            for (int Index = 0; Index < 4; Index++) {
				                Endpoint.Address[Index] = (byte) Address.addressByte(12 + Index);
				            }
				        } else {
				            Endpoint.Kind = PFX_ADDRESS_IPV6;
				            for (int Index = 0; Index < 16; Index++) {
				                Endpoint.Address[Index] = (byte) Address.addressByte(Index);
				            }
				        }
				    }
				}

				private static boolean Pfx_PrefixMatches(byte[] Address, byte[] Prefix, int PrefixLength) {
				    int FullBytes = PrefixLength / 8;
				    int RestBits = PrefixLength % 8;
				    for (int Index = 0; Index < FullBytes; Index++) {
				        if (Address[Index] != Prefix[Index]) {
				            return FALSE;
				        }
				    }
				    if (RestBits != 0) {
				        int Mask = (0xff << (8 - RestBits)) & 0xff;
				        if (((Address[FullBytes] ^ Prefix[FullBytes]) & Mask) != 0) {
				            return FALSE;
				        }
				    }
				    return TRUE;
				}

				private static boolean Pfx_Matches(Match Match, Endpoint Endpoint) {
				    if (Endpoint.Port < Match.PortFirst || Endpoint.Port > Match.PortLast) {
				        return FALSE;
				    }
				    switch (Match.Kind) {
				    case PFX_ADDRESS_ANY:
				        return TRUE;
				    case PFX_ADDRESS_IPV4:
				    case PFX_ADDRESS_IPV6:
				        return Endpoint.Kind == Match.Kind && Pfx_PrefixMatches(Endpoint.Address, Match.Prefix, Match.PrefixLength);
				    default:
				        return FALSE;
				    }
				}

				/** First matching rule, or null (treated as reject: fail closed). */
				private static Rule Pfx_Evaluate(Rule[] Rules, SockAddr LocalAddress, SockAddr RemoteAddress) {
				    Endpoint Local = new Endpoint();
				    Endpoint Remote = new Endpoint();
				    Pfx_Canonicalize(LocalAddress, Local);
				    Pfx_Canonicalize(RemoteAddress, Remote);
				    for (Rule Rule : Rules) {
				        if (Pfx_Matches(Rule.Remote, Remote) && Pfx_Matches(Rule.Local, Local)) {
				            return Rule;
				        }
				    }
				    return null;
				}

				private static boolean Pfx_MatchIsValid(Match Match) {
				    if (Match.PortFirst > Match.PortLast) {
				        return FALSE;
				    }
				    switch (Match.Kind) {
				    case PFX_ADDRESS_ANY:
				        return Match.PrefixLength == 0;
				    case PFX_ADDRESS_IPV4:
				        return Match.PrefixLength <= 32;
				    case PFX_ADDRESS_IPV6:
				        return Match.PrefixLength <= 128;
				    default:
				        return FALSE;
				    }
				}

				/** Load-time check of a rule table: well-formed matches and actions, an explicit catch-all default. */
				private static int Pfx_ValidateRules(Rule[] Rules) {
				    if (Rules.length == 0) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    for (Rule Rule : Rules) {
				        if (!Pfx_MatchIsValid(Rule.Remote) || !Pfx_MatchIsValid(Rule.Local)) {
				            return STATUS_INVALID_PARAMETER;
				        }
				        if (Rule.Action == WskInspectPend) {
				            if ((Rule.TimeoutAction != WskInspectAccept && Rule.TimeoutAction != WskInspectReject)
				                    || Rule.StartCheck == null) {
				                return STATUS_INVALID_PARAMETER;
				            }
				        } else if (Rule.Action != WskInspectAccept && Rule.Action != WskInspectReject) {
				            return STATUS_INVALID_PARAMETER;
				        }
				    }
				    Rule Last = Rules[Rules.length - 1];
				    if (Last.Action == WskInspectPend || Last.Remote.Kind != PFX_ADDRESS_ANY || Last.Remote.PortFirst != 0
				            || Last.Remote.PortLast != 65535 || Last.Local.Kind != PFX_ADDRESS_ANY
				            || Last.Local.PortFirst != 0 || Last.Local.PortLast != 65535) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    return STATUS_SUCCESS;
				}
				"""));
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
				    Rule.StartCheck.start(InspectId, LocalAddress, RemoteAddress);

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
				private WskInspectAction Pfx_InspectConnection(Listener Listener, Rule[] Rules, SockAddr LocalAddress,
				        SockAddr RemoteAddress, WskInspectId InspectId) {
				    Rule Rule = Pfx_Evaluate(Rules, LocalAddress, RemoteAddress);
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

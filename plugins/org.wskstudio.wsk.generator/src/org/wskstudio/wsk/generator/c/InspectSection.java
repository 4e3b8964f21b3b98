package org.wskstudio.wsk.generator.c;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Sections 6 and 7 of the source, for conditional accept: rule evaluation on the local and
 * remote address (IPv4-mapped IPv6 canonicalised to IPv4, first match wins, no match =
 * reject) by the listener's compiled classifier ({@link ClassifierTables}: a binary search
 * for the remote address's interval, then its few candidate rules), and the
 * pending-inspection runtime: a table per listener holding copies of the WSK_INSPECT_ID and
 * both addresses, completed by WskInspectComplete from the deferred check or from the entry's
 * own timeout timer (the rule's "else" action; the design is
 * {@link org.wskstudio.wsk.generator.common.PendTimeout}), WskAbortEvent matching by content
 * and removing the entry, and the sweep after every close.
 */
final class InspectSection {

	private final DriverFacts facts;
	private final CNaming n;

	InspectSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		String from = facts.conditionalListeners().stream().map(CTrace::of).collect(Collectors.joining(", "));
		w.section("6. rule evaluation (conditional accept)");
		w.comment("from the inspect rules of " + from + ": a connection endpoint in canonical form.");
		w.aligned(n.expand("""
				typedef struct _PFX_ENDPOINT {
				    PFX_ADDRESS_KIND Kind;          /* Ipv4, Ipv6, or Any = unknown family */
				    UCHAR            Address[16];   /* network order */
				    USHORT           Port;          /* host order */
				} PFX_ENDPOINT;
				"""));
		w.lines(n.expand("""

				/* ::ffff:a.b.c.d -- 80 zero bits, 16 one bits, then the IPv4 address. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static BOOLEAN
				Pfx_IsIpv4Mapped(_In_reads_(16) CONST UCHAR *Address)
				{
				    static const UCHAR MappedPrefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

				    return RtlEqualMemory(Address, MappedPrefix, sizeof(MappedPrefix));
				}

				/* Canonicalises an address: IPv4-mapped IPv6 becomes IPv4, so IPv4 rules
				 * see every IPv4 peer of a dual-stack listener (and IPv6 rules never
				 * match mapped addresses). */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_Canonicalize(_In_opt_ CONST SOCKADDR *Address, _Out_ PFX_ENDPOINT *Endpoint)
				{
				    RtlZeroMemory(Endpoint, sizeof(*Endpoint));
				    Endpoint->Kind = PfxAddressAny;

				    if (Address == NULL) {
				        return;
				    }
				    if (Address->sa_family == AF_INET) {
				        CONST SOCKADDR_IN *Ipv4 = (CONST SOCKADDR_IN *)Address;

				        Endpoint->Kind = PfxAddressIpv4;
				        RtlCopyMemory(Endpoint->Address, &Ipv4->sin_addr, 4);
				        Endpoint->Port = RtlUshortByteSwap(Ipv4->sin_port);
				    } else if (Address->sa_family == AF_INET6) {
				        CONST SOCKADDR_IN6 *Ipv6 = (CONST SOCKADDR_IN6 *)Address;

				        Endpoint->Port = RtlUshortByteSwap(Ipv6->sin6_port);
				        if (Pfx_IsIpv4Mapped(Ipv6->sin6_addr.u.Byte)) {
				            Endpoint->Kind = PfxAddressIpv4;
				            RtlCopyMemory(Endpoint->Address, &Ipv6->sin6_addr.u.Byte[12], 4);
				        } else {
				            Endpoint->Kind = PfxAddressIpv6;
				            RtlCopyMemory(Endpoint->Address, Ipv6->sin6_addr.u.Byte, 16);
				        }
				    }
				}

				_IRQL_requires_max_(DISPATCH_LEVEL)
				static BOOLEAN
				Pfx_PrefixMatches(
				    _In_reads_(16) CONST UCHAR *Address,
				    _In_reads_(16) CONST UCHAR *Prefix,
				    _In_ ULONG PrefixLength)
				{
				    ULONG FullBytes = PrefixLength / 8;
				    ULONG RestBits = PrefixLength % 8;

				    if (FullBytes != 0 && !RtlEqualMemory(Address, Prefix, FullBytes)) {
				        return FALSE;
				    }
				    if (RestBits != 0) {
				        UCHAR Mask = (UCHAR)(0xff << (8 - RestBits));

				        if (((Address[FullBytes] ^ Prefix[FullBytes]) & Mask) != 0) {
				            return FALSE;
				        }
				    }
				    return TRUE;
				}

				_IRQL_requires_max_(DISPATCH_LEVEL)
				static BOOLEAN
				Pfx_Matches(_In_ CONST PFX_MATCH *Match, _In_ CONST PFX_ENDPOINT *Endpoint)
				{
				    if (Endpoint->Port < Match->PortFirst || Endpoint->Port > Match->PortLast) {
				        return FALSE;
				    }
				    switch (Match->Kind) {
				    case PfxAddressAny:
				        return TRUE;
				    case PfxAddressIpv4:
				    case PfxAddressIpv6:
				        return Endpoint->Kind == Match->Kind &&
				               Pfx_PrefixMatches(Endpoint->Address, Match->Prefix,
				                                 Match->PrefixLength);
				    default:
				        return FALSE;
				    }
				}

				/* Unsigned order of two addresses in network order. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static LONG
				Pfx_CompareAddress(
				    _In_reads_(Length) CONST UCHAR *Left,
				    _In_reads_(Length) CONST UCHAR *Right,
				    _In_ ULONG Length)
				{
				    ULONG Index;

				    for (Index = 0; Index < Length; Index++) {
				        if (Left[Index] != Right[Index]) {
				            return (Left[Index] < Right[Index]) ? -1 : 1;
				        }
				    }
				    return 0;
				}

				/* The interval holding an address: binary search over the starts (the
				 * first start is the family's lowest address, so there is always one). */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static CONST PFX_INTERVAL *
				Pfx_FindInterval(
				    _In_reads_(Count) CONST PFX_INTERVAL *Intervals,
				    _In_ ULONG Count,
				    _In_reads_(Length) CONST UCHAR *Address,
				    _In_ ULONG Length)
				{
				    ULONG Low = 0;
				    ULONG High = Count - 1;

				    while (Low < High) {
				        ULONG Middle = Low + (High - Low + 1) / 2;

				        if (Pfx_CompareAddress(Intervals[Middle].Start, Address, Length) <= 0) {
				            Low = Middle;
				        } else {
				            High = Middle - 1;
				        }
				    }
				    return &Intervals[Low];
				}

				/* First matching rule, or NULL (treated as reject: fail closed): the
				 * remote address's interval, then first match over its candidates. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static CONST PFX_RULE *
				Pfx_Evaluate(
				    _In_ CONST PFX_CLASSIFIER *Classifier,
				    _In_opt_ CONST SOCKADDR *LocalAddress,
				    _In_opt_ CONST SOCKADDR *RemoteAddress)
				{
				    PFX_ENDPOINT Local;
				    PFX_ENDPOINT Remote;
				    CONST PFX_INTERVAL *Interval;
				    CONST ULONG *Candidates;
				    ULONG Count;
				    ULONG Index;

				    Pfx_Canonicalize(LocalAddress, &Local);
				    Pfx_Canonicalize(RemoteAddress, &Remote);
				    switch (Remote.Kind) {
				    case PfxAddressIpv4:
				        Interval = Pfx_FindInterval(Classifier->Ipv4, Classifier->Ipv4Count, Remote.Address, 4);
				        Candidates = &Classifier->Candidates[Interval->First];
				        Count = Interval->Count;
				        break;
				    case PfxAddressIpv6:
				        Interval = Pfx_FindInterval(Classifier->Ipv6, Classifier->Ipv6Count, Remote.Address, 16);
				        Candidates = &Classifier->Candidates[Interval->First];
				        Count = Interval->Count;
				        break;
				    case PfxAddressAny:
				    default:
				        Candidates = Classifier->AnyFamily;
				        Count = Classifier->AnyFamilyCount;
				        break;
				    }
				    for (Index = 0; Index < Count; Index++) {
				        CONST PFX_RULE *Rule = &Classifier->Rules[Candidates[Index]];

				        if (Pfx_Matches(&Rule->Remote, &Remote) && Pfx_Matches(&Rule->Local, &Local)) {
				            return Rule;
				        }
				    }
				    return NULL;
				}

				_IRQL_requires_max_(PASSIVE_LEVEL)
				static BOOLEAN
				Pfx_MatchIsValid(_In_ CONST PFX_MATCH *Match)
				{
				    if (Match->PortFirst > Match->PortLast) {
				        return FALSE;
				    }
				    switch (Match->Kind) {
				    case PfxAddressAny:  return Match->PrefixLength == 0;
				    case PfxAddressIpv4: return Match->PrefixLength <= 32;
				    case PfxAddressIpv6: return Match->PrefixLength <= 128;
				    default:             return FALSE;
				    }
				}

				/* Load-time check of a rule table (the generator checked the model too):
				 * well-formed matches, valid actions, and an explicit catch-all default. */
				_IRQL_requires_max_(PASSIVE_LEVEL)
				static NTSTATUS
				Pfx_ValidateRules(_In_reads_(RuleCount) CONST PFX_RULE *Rules, _In_ ULONG RuleCount)
				{
				    CONST PFX_RULE *Last;
				    ULONG Index;

				    if (RuleCount == 0) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    for (Index = 0; Index < RuleCount; Index++) {
				        CONST PFX_RULE *Rule = &Rules[Index];

				        if (!Pfx_MatchIsValid(&Rule->Remote) || !Pfx_MatchIsValid(&Rule->Local)) {
				            return STATUS_INVALID_PARAMETER;
				        }
				        if (Rule->Action == WskInspectPend) {
				            if ((Rule->TimeoutAction != WskInspectAccept &&
				                 Rule->TimeoutAction != WskInspectReject) ||
				                Rule->StartCheck == NULL) {
				                return STATUS_INVALID_PARAMETER;
				            }
				        } else if (Rule->Action != WskInspectAccept && Rule->Action != WskInspectReject) {
				            return STATUS_INVALID_PARAMETER;
				        }
				    }
				    Last = &Rules[RuleCount - 1];
				    if (Last->Action == WskInspectPend ||
				        Last->Remote.Kind != PfxAddressAny || Last->Remote.PortFirst != 0 ||
				        Last->Remote.PortLast != 65535 || Last->Local.Kind != PfxAddressAny ||
				        Last->Local.PortFirst != 0 || Last->Local.PortLast != 65535) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    return STATUS_SUCCESS;
				}

				"""));
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

/*
 * conditional_accept.c -- reference driver: conditional accept.
 *
 * SO_CONDITIONAL_ACCEPT is set before bind, so WSK calls WskInspectEvent
 * for every connection request.  An ordered rule list decides accept,
 * reject or pend; pended requests wait in a fixed-size table until a check
 * answers or a periodic timer applies the rule's "else" action, both
 * through WskInspectComplete with an IRP.  WskAbortEvent removes an entry
 * by inspect-ID content.  Accepted requests arrive through WskAcceptEvent.
 *
 * Layout (the order a generator emits):
 *   1. role-typed forward declarations
 *   2. driver-level state            (driver ConditionalAccept)
 *   3. driver-level IRP helpers
 *   4. connection block              (connection handles ...)
 *   5. rule evaluation               (conditional { ... })
 *   6. pending-inspection runtime    (pend ... with check ... timeout ... else ...)
 *   7. listener runtime              (create/options/bind, recreate, stop)
 *   8. per-listener block            (listener Public)
 *   9. DriverEntry / unload
 */
#include "conditional_accept.h"

/* ---- 1. role-typed forward declarations ------------------------------ */

static DRIVER_UNLOAD            CondAcc_Unload;
static IO_COMPLETION_ROUTINE    CondAcc_SyncIrpComplete;
static IO_COMPLETION_ROUTINE    CondAcc_ConnectionCloseComplete;
static IO_COMPLETION_ROUTINE    CondAcc_InspectCompleteDone;
static KDEFERRED_ROUTINE        CondAcc_TimeoutDpc;
static IO_WORKITEM_ROUTINE_EX   CondAcc_RecreateWorker;
static WSK_RECEIVE_EVENT_FN     CondAcc_ConnectionReceiveEvent;
static WSK_DISCONNECT_EVENT_FN  CondAcc_ConnectionDisconnectEvent;
static WSK_ACCEPT_EVENT_FN      CondAccPublic_AcceptEvent;
static WSK_INSPECT_EVENT_FN     CondAccPublic_InspectEvent;
static WSK_ABORT_EVENT_FN       CondAccPublic_AbortEvent;
static CONDACC_LISTENER_OPEN    CondAccPublic_Open;
static CONDACC_CHECK_START      CondAccPublic_StartReputationCheck;

_IRQL_requires_(PASSIVE_LEVEL) static VOID CondAcc_Shutdown(VOID);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, CondAcc_Unload)
#pragma alloc_text(PAGE, CondAcc_Shutdown)
#pragma alloc_text(PAGE, CondAcc_RecreateWorker)
#pragma alloc_text(PAGE, CondAccPublic_Open)
#endif

/* ---- 2. driver-level state (conditional_accept.wskl:1) --------------- */

static const WSK_CLIENT_DISPATCH CondAccClientDispatch = {
    MAKE_WSK_VERSION(1, 0),     /* WSK 1.0 */
    0,                          /* Reserved */
    NULL                        /* no WskClientEvent */
};

static PDRIVER_OBJECT   CondAccDriverObject;
static WSK_REGISTRATION CondAccRegistration;
static WSK_PROVIDER_NPI CondAccProviderNpi;
static BOOLEAN          CondAccRegistered;
static BOOLEAN          CondAccNpiCaptured;

/* Allocated-and-not-freed IRPs, plus a bias of 1 dropped by CondAcc_Shutdown. */
static volatile LONG    CondAccIrpCount;
static KEVENT           CondAccIrpsDrained;

static LIST_ENTRY       CondAccConnections;
static KSPIN_LOCK       CondAccConnectionLock;
static BOOLEAN          CondAccConnectionsClosed;  /* under CondAccConnectionLock */

/* ---- 3. driver-level IRP helpers ------------------------------------- */

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
static PIRP
CondAcc_AllocateIrp(VOID)
{
    PIRP Irp = IoAllocateIrp(1, FALSE);

    if (Irp != NULL) {
        InterlockedIncrement(&CondAccIrpCount);
    }
    return Irp;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_FreeIrp(_In_ __drv_freesMem(Mem) PIRP Irp)
{
    IoFreeIrp(Irp);
    if (InterlockedDecrement(&CondAccIrpCount) == 0) {
        KeSetEvent(&CondAccIrpsDrained, IO_NO_INCREMENT, FALSE);
    }
}

_Use_decl_annotations_
static NTSTATUS
CondAcc_SyncIrpComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);

    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
CondAcc_ControlBegin(_Inout_ PCONDACC_LISTENER Listener)
{
    IoReuseIrp(Listener->ControlIrp, STATUS_UNSUCCESSFUL);
    KeClearEvent(&Listener->ControlEvent);
    IoSetCompletionRoutine(Listener->ControlIrp, CondAcc_SyncIrpComplete,
                           &Listener->ControlEvent, TRUE, TRUE, TRUE);
}

/* WSK completes the IRP whatever the call returned: wait for that. */
_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
CondAcc_ControlWait(_Inout_ PCONDACC_LISTENER Listener)
{
    (VOID)KeWaitForSingleObject(&Listener->ControlEvent, Executive, KernelMode,
                                FALSE, NULL);
    return Listener->ControlIrp->IoStatus.Status;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_CopyAddress(_Out_ PSOCKADDR_STORAGE Destination, _In_ CONST SOCKADDR *Source)
{
    SIZE_T Length = (Source->sa_family == AF_INET6) ? sizeof(SOCKADDR_IN6)
                  : (Source->sa_family == AF_INET)  ? sizeof(SOCKADDR_IN)
                  : sizeof(SOCKADDR);

    RtlZeroMemory(Destination, sizeof(*Destination));
    RtlCopyMemory(Destination, Source, Length);
}

/* ---- 4. connection block (connection handles receive, disconnect) ---- */

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
static PCONDACC_CONNECTION
CondAcc_ConnectionAllocate(
    _In_ PCONDACC_LISTENER Listener,
    _In_ PWSK_SOCKET Socket,
    _In_ CONST SOCKADDR *RemoteAddress)
{
    PCONDACC_CONNECTION Connection;

    Connection = (PCONDACC_CONNECTION)ExAllocatePoolWithTag(
        NonPagedPoolNx, sizeof(*Connection), CONDACC_POOL_TAG);
    if (Connection == NULL) {
        return NULL;
    }
    RtlZeroMemory(Connection, sizeof(*Connection));
    InitializeListHead(&Connection->Link);
    Connection->Listener = Listener;
    Connection->Socket = Socket;
    Connection->State = CondAccConnOpen;
    CondAcc_CopyAddress(&Connection->RemoteAddress, RemoteAddress);
    Connection->CloseIrp = CondAcc_AllocateIrp();
    if (Connection->CloseIrp == NULL) {
        ExFreePoolWithTag(Connection, CONDACC_POOL_TAG);
        return NULL;
    }
    return Connection;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_ConnectionFree(_In_ __drv_freesMem(Mem) PCONDACC_CONNECTION Connection)
{
    PIRP CloseIrp = Connection->CloseIrp;

    ExFreePoolWithTag(Connection, CONDACC_POOL_TAG);
    CondAcc_FreeIrp(CloseIrp);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
static BOOLEAN
CondAcc_ConnectionInsert(_In_ PCONDACC_CONNECTION Connection)
{
    BOOLEAN Listed;
    KIRQL OldIrql;

    KeAcquireSpinLock(&CondAccConnectionLock, &OldIrql);
    Listed = !CondAccConnectionsClosed;
    if (Listed) {
        InsertTailList(&CondAccConnections, &Connection->Link);
    }
    KeReleaseSpinLock(&CondAccConnectionLock, OldIrql);
    return Listed;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_ConnectionIssueClose(_In_ PCONDACC_CONNECTION Connection)
{
    CONST WSK_PROVIDER_BASIC_DISPATCH *Dispatch =
        (CONST WSK_PROVIDER_BASIC_DISPATCH *)Connection->Socket->Dispatch;

    IoReuseIrp(Connection->CloseIrp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Connection->CloseIrp, CondAcc_ConnectionCloseComplete,
                           Connection, TRUE, TRUE, TRUE);
    (VOID)Dispatch->WskCloseSocket(Connection->Socket, Connection->CloseIrp);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_ConnectionRequestClose(_In_ PCONDACC_CONNECTION Connection)
{
    if (InterlockedCompareExchange(&Connection->State, CondAccConnClosing,
                                   CondAccConnOpen) == CondAccConnOpen) {
        CondAcc_ConnectionIssueClose(Connection);
    }
}

/* from "connection handles ..." (conditional_accept.wskl:15) */
_Use_decl_annotations_
static NTSTATUS
CondAcc_ConnectionCloseComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PCONDACC_CONNECTION Connection = (PCONDACC_CONNECTION)Context;
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(DeviceObject);

    KeAcquireSpinLock(&CondAccConnectionLock, &OldIrql);
    RemoveEntryList(&Connection->Link);
    KeReleaseSpinLock(&CondAccConnectionLock, OldIrql);

    ExFreePoolWithTag(Connection, CONDACC_POOL_TAG);
    CondAcc_FreeIrp(Irp);                   /* == Connection->CloseIrp */
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* from "connection handles receive" (conditional_accept.wskl:15) */
_Use_decl_annotations_
static NTSTATUS WSKAPI
CondAcc_ConnectionReceiveEvent(
    PVOID SocketContext,
    ULONG Flags,
    PWSK_DATA_INDICATION DataIndication,
    SIZE_T BytesIndicated,
    SIZE_T *BytesAccepted)
{
    PCONDACC_CONNECTION Connection = (PCONDACC_CONNECTION)SocketContext;

    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesAccepted);  /* untouched = everything accepted */

    if (Connection == NULL) {
        return STATUS_SUCCESS;
    }
    if (DataIndication == NULL) {
        CondAcc_ConnectionRequestClose(Connection);
        return STATUS_SUCCESS;
    }
    InterlockedExchangeAdd64(&Connection->BytesReceived, (LONG64)BytesIndicated);
    return STATUS_SUCCESS;
}

/* from "connection handles disconnect" (conditional_accept.wskl:15) */
_Use_decl_annotations_
static NTSTATUS WSKAPI
CondAcc_ConnectionDisconnectEvent(PVOID SocketContext, ULONG Flags)
{
    UNREFERENCED_PARAMETER(Flags);

    if (SocketContext != NULL) {
        CondAcc_ConnectionRequestClose((PCONDACC_CONNECTION)SocketContext);
    }
    return STATUS_SUCCESS;
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
CondAcc_ConnectionCloseAll(VOID)
{
    KIRQL OldIrql;

    KeAcquireSpinLock(&CondAccConnectionLock, &OldIrql);
    CondAccConnectionsClosed = TRUE;
    KeReleaseSpinLock(&CondAccConnectionLock, OldIrql);

    for (;;) {
        PCONDACC_CONNECTION Victim = NULL;
        PLIST_ENTRY Entry;

        KeAcquireSpinLock(&CondAccConnectionLock, &OldIrql);
        for (Entry = CondAccConnections.Flink; Entry != &CondAccConnections;
             Entry = Entry->Flink) {
            PCONDACC_CONNECTION Connection =
                CONTAINING_RECORD(Entry, CONDACC_CONNECTION, Link);

            if (InterlockedCompareExchange(&Connection->State, CondAccConnClosing,
                                           CondAccConnOpen) == CondAccConnOpen) {
                Victim = Connection;
                break;
            }
        }
        KeReleaseSpinLock(&CondAccConnectionLock, OldIrql);

        if (Victim == NULL) {
            break;
        }
        CondAcc_ConnectionIssueClose(Victim);
    }
}

/* ---- 5. rule evaluation (conditional { ... }) ------------------------- */

/* A connection endpoint in canonical form. */
typedef struct _CONDACC_ENDPOINT {
    CONDACC_ADDRESS_KIND Kind;          /* Ipv4, Ipv6, or Any = unknown family */
    UCHAR                Address[16];   /* network order */
    USHORT               Port;          /* host order */
} CONDACC_ENDPOINT;

/* ::ffff:a.b.c.d -- 80 zero bits, 16 one bits, then the IPv4 address. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static BOOLEAN
CondAcc_IsIpv4Mapped(_In_reads_(16) CONST UCHAR *Address)
{
    static const UCHAR MappedPrefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

    return RtlEqualMemory(Address, MappedPrefix, sizeof(MappedPrefix));
}

/* Canonicalises an address: IPv4-mapped IPv6 becomes IPv4, so IPv4 rules
 * see every IPv4 peer of a dual-stack listener. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_Canonicalize(_In_opt_ CONST SOCKADDR *Address, _Out_ CONDACC_ENDPOINT *Endpoint)
{
    RtlZeroMemory(Endpoint, sizeof(*Endpoint));
    Endpoint->Kind = CondAccAddressAny;

    if (Address == NULL) {
        return;
    }
    if (Address->sa_family == AF_INET) {
        CONST SOCKADDR_IN *Ipv4 = (CONST SOCKADDR_IN *)Address;

        Endpoint->Kind = CondAccAddressIpv4;
        RtlCopyMemory(Endpoint->Address, &Ipv4->sin_addr, 4);
        Endpoint->Port = RtlUshortByteSwap(Ipv4->sin_port);
    } else if (Address->sa_family == AF_INET6) {
        CONST SOCKADDR_IN6 *Ipv6 = (CONST SOCKADDR_IN6 *)Address;

        Endpoint->Port = RtlUshortByteSwap(Ipv6->sin6_port);
        if (CondAcc_IsIpv4Mapped(Ipv6->sin6_addr.u.Byte)) {
            Endpoint->Kind = CondAccAddressIpv4;
            RtlCopyMemory(Endpoint->Address, &Ipv6->sin6_addr.u.Byte[12], 4);
        } else {
            Endpoint->Kind = CondAccAddressIpv6;
            RtlCopyMemory(Endpoint->Address, Ipv6->sin6_addr.u.Byte, 16);
        }
    }
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static BOOLEAN
CondAcc_PrefixMatches(
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
CondAcc_Matches(_In_ CONST CONDACC_MATCH *Match, _In_ CONST CONDACC_ENDPOINT *Endpoint)
{
    if (Endpoint->Port < Match->PortFirst || Endpoint->Port > Match->PortLast) {
        return FALSE;
    }
    switch (Match->Kind) {
    case CondAccAddressAny:
        return TRUE;
    case CondAccAddressIpv4:
    case CondAccAddressIpv6:
        return Endpoint->Kind == Match->Kind &&
               CondAcc_PrefixMatches(Endpoint->Address, Match->Prefix,
                                     Match->PrefixLength);
    default:
        return FALSE;
    }
}

/* First matching rule, or NULL (treated as reject: fail closed). */
_IRQL_requires_max_(DISPATCH_LEVEL)
static CONST CONDACC_RULE *
CondAcc_Evaluate(
    _In_reads_(RuleCount) CONST CONDACC_RULE *Rules,
    _In_ ULONG RuleCount,
    _In_opt_ CONST SOCKADDR *LocalAddress,
    _In_opt_ CONST SOCKADDR *RemoteAddress)
{
    CONDACC_ENDPOINT Local;
    CONDACC_ENDPOINT Remote;
    ULONG Index;

    CondAcc_Canonicalize(LocalAddress, &Local);
    CondAcc_Canonicalize(RemoteAddress, &Remote);
    for (Index = 0; Index < RuleCount; Index++) {
        if (CondAcc_Matches(&Rules[Index].Remote, &Remote) &&
            CondAcc_Matches(&Rules[Index].Local, &Local)) {
            return &Rules[Index];
        }
    }
    return NULL;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
static BOOLEAN
CondAcc_MatchIsValid(_In_ CONST CONDACC_MATCH *Match)
{
    if (Match->PortFirst > Match->PortLast) {
        return FALSE;
    }
    switch (Match->Kind) {
    case CondAccAddressAny:  return Match->PrefixLength == 0;
    case CondAccAddressIpv4: return Match->PrefixLength <= 32;
    case CondAccAddressIpv6: return Match->PrefixLength <= 128;
    default:                 return FALSE;
    }
}

/* Load-time check of a rule table (the generator validates the model too):
 * well-formed matches, valid actions, and an explicit catch-all default. */
_IRQL_requires_max_(PASSIVE_LEVEL)
static NTSTATUS
CondAcc_ValidateRules(_In_reads_(RuleCount) CONST CONDACC_RULE *Rules, _In_ ULONG RuleCount)
{
    CONST CONDACC_RULE *Last;
    ULONG Index;

    if (RuleCount == 0) {
        return STATUS_INVALID_PARAMETER;
    }
    for (Index = 0; Index < RuleCount; Index++) {
        CONST CONDACC_RULE *Rule = &Rules[Index];

        if (!CondAcc_MatchIsValid(&Rule->Remote) || !CondAcc_MatchIsValid(&Rule->Local)) {
            return STATUS_INVALID_PARAMETER;
        }
        if (Rule->Action == WskInspectPend) {
            if ((Rule->TimeoutAction != WskInspectAccept &&
                 Rule->TimeoutAction != WskInspectReject) ||
                Rule->TimeoutMs == 0 || Rule->StartCheck == NULL) {
                return STATUS_INVALID_PARAMETER;
            }
        } else if (Rule->Action != WskInspectAccept && Rule->Action != WskInspectReject) {
            return STATUS_INVALID_PARAMETER;
        }
    }
    Last = &Rules[RuleCount - 1];
    if (Last->Remote.Kind != CondAccAddressAny || Last->Remote.PortFirst != 0 ||
        Last->Remote.PortLast != 65535 || Last->Local.Kind != CondAccAddressAny ||
        Last->Local.PortFirst != 0 || Last->Local.PortLast != 65535) {
        return STATUS_INVALID_PARAMETER;
    }
    return STATUS_SUCCESS;
}

/* ---- 6. pending-inspection runtime ----------------------------------- */

/* Finds an Announcing or Waiting entry by inspect-ID content. */
_Requires_lock_held_(Listener->PendingLock)
static PCONDACC_PENDING
CondAcc_PendingFind(_In_ PCONDACC_LISTENER Listener, _In_ CONST WSK_INSPECT_ID *InspectId)
{
    ULONG Index;

    for (Index = 0; Index < Listener->PendingCount; Index++) {
        PCONDACC_PENDING Entry = &Listener->Pending[Index];

        if ((Entry->State == CondAccPendingAnnouncing ||
             Entry->State == CondAccPendingWaiting) &&
            Entry->InspectId.Key == InspectId->Key &&
            Entry->InspectId.SerialNumber == InspectId->SerialNumber) {
            return Entry;
        }
    }
    return NULL;
}

/* Hands a Completing entry's IRP to WskInspectComplete.  The caller holds
 * the listener rundown (so the socket cannot be closed under the call);
 * Listener->Socket is the socket the entry was pended on: entries never
 * outlive their socket (CondAcc_PendingSweep after every close). */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_PendingIssueComplete(
    _In_ PCONDACC_LISTENER Listener,
    _Inout_ PCONDACC_PENDING Entry,
    _In_ WSK_INSPECT_ACTION Action)
{
    PIRP Irp = Entry->CompleteIrp;

    Entry->CompleteIrp = NULL;              /* the completion routine frees it */
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, CondAcc_InspectCompleteDone, Entry, TRUE, TRUE, TRUE);
    (VOID)Listener->Dispatch->WskInspectComplete(Listener->Socket, &Entry->InspectId,
                                                 Action, Irp);
}

/* WskInspectComplete finished: free its IRP, release the table entry. */
_Use_decl_annotations_
static NTSTATUS
CondAcc_InspectCompleteDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PCONDACC_PENDING Entry = (PCONDACC_PENDING)Context;
    PCONDACC_LISTENER Listener = Entry->Listener;
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(DeviceObject);

    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
    Entry->State = CondAccPendingFree;
    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

    CondAcc_FreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/*
 * from "pend ... with check ... timeout ... else ..." : stores the
 * inspection (ID and both addresses by value), starts the check, and
 * returns what WskInspectEvent must return.  A full table or a failed IRP
 * allocation rejects at once (fail closed).
 */
_IRQL_requires_max_(DISPATCH_LEVEL)
static WSK_INSPECT_ACTION
CondAcc_PendInspection(
    _In_ PCONDACC_LISTENER Listener,
    _In_ CONST CONDACC_RULE *Rule,
    _In_ CONST WSK_INSPECT_ID *InspectId,
    _In_ CONST SOCKADDR *LocalAddress,
    _In_ CONST SOCKADDR *RemoteAddress)
{
    PCONDACC_PENDING Entry = NULL;
    WSK_INSPECT_ACTION Decision;
    PIRP Irp;
    PIRP Unused = NULL;
    KIRQL OldIrql;
    ULONG Index;

    Irp = CondAcc_AllocateIrp();
    if (Irp == NULL) {
        return WskInspectReject;
    }

    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
    if (!Listener->Stopping) {
        for (Index = 0; Index < Listener->PendingCount; Index++) {
            if (Listener->Pending[Index].State == CondAccPendingFree) {
                Entry = &Listener->Pending[Index];
                break;
            }
        }
    }
    if (Entry != NULL) {
        Entry->State = CondAccPendingAnnouncing;
        Entry->InspectId = *InspectId;
        CondAcc_CopyAddress(&Entry->LocalAddress, LocalAddress);
        CondAcc_CopyAddress(&Entry->RemoteAddress, RemoteAddress);
        Entry->Deadline = KeQueryInterruptTime() + (ULONGLONG)Rule->TimeoutMs * 10000;
        Entry->Rule = Rule;
        Entry->EarlyAction = WskInspectMax;
        Entry->CompleteIrp = Irp;
    }
    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

    if (Entry == NULL) {
        CondAcc_FreeIrp(Irp);               /* table full */
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
        Entry->State = CondAccPendingFree;
    } else {
        Decision = WskInspectPend;
        Entry->State = CondAccPendingWaiting;
    }
    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

    if (Unused != NULL) {
        CondAcc_FreeIrp(Unused);
    }
    return Decision;
}

/* Applies a decision (check answer) to a pending inspection. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static NTSTATUS
CondAcc_CompleteInspection(
    _In_ PCONDACC_LISTENER Listener,
    _In_ CONST WSK_INSPECT_ID *InspectId,
    _In_ WSK_INSPECT_ACTION Action)
{
    PCONDACC_PENDING Entry;
    BOOLEAN Issue = FALSE;
    KIRQL OldIrql;

    if (Action != WskInspectAccept && Action != WskInspectReject) {
        return STATUS_INVALID_PARAMETER;    /* only these two are valid */
    }
    if (!ExAcquireRundownProtection(&Listener->Rundown)) {
        return STATUS_DEVICE_NOT_READY;     /* closing: WSK disposes of it */
    }

    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
    Entry = CondAcc_PendingFind(Listener, InspectId);
    if (Entry != NULL) {
        if (Entry->State == CondAccPendingAnnouncing) {
            Entry->EarlyAction = Action;    /* WskInspectEvent returns it */
        } else {
            Entry->State = CondAccPendingCompleting;
            Issue = TRUE;
        }
    }
    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

    if (Issue) {
        CondAcc_PendingIssueComplete(Listener, Entry, Action);
    }
    ExReleaseRundownProtection(&Listener->Rundown);
    return (Entry != NULL) ? STATUS_SUCCESS : STATUS_NOT_FOUND;
}

/* WskAbortEvent: drop the entry with the same inspect-ID content. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_AbortInspection(_In_ PCONDACC_LISTENER Listener, _In_ CONST WSK_INSPECT_ID *InspectId)
{
    PCONDACC_PENDING Entry;
    PIRP Irp = NULL;
    KIRQL OldIrql;

    KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
    Entry = CondAcc_PendingFind(Listener, InspectId);
    if (Entry != NULL) {
        if (Entry->State == CondAccPendingAnnouncing) {
            /* Its WskInspectEvent is still running and owns the entry. */
            Entry->EarlyAction = WskInspectReject;
        } else {
            Irp = Entry->CompleteIrp;
            Entry->CompleteIrp = NULL;
            Entry->State = CondAccPendingFree;
        }
    }
    KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

    if (Irp != NULL) {
        CondAcc_FreeIrp(Irp);
    }
    if (Entry != NULL) {
        InterlockedIncrement(&Listener->AbortedCount);
    }
}

/* Periodic timer: applies the "else" action of every expired entry. */
_Use_decl_annotations_
static VOID
CondAcc_TimeoutDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
                   PVOID SystemArgument2)
{
    PCONDACC_LISTENER Listener = (PCONDACC_LISTENER)DeferredContext;
    ULONGLONG Now = KeQueryInterruptTime();

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (Listener == NULL || !ExAcquireRundownProtection(&Listener->Rundown)) {
        return;     /* socket being closed: the sweep disposes of the entries */
    }
    for (;;) {
        PCONDACC_PENDING Expired = NULL;
        ULONG Index;

        KeAcquireSpinLockAtDpcLevel(&Listener->PendingLock);
        for (Index = 0; Index < Listener->PendingCount; Index++) {
            PCONDACC_PENDING Entry = &Listener->Pending[Index];

            if (Entry->State == CondAccPendingWaiting && Entry->Deadline <= Now) {
                Entry->State = CondAccPendingCompleting;
                Expired = Entry;
                break;
            }
        }
        KeReleaseSpinLockFromDpcLevel(&Listener->PendingLock);

        if (Expired == NULL) {
            break;
        }
        InterlockedIncrement(&Listener->TimedOutCount);
        CondAcc_PendingIssueComplete(Listener, Expired, Expired->Rule->TimeoutAction);
    }
    ExReleaseRundownProtection(&Listener->Rundown);
}

/* After a close: no Waiting entry can be completed any more; free them.
 * (Completing entries are released by their IRP's completion routine;
 * Announcing entries cannot exist: the close waited for the callbacks.) */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_PendingSweep(_In_ PCONDACC_LISTENER Listener)
{
    ULONG Index;

    for (Index = 0; Index < Listener->PendingCount; Index++) {
        PCONDACC_PENDING Entry = &Listener->Pending[Index];
        PIRP Irp = NULL;
        KIRQL OldIrql;

        KeAcquireSpinLock(&Listener->PendingLock, &OldIrql);
        if (Entry->State == CondAccPendingWaiting) {
            Irp = Entry->CompleteIrp;
            Entry->CompleteIrp = NULL;
            Entry->State = CondAccPendingFree;
        }
        KeReleaseSpinLock(&Listener->PendingLock, OldIrql);

        if (Irp != NULL) {
            CondAcc_FreeIrp(Irp);
        }
    }
}

/* ---- 7. listener runtime ---------------------------------------------- */

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
CondAcc_ListenerInit(
    _Out_ PCONDACC_LISTENER Listener,
    _In_ PCSTR Name,
    _In_ PCONDACC_LISTENER_OPEN Open,
    _In_ CONST WSK_CLIENT_LISTEN_DISPATCH *ListenDispatch,
    _In_reads_(PendingCount) PCONDACC_PENDING Pending,
    _In_ ULONG PendingCount)
{
    ULONG Index;

    RtlZeroMemory(Listener, sizeof(*Listener));
    Listener->Name = Name;
    Listener->Open = Open;
    Listener->ListenDispatch = ListenDispatch;
    Listener->Pending = Pending;
    Listener->PendingCount = PendingCount;
    KeInitializeEvent(&Listener->ControlEvent, NotificationEvent, FALSE);
    KeInitializeEvent(&Listener->ControlLock, SynchronizationEvent, TRUE);
    ExInitializeRundownProtection(&Listener->Rundown);
    KeInitializeSpinLock(&Listener->PendingLock);
    KeInitializeTimerEx(&Listener->TimeoutTimer, NotificationTimer);
    KeInitializeDpc(&Listener->TimeoutDpc, CondAcc_TimeoutDpc, Listener);
    KeInitializeSpinLock(&Listener->Lock);
    KeInitializeEvent(&Listener->RecreateIdle, NotificationEvent, TRUE);

    for (Index = 0; Index < PendingCount; Index++) {
        RtlZeroMemory(&Pending[Index], sizeof(Pending[Index]));
        Pending[Index].Listener = Listener;
        Pending[Index].State = CondAccPendingFree;
    }
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
CondAcc_ListenerLock(_Inout_ PCONDACC_LISTENER Listener)
{
    (VOID)KeWaitForSingleObject(&Listener->ControlLock, Executive, KernelMode,
                                FALSE, NULL);
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
CondAcc_ListenerUnlock(_Inout_ PCONDACC_LISTENER Listener)
{
    KeSetEvent(&Listener->ControlLock, IO_NO_INCREMENT, FALSE);
}

_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
CondAcc_ListenerCreate(_Inout_ PCONDACC_LISTENER Listener, _In_ ADDRESS_FAMILY Family)
{
    NTSTATUS Status;

    if (Listener->ControlIrp == NULL) {
        Listener->ControlIrp = CondAcc_AllocateIrp();
        if (Listener->ControlIrp == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    CondAcc_ControlBegin(Listener);
    (VOID)CondAccProviderNpi.Dispatch->WskSocket(
        CondAccProviderNpi.Client, Family, SOCK_STREAM, IPPROTO_TCP,
        WSK_FLAG_LISTEN_SOCKET,
        Listener,                           /* SocketContext */
        Listener->ListenDispatch,
        NULL, NULL, NULL,
        Listener->ControlIrp);
    Status = CondAcc_ControlWait(Listener);
    if (NT_SUCCESS(Status)) {
        Listener->Socket = (PWSK_SOCKET)Listener->ControlIrp->IoStatus.Information;
        Listener->Dispatch =
            (CONST WSK_PROVIDER_LISTEN_DISPATCH *)Listener->Socket->Dispatch;
    }
    return Status;
}

_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
CondAcc_ListenerSetOption(
    _Inout_ PCONDACC_LISTENER Listener,
    _In_ ULONG Level,
    _In_ ULONG Option,
    _In_ ULONG Value)
{
    CondAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskControlSocket(
        Listener->Socket, WskSetOption, Option, Level,
        sizeof(Value), &Value, 0, NULL, NULL, Listener->ControlIrp);
    return CondAcc_ControlWait(Listener);
}

_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
CondAcc_ListenerBind(_Inout_ PCONDACC_LISTENER Listener, _In_ PSOCKADDR LocalAddress)
{
    CondAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskBind(Listener->Socket, LocalAddress, 0,
                                      Listener->ControlIrp);
    return CondAcc_ControlWait(Listener);
}

/* accept by event per-socket: after bind, no IRP.  WskInspectEvent and
 * WskAbortEvent need no enabling (and cannot be disabled). */
_IRQL_requires_max_(DISPATCH_LEVEL)
static NTSTATUS
CondAcc_ListenerEnableEvents(_In_ PCONDACC_LISTENER Listener, _In_ ULONG EventMask)
{
    WSK_EVENT_CALLBACK_CONTROL EventControl;

    EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
    EventControl.EventMask = EventMask;
    return Listener->Dispatch->WskControlSocket(
        Listener->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
        sizeof(EventControl), &EventControl, 0, NULL, NULL, NULL);
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
CondAcc_ListenerDisableAccept(_Inout_ PCONDACC_LISTENER Listener)
{
    WSK_EVENT_CALLBACK_CONTROL EventControl;

    EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
    EventControl.EventMask = WSK_EVENT_ACCEPT | WSK_EVENT_DISABLE;
    CondAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskControlSocket(
        Listener->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
        sizeof(EventControl), &EventControl, 0, NULL, NULL, Listener->ControlIrp);
    (VOID)CondAcc_ControlWait(Listener);
}

/* Closes the socket.  The caller has waited for the rundown, so no
 * WskInspectComplete is in progress; pending entries die with the socket. */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
CondAcc_ListenerClose(_Inout_ PCONDACC_LISTENER Listener)
{
    if (Listener->Socket != NULL) {
        CondAcc_ControlBegin(Listener);
        (VOID)Listener->Dispatch->WskCloseSocket(Listener->Socket, Listener->ControlIrp);
        (VOID)CondAcc_ControlWait(Listener);
        Listener->Socket = NULL;
        Listener->Dispatch = NULL;
    }
    CondAcc_PendingSweep(Listener);
}

_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
CondAcc_ListenerStart(_Inout_ PCONDACC_LISTENER Listener)
{
    LARGE_INTEGER DueTime;
    NTSTATUS Status;

    Listener->RecreateWorkItem = IoAllocateWorkItem((PDEVICE_OBJECT)CondAccDriverObject);
    if (Listener->RecreateWorkItem == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    CondAcc_ListenerLock(Listener);
    Status = Listener->Open(Listener);
    CondAcc_ListenerUnlock(Listener);

    /* Pend timeouts: one periodic timer per listener. */
    DueTime.QuadPart = -(LONGLONG)CONDACC_TIMEOUT_TICK_MS * 10000;
    (VOID)KeSetTimerEx(&Listener->TimeoutTimer, DueTime, CONDACC_TIMEOUT_TICK_MS,
                       &Listener->TimeoutDpc);
    return Status;
}

/* NULL AcceptSocket or NULL InspectID: recreate at PASSIVE_LEVEL. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
CondAcc_ListenerRequestRecreate(_Inout_ PCONDACC_LISTENER Listener)
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
        IoQueueWorkItemEx(Listener->RecreateWorkItem, CondAcc_RecreateWorker,
                          DelayedWorkQueue, Listener);
    }
}

/* from "accept by event" / "conditional" (conditional_accept.wskl:5-6):
 * closes the broken listening socket and opens a new one. */
_Use_decl_annotations_
static VOID
CondAcc_RecreateWorker(PVOID IoObject, PVOID Context, PIO_WORKITEM IoWorkItem)
{
    PCONDACC_LISTENER Listener = (PCONDACC_LISTENER)Context;
    NTSTATUS Status;
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(IoObject);
    UNREFERENCED_PARAMETER(IoWorkItem);
    PAGED_CODE();

    CondAcc_ListenerLock(Listener);
    ExWaitForRundownProtectionRelease(&Listener->Rundown);
    CondAcc_ListenerClose(Listener);
    ExReInitializeRundownProtection(&Listener->Rundown);
    if (!Listener->Stopping) {
        Status = Listener->Open(Listener);
        if (!NT_SUCCESS(Status)) {
            DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
                       "CondAcc: listener %s recreate failed 0x%08lx\n",
                       Listener->Name, (ULONG)Status);
            ExWaitForRundownProtectionRelease(&Listener->Rundown);
            CondAcc_ListenerClose(Listener);
            ExReInitializeRundownProtection(&Listener->Rundown);
        }
    }
    CondAcc_ListenerUnlock(Listener);

    KeAcquireSpinLock(&Listener->Lock, &OldIrql);
    Listener->RecreatePending = FALSE;
    KeSetEvent(&Listener->RecreateIdle, IO_NO_INCREMENT, FALSE);
    KeReleaseSpinLock(&Listener->Lock, OldIrql);
}

/*
 * Stops a listener (also one that never started):
 *  1. Stopping: no recreate, no new pend;
 *  2. cancel the timeout timer and flush its DPC;
 *  3. wait for a pending recreate worker, free the work item;
 *  4. wait for the rundown: no WskInspectComplete in progress or to come;
 *  5. disable WskAcceptEvent, close the socket, sweep the table.
 */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
CondAcc_ListenerStop(_Inout_ PCONDACC_LISTENER Listener)
{
    KIRQL OldIrql;

    KeAcquireSpinLock(&Listener->Lock, &OldIrql);
    Listener->Stopping = TRUE;      /* also read (unlocked) by pends: a pend that
                                       misses it is swept after the close */
    KeReleaseSpinLock(&Listener->Lock, OldIrql);

    (VOID)KeCancelTimer(&Listener->TimeoutTimer);
    KeFlushQueuedDpcs();

    (VOID)KeWaitForSingleObject(&Listener->RecreateIdle, Executive, KernelMode,
                                FALSE, NULL);
    if (Listener->RecreateWorkItem != NULL) {
        IoFreeWorkItem(Listener->RecreateWorkItem);
        Listener->RecreateWorkItem = NULL;
    }

    CondAcc_ListenerLock(Listener);
    ExWaitForRundownProtectionRelease(&Listener->Rundown);
    if (Listener->Socket != NULL) {
        CondAcc_ListenerDisableAccept(Listener);
    }
    CondAcc_ListenerClose(Listener);
    if (Listener->ControlIrp != NULL) {
        CondAcc_FreeIrp(Listener->ControlIrp);
        Listener->ControlIrp = NULL;
    }
    CondAcc_ListenerUnlock(Listener);
}

/* ---- 8. listener Public (conditional_accept.wskl:3-16) ----------------- */

static CONDACC_LISTENER CondAccPublic;
static CONDACC_PENDING  CondAccPublicPending[CONDACC_PUBLIC_PENDING_MAX];

/* from "accept by event" + "conditional" (conditional_accept.wskl:5-6) */
static const WSK_CLIENT_LISTEN_DISPATCH CondAccPublicListenDispatch = {
    CondAccPublic_AcceptEvent,              /* WskAcceptEvent */
    CondAccPublic_InspectEvent,             /* WskInspectEvent */
    CondAccPublic_AbortEvent                /* WskAbortEvent */
};

/* from "connection handles receive, disconnect" (conditional_accept.wskl:15) */
static const WSK_CLIENT_CONNECTION_DISPATCH CondAccPublicConnectionDispatch = {
    CondAcc_ConnectionReceiveEvent,         /* WskReceiveEvent */
    CondAcc_ConnectionDisconnectEvent,      /* WskDisconnectEvent */
    NULL                                    /* WskSendBacklogEvent */
};
#define CONDACC_PUBLIC_CONNECTION_EVENTS (WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT)

/* Match helpers for the table below. */
#define CONDACC_MATCH_ANY \
    { CondAccAddressAny, { 0 }, 0, 0, 65535 }
#define CONDACC_MATCH_ANY_PORTS(First, Last) \
    { CondAccAddressAny, { 0 }, 0, (First), (Last) }

/* from conditional { ... } (conditional_accept.wskl:6-14), in model order */
static const CONDACC_RULE CondAccPublicRules[] = {
    {   /* reject remote 10.0.0.0/8 (conditional_accept.wskl:7) */
        .Remote = { CondAccAddressIpv4, { 10, 0, 0, 0 }, 8, 0, 65535 },
        .Local  = CONDACC_MATCH_ANY,
        .Action = WskInspectReject,
        .Origin = "conditional_accept.wskl:7" },
    {   /* accept remote 192.168.0.0/16 local port 40009 (conditional_accept.wskl:8) */
        .Remote = { CondAccAddressIpv4, { 192, 168, 0, 0 }, 16, 0, 65535 },
        .Local  = CONDACC_MATCH_ANY_PORTS(40009, 40009),
        .Action = WskInspectAccept,
        .Origin = "conditional_accept.wskl:8" },
    {   /* accept remote ::1/128 (conditional_accept.wskl:9) */
        .Remote = { CondAccAddressIpv6, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 },
                    128, 0, 65535 },
        .Local  = CONDACC_MATCH_ANY,
        .Action = WskInspectAccept,
        .Origin = "conditional_accept.wskl:9" },
    {   /* pend remote 2001:db8::/32 with check Reputation timeout 500 ms
           else reject (conditional_accept.wskl:10) */
        .Remote = { CondAccAddressIpv6, { 0x20, 0x01, 0x0d, 0xb8 }, 32, 0, 65535 },
        .Local  = CONDACC_MATCH_ANY,
        .Action = WskInspectPend,
        .TimeoutAction = WskInspectReject,
        .TimeoutMs = 500,
        .StartCheck = CondAccPublic_StartReputationCheck,
        .Origin = "conditional_accept.wskl:10" },
    {   /* pend remote 172.16.0.0/12 port 1024-65535 with check Reputation
           timeout 2000 ms else accept (conditional_accept.wskl:11) */
        .Remote = { CondAccAddressIpv4, { 172, 16, 0, 0 }, 12, 1024, 65535 },
        .Local  = CONDACC_MATCH_ANY,
        .Action = WskInspectPend,
        .TimeoutAction = WskInspectAccept,
        .TimeoutMs = 2000,
        .StartCheck = CondAccPublic_StartReputationCheck,
        .Origin = "conditional_accept.wskl:11" },
    {   /* reject remote any port 0-1023 (conditional_accept.wskl:12) */
        .Remote = CONDACC_MATCH_ANY_PORTS(0, 1023),
        .Local  = CONDACC_MATCH_ANY,
        .Action = WskInspectReject,
        .Origin = "conditional_accept.wskl:12" },
    {   /* default reject (conditional_accept.wskl:13) */
        .Remote = CONDACC_MATCH_ANY,
        .Local  = CONDACC_MATCH_ANY,
        .Action = WskInspectReject,
        .Origin = "conditional_accept.wskl:13" },
};

/* from listener Public (conditional_accept.wskl:3) */
_Use_decl_annotations_
static NTSTATUS
CondAccPublic_Open(PCONDACC_LISTENER Listener)
{
    SOCKADDR_IN6 LocalAddress;
    NTSTATUS Status;

    PAGED_CODE();

    /* on dual-stack [::]:40009 (conditional_accept.wskl:3) */
    RtlZeroMemory(&LocalAddress, sizeof(LocalAddress));
    LocalAddress.sin6_family = AF_INET6;
    LocalAddress.sin6_port = RtlUshortByteSwap(CONDACC_PUBLIC_PORT);

    Status = CondAcc_ListenerCreate(Listener, AF_INET6);
    /* dual-stack: IPV6_V6ONLY = 0, before bind */
    if (NT_SUCCESS(Status)) {
        Status = CondAcc_ListenerSetOption(Listener, IPPROTO_IPV6, IPV6_V6ONLY, 0);
    }
    /* options exclusive-address-use (conditional_accept.wskl:4) */
    if (NT_SUCCESS(Status)) {
        Status = CondAcc_ListenerSetOption(Listener, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
    }
    /* conditional (conditional_accept.wskl:6): SO_CONDITIONAL_ACCEPT before bind */
    if (NT_SUCCESS(Status)) {
        Status = CondAcc_ListenerSetOption(Listener, SOL_SOCKET, SO_CONDITIONAL_ACCEPT, 1);
    }
    if (NT_SUCCESS(Status)) {
        Status = CondAcc_ListenerBind(Listener, (PSOCKADDR)&LocalAddress);
    }
    /* accept by event per-socket (conditional_accept.wskl:5), after bind */
    if (NT_SUCCESS(Status)) {
        Status = CondAcc_ListenerEnableEvents(
            Listener, WSK_EVENT_ACCEPT | CONDACC_PUBLIC_CONNECTION_EVENTS);
    }
    return Status;
}

/* from "conditional" (conditional_accept.wskl:6-14) */
_Use_decl_annotations_
static WSK_INSPECT_ACTION WSKAPI
CondAccPublic_InspectEvent(
    PVOID SocketContext,
    PSOCKADDR LocalAddress,
    PSOCKADDR RemoteAddress,
    PWSK_INSPECT_ID InspectID)
{
    PCONDACC_LISTENER Listener = (PCONDACC_LISTENER)SocketContext;
    CONST CONDACC_RULE *Rule;
    WSK_INSPECT_ACTION Decision;

    if (Listener == NULL) {
        return WskInspectReject;
    }
    if (InspectID == NULL) {
        /* The listening socket no longer works: close and recreate it. */
        CondAcc_ListenerRequestRecreate(Listener);
        return WskInspectReject;
    }

    Rule = CondAcc_Evaluate(CondAccPublicRules, RTL_NUMBER_OF(CondAccPublicRules),
                            LocalAddress, RemoteAddress);
    Decision = (Rule != NULL) ? Rule->Action : WskInspectReject;
    if (Decision == WskInspectPend) {
        Decision = CondAcc_PendInspection(Listener, Rule, InspectID,
                                          LocalAddress, RemoteAddress);
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

/* from "conditional" (conditional_accept.wskl:6): the request was dropped
 * after Pend or Accept.  Always STATUS_SUCCESS. */
_Use_decl_annotations_
static NTSTATUS WSKAPI
CondAccPublic_AbortEvent(PVOID SocketContext, PWSK_INSPECT_ID InspectID)
{
    PCONDACC_LISTENER Listener = (PCONDACC_LISTENER)SocketContext;

    if (Listener != NULL && InspectID != NULL) {
        CondAcc_AbortInspection(Listener, InspectID);
    }
    return STATUS_SUCCESS;
}

/* from listener Public, "accept by event" (conditional_accept.wskl:5) */
_Use_decl_annotations_
static NTSTATUS WSKAPI
CondAccPublic_AcceptEvent(
    PVOID SocketContext,
    ULONG Flags,
    PSOCKADDR LocalAddress,
    PSOCKADDR RemoteAddress,
    PWSK_SOCKET AcceptSocket,
    PVOID *AcceptSocketContext,
    CONST WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PCONDACC_LISTENER Listener = (PCONDACC_LISTENER)SocketContext;
    PCONDACC_CONNECTION Connection;

    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);

    *AcceptSocketContext = NULL;
    *AcceptSocketDispatch = NULL;

    if (Listener == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    if (AcceptSocket == NULL) {
        CondAcc_ListenerRequestRecreate(Listener);
        return STATUS_REQUEST_NOT_ACCEPTED;
    }

    Connection = CondAcc_ConnectionAllocate(Listener, AcceptSocket, RemoteAddress);
    if (Connection == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;     /* WSK closes the socket */
    }
    if (!CondAcc_ConnectionInsert(Connection)) {
        CondAcc_ConnectionFree(Connection);
        return STATUS_REQUEST_NOT_ACCEPTED;
    }

    InterlockedIncrement(&Listener->AcceptedCount);
    *AcceptSocketContext = Connection;
    *AcceptSocketDispatch = &CondAccPublicConnectionDispatch;
    return STATUS_SUCCESS;
}

/* from "with check Reputation" (conditional_accept.wskl:10-11): hook for
 * the driver's own logic.  It copies what it needs (the pointers die when
 * it returns), starts the check without waiting, and reports through
 * CondAccPublic_CompleteReputationCheck.  This reference starts nothing,
 * so each pended request ends with its rule's timeout action. */
_Use_decl_annotations_
static VOID
CondAccPublic_StartReputationCheck(
    CONST WSK_INSPECT_ID *InspectId,
    CONST SOCKADDR *LocalAddress,
    CONST SOCKADDR *RemoteAddress)
{
    UNREFERENCED_PARAMETER(InspectId);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
}

/* from "with check Reputation" (conditional_accept.wskl:10-11) */
_Use_decl_annotations_
NTSTATUS
CondAccPublic_CompleteReputationCheck(CONST WSK_INSPECT_ID *InspectId, BOOLEAN Accept)
{
    if (InspectId == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    return CondAcc_CompleteInspection(&CondAccPublic, InspectId,
                                      Accept ? WskInspectAccept : WskInspectReject);
}

/* ---- 9. DriverEntry / unload (conditional_accept.wskl:1) --------------- */

_Use_decl_annotations_
static VOID
CondAcc_Shutdown(VOID)
{
    PAGED_CODE();

    CondAcc_ListenerStop(&CondAccPublic);
    CondAcc_ConnectionCloseAll();

    if (InterlockedDecrement(&CondAccIrpCount) != 0) {
        (VOID)KeWaitForSingleObject(&CondAccIrpsDrained, Executive, KernelMode,
                                    FALSE, NULL);
    }
    if (CondAccNpiCaptured) {
        WskReleaseProviderNPI(&CondAccRegistration);
        CondAccNpiCaptured = FALSE;
    }
    if (CondAccRegistered) {
        WskDeregister(&CondAccRegistration);
        CondAccRegistered = FALSE;
    }
}

/* from driver ConditionalAccept (conditional_accept.wskl:1) */
_Use_decl_annotations_
static VOID
CondAcc_Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    CondAcc_Shutdown();
}

/* from driver ConditionalAccept (conditional_accept.wskl:1) */
_Use_decl_annotations_
NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI ClientNpi;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);
    PAGED_CODE();

    CondAccDriverObject = DriverObject;
    CondAccIrpCount = 1;
    KeInitializeEvent(&CondAccIrpsDrained, NotificationEvent, FALSE);
    InitializeListHead(&CondAccConnections);
    KeInitializeSpinLock(&CondAccConnectionLock);
    CondAccConnectionsClosed = FALSE;

    CondAcc_ListenerInit(&CondAccPublic, "Public", CondAccPublic_Open,
                         &CondAccPublicListenDispatch,
                         CondAccPublicPending, RTL_NUMBER_OF(CondAccPublicPending));

    Status = CondAcc_ValidateRules(CondAccPublicRules, RTL_NUMBER_OF(CondAccPublicRules));
    if (NT_SUCCESS(Status)) {
        ClientNpi.ClientContext = NULL;
        ClientNpi.Dispatch = &CondAccClientDispatch;
        Status = WskRegister(&ClientNpi, &CondAccRegistration);
    }
    if (NT_SUCCESS(Status)) {
        CondAccRegistered = TRUE;
        Status = WskCaptureProviderNPI(&CondAccRegistration, WSK_INFINITE_WAIT,
                                       &CondAccProviderNpi);
    }
    if (NT_SUCCESS(Status)) {
        CondAccNpiCaptured = TRUE;
        Status = CondAcc_ListenerStart(&CondAccPublic);
    }
    if (!NT_SUCCESS(Status)) {
        DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
                   "CondAcc: load failed 0x%08lx\n", (ULONG)Status);
        CondAcc_Shutdown();
        return Status;
    }

    DriverObject->DriverUnload = CondAcc_Unload;
    return STATUS_SUCCESS;
}

/*
 * event_accept.c -- reference driver: event-mode accept.
 *
 * A dual-stack listener ([::]:40007, IPV6_V6ONLY = 0) whose connections are
 * delivered by WskAcceptEvent.  Events are enabled per socket after bind
 * (SO_WSK_EVENT_CALLBACK), or -- EVTACC_STATIC_EVENTS=1 -- once for the
 * client before any socket exists (WSK_SET_STATIC_EVENT_CALLBACKS).
 * A NULL AcceptSocket makes a work item close and recreate the listener.
 *
 * Layout (the order a generator emits):
 *   1. role-typed forward declarations
 *   2. driver-level state            (driver EventAccept)
 *   3. driver-level IRP helpers
 *   4. connection block              (connection handles ...)
 *   5. event listener runtime        (accept by event ...)
 *   6. per-listener block            (listener Public)
 *   7. DriverEntry / unload
 */
#include "event_accept.h"

/* ---- 1. role-typed forward declarations ------------------------------ */

static DRIVER_UNLOAD            EvtAcc_Unload;
static IO_COMPLETION_ROUTINE    EvtAcc_SyncIrpComplete;
static IO_COMPLETION_ROUTINE    EvtAcc_ConnectionCloseComplete;
static IO_WORKITEM_ROUTINE_EX   EvtAcc_RecreateWorker;
static WSK_RECEIVE_EVENT_FN     EvtAcc_ConnectionReceiveEvent;
static WSK_DISCONNECT_EVENT_FN  EvtAcc_ConnectionDisconnectEvent;
static WSK_ACCEPT_EVENT_FN      EvtAccPublic_AcceptEvent;
static EVTACC_LISTENER_OPEN     EvtAccPublic_Open;

_IRQL_requires_(PASSIVE_LEVEL) static VOID EvtAcc_Shutdown(VOID);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, EvtAcc_Unload)
#pragma alloc_text(PAGE, EvtAcc_Shutdown)
#pragma alloc_text(PAGE, EvtAcc_RecreateWorker)
#pragma alloc_text(PAGE, EvtAccPublic_Open)
#endif

/* ---- 2. driver-level state (driver EventAccept, event_accept.wskl:1) -- */

static const WSK_CLIENT_DISPATCH EvtAccClientDispatch = {
    MAKE_WSK_VERSION(1, 0),     /* WSK 1.0 */
    0,                          /* Reserved */
    NULL                        /* no WskClientEvent */
};

static PDRIVER_OBJECT   EvtAccDriverObject;    /* IoObject of the work items */
static WSK_REGISTRATION EvtAccRegistration;
static WSK_PROVIDER_NPI EvtAccProviderNpi;
static BOOLEAN          EvtAccRegistered;
static BOOLEAN          EvtAccNpiCaptured;

/* Allocated-and-not-freed IRPs, plus a bias of 1 dropped by EvtAcc_Shutdown. */
static volatile LONG    EvtAccIrpCount;
static KEVENT           EvtAccIrpsDrained;

static LIST_ENTRY       EvtAccConnections;
static KSPIN_LOCK       EvtAccConnectionLock;
static BOOLEAN          EvtAccConnectionsClosed;   /* under EvtAccConnectionLock */

/* ---- 3. driver-level IRP helpers ------------------------------------- */

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
static PIRP
EvtAcc_AllocateIrp(VOID)
{
    PIRP Irp = IoAllocateIrp(1, FALSE);

    if (Irp != NULL) {
        InterlockedIncrement(&EvtAccIrpCount);
    }
    return Irp;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
EvtAcc_FreeIrp(_In_ __drv_freesMem(Mem) PIRP Irp)
{
    IoFreeIrp(Irp);
    if (InterlockedDecrement(&EvtAccIrpCount) == 0) {
        KeSetEvent(&EvtAccIrpsDrained, IO_NO_INCREMENT, FALSE);
    }
}

_Use_decl_annotations_
static NTSTATUS
EvtAcc_SyncIrpComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);

    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
EvtAcc_ControlBegin(_Inout_ PEVTACC_LISTENER Listener)
{
    IoReuseIrp(Listener->ControlIrp, STATUS_UNSUCCESSFUL);
    KeClearEvent(&Listener->ControlEvent);
    IoSetCompletionRoutine(Listener->ControlIrp, EvtAcc_SyncIrpComplete,
                           &Listener->ControlEvent, TRUE, TRUE, TRUE);
}

/* WSK completes the IRP whatever the call returned: wait for that. */
_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
EvtAcc_ControlWait(_Inout_ PEVTACC_LISTENER Listener)
{
    (VOID)KeWaitForSingleObject(&Listener->ControlEvent, Executive, KernelMode,
                                FALSE, NULL);
    return Listener->ControlIrp->IoStatus.Status;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
EvtAcc_CopyAddress(_Out_ PSOCKADDR_STORAGE Destination, _In_ CONST SOCKADDR *Source)
{
    SIZE_T Length = (Source->sa_family == AF_INET6) ? sizeof(SOCKADDR_IN6)
                  : (Source->sa_family == AF_INET)  ? sizeof(SOCKADDR_IN)
                  : sizeof(SOCKADDR);

    RtlZeroMemory(Destination, sizeof(*Destination));
    RtlCopyMemory(Destination, Source, Length);
}

/* ---- 4. connection block (connection handles receive, disconnect) ---- */

/* Called from WskAcceptEvent (<= DISPATCH_LEVEL): non-paged memory only. */
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
static PEVTACC_CONNECTION
EvtAcc_ConnectionAllocate(
    _In_ PEVTACC_LISTENER Listener,
    _In_ PWSK_SOCKET Socket,
    _In_ CONST SOCKADDR *RemoteAddress)
{
    PEVTACC_CONNECTION Connection;

    Connection = (PEVTACC_CONNECTION)ExAllocatePoolWithTag(
        NonPagedPoolNx, sizeof(*Connection), EVTACC_POOL_TAG);
    if (Connection == NULL) {
        return NULL;
    }
    RtlZeroMemory(Connection, sizeof(*Connection));
    InitializeListHead(&Connection->Link);
    Connection->Listener = Listener;
    Connection->Socket = Socket;
    Connection->State = EvtAccConnOpen;
    EvtAcc_CopyAddress(&Connection->RemoteAddress, RemoteAddress);
    Connection->CloseIrp = EvtAcc_AllocateIrp();
    if (Connection->CloseIrp == NULL) {
        ExFreePoolWithTag(Connection, EVTACC_POOL_TAG);
        return NULL;
    }
    return Connection;
}

/* Frees a context whose socket was not accepted (WSK closes that socket). */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
EvtAcc_ConnectionFree(_In_ __drv_freesMem(Mem) PEVTACC_CONNECTION Connection)
{
    PIRP CloseIrp = Connection->CloseIrp;

    ExFreePoolWithTag(Connection, EVTACC_POOL_TAG);
    EvtAcc_FreeIrp(CloseIrp);
}

/* Lists a new connection; FALSE once unloading has begun. */
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
static BOOLEAN
EvtAcc_ConnectionInsert(_In_ PEVTACC_CONNECTION Connection)
{
    BOOLEAN Listed;
    KIRQL OldIrql;

    KeAcquireSpinLock(&EvtAccConnectionLock, &OldIrql);
    Listed = !EvtAccConnectionsClosed;
    if (Listed) {
        InsertTailList(&EvtAccConnections, &Connection->Link);
    }
    KeReleaseSpinLock(&EvtAccConnectionLock, OldIrql);
    return Listed;
}

/* The single WskCloseSocket of an accepted socket; the caller has moved
 * State from Open to Closing. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
EvtAcc_ConnectionIssueClose(_In_ PEVTACC_CONNECTION Connection)
{
    CONST WSK_PROVIDER_BASIC_DISPATCH *Dispatch =
        (CONST WSK_PROVIDER_BASIC_DISPATCH *)Connection->Socket->Dispatch;

    IoReuseIrp(Connection->CloseIrp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Connection->CloseIrp, EvtAcc_ConnectionCloseComplete,
                           Connection, TRUE, TRUE, TRUE);
    (VOID)Dispatch->WskCloseSocket(Connection->Socket, Connection->CloseIrp);
    /* Connection may already be freed here. */
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
EvtAcc_ConnectionRequestClose(_In_ PEVTACC_CONNECTION Connection)
{
    if (InterlockedCompareExchange(&Connection->State, EvtAccConnClosing,
                                   EvtAccConnOpen) == EvtAccConnOpen) {
        EvtAcc_ConnectionIssueClose(Connection);
    }
}

/* from "connection handles ..." (event_accept.wskl:6): close completion
 * frees the context and the close IRP, exactly once. */
_Use_decl_annotations_
static NTSTATUS
EvtAcc_ConnectionCloseComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PEVTACC_CONNECTION Connection = (PEVTACC_CONNECTION)Context;
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(DeviceObject);

    KeAcquireSpinLock(&EvtAccConnectionLock, &OldIrql);
    RemoveEntryList(&Connection->Link);
    KeReleaseSpinLock(&EvtAccConnectionLock, OldIrql);

    ExFreePoolWithTag(Connection, EVTACC_POOL_TAG);
    EvtAcc_FreeIrp(Irp);                    /* == Connection->CloseIrp */
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* from "connection handles receive" (event_accept.wskl:6) */
_Use_decl_annotations_
static NTSTATUS WSKAPI
EvtAcc_ConnectionReceiveEvent(
    PVOID SocketContext,
    ULONG Flags,
    PWSK_DATA_INDICATION DataIndication,
    SIZE_T BytesIndicated,
    SIZE_T *BytesAccepted)
{
    PEVTACC_CONNECTION Connection = (PEVTACC_CONNECTION)SocketContext;

    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesAccepted);  /* untouched = everything accepted */

    if (Connection == NULL) {
        return STATUS_SUCCESS;
    }
    if (DataIndication == NULL) {
        EvtAcc_ConnectionRequestClose(Connection);  /* socket no longer works */
        return STATUS_SUCCESS;
    }
    InterlockedExchangeAdd64(&Connection->BytesReceived, (LONG64)BytesIndicated);
    return STATUS_SUCCESS;
}

/* from "connection handles disconnect" (event_accept.wskl:6): the peer
 * disconnected; closing the socket frees the context (close completion). */
_Use_decl_annotations_
static NTSTATUS WSKAPI
EvtAcc_ConnectionDisconnectEvent(PVOID SocketContext, ULONG Flags)
{
    UNREFERENCED_PARAMETER(Flags);

    if (SocketContext != NULL) {
        EvtAcc_ConnectionRequestClose((PEVTACC_CONNECTION)SocketContext);
    }
    return STATUS_SUCCESS;
}

/* Unload: close every listed connection (claim under the lock, close after
 * dropping it: a synchronous close completion takes the lock). */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
EvtAcc_ConnectionCloseAll(VOID)
{
    KIRQL OldIrql;

    KeAcquireSpinLock(&EvtAccConnectionLock, &OldIrql);
    EvtAccConnectionsClosed = TRUE;
    KeReleaseSpinLock(&EvtAccConnectionLock, OldIrql);

    for (;;) {
        PEVTACC_CONNECTION Victim = NULL;
        PLIST_ENTRY Entry;

        KeAcquireSpinLock(&EvtAccConnectionLock, &OldIrql);
        for (Entry = EvtAccConnections.Flink; Entry != &EvtAccConnections;
             Entry = Entry->Flink) {
            PEVTACC_CONNECTION Connection =
                CONTAINING_RECORD(Entry, EVTACC_CONNECTION, Link);

            if (InterlockedCompareExchange(&Connection->State, EvtAccConnClosing,
                                           EvtAccConnOpen) == EvtAccConnOpen) {
                Victim = Connection;
                break;
            }
        }
        KeReleaseSpinLock(&EvtAccConnectionLock, OldIrql);

        if (Victim == NULL) {
            break;
        }
        EvtAcc_ConnectionIssueClose(Victim);
    }
}

/* ---- 5. event listener runtime (accept by event ...) ----------------- */

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
EvtAcc_ListenerInit(
    _Out_ PEVTACC_LISTENER Listener,
    _In_ PCSTR Name,
    _In_ PEVTACC_LISTENER_OPEN Open,
    _In_ CONST WSK_CLIENT_LISTEN_DISPATCH *ListenDispatch)
{
    RtlZeroMemory(Listener, sizeof(*Listener));
    Listener->Name = Name;
    Listener->Open = Open;
    Listener->ListenDispatch = ListenDispatch;
    KeInitializeEvent(&Listener->ControlEvent, NotificationEvent, FALSE);
    KeInitializeEvent(&Listener->ControlLock, SynchronizationEvent, TRUE);
    KeInitializeSpinLock(&Listener->Lock);
    KeInitializeEvent(&Listener->RecreateIdle, NotificationEvent, TRUE);
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
EvtAcc_ListenerLock(_Inout_ PEVTACC_LISTENER Listener)
{
    (VOID)KeWaitForSingleObject(&Listener->ControlLock, Executive, KernelMode,
                                FALSE, NULL);
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
EvtAcc_ListenerUnlock(_Inout_ PEVTACC_LISTENER Listener)
{
    KeSetEvent(&Listener->ControlLock, IO_NO_INCREMENT, FALSE);
}

/* WskSocket(WSK_FLAG_LISTEN_SOCKET), synchronously.  SocketContext is the
 * listener, which every listen callback receives. */
_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
EvtAcc_ListenerCreate(_Inout_ PEVTACC_LISTENER Listener, _In_ ADDRESS_FAMILY Family)
{
    NTSTATUS Status;

    if (Listener->ControlIrp == NULL) {
        Listener->ControlIrp = EvtAcc_AllocateIrp();
        if (Listener->ControlIrp == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    EvtAcc_ControlBegin(Listener);
    (VOID)EvtAccProviderNpi.Dispatch->WskSocket(
        EvtAccProviderNpi.Client, Family, SOCK_STREAM, IPPROTO_TCP,
        WSK_FLAG_LISTEN_SOCKET,
        Listener,                           /* SocketContext */
        Listener->ListenDispatch,
        NULL, NULL, NULL,                   /* process, thread, security descriptor */
        Listener->ControlIrp);
    Status = EvtAcc_ControlWait(Listener);
    if (NT_SUCCESS(Status)) {
        Listener->Socket = (PWSK_SOCKET)Listener->ControlIrp->IoStatus.Information;
        Listener->Dispatch =
            (CONST WSK_PROVIDER_LISTEN_DISPATCH *)Listener->Socket->Dispatch;
    }
    return Status;
}

_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
EvtAcc_ListenerSetOption(
    _Inout_ PEVTACC_LISTENER Listener,
    _In_ ULONG Level,
    _In_ ULONG Option,
    _In_ ULONG Value)
{
    EvtAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskControlSocket(
        Listener->Socket, WskSetOption, Option, Level,
        sizeof(Value), &Value, 0, NULL, NULL, Listener->ControlIrp);
    return EvtAcc_ControlWait(Listener);
}

_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
EvtAcc_ListenerBind(_Inout_ PEVTACC_LISTENER Listener, _In_ PSOCKADDR LocalAddress)
{
    EvtAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskBind(Listener->Socket, LocalAddress, 0,
                                      Listener->ControlIrp);
    return EvtAcc_ControlWait(Listener);
}

#if !EVTACC_STATIC_EVENTS
/* accept by event per-socket: after bind, without an IRP.  Connection
 * events enabled on the listening socket are inherited by every socket it
 * accepts through WskAcceptEvent. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static NTSTATUS
EvtAcc_ListenerEnableEvents(_In_ PEVTACC_LISTENER Listener, _In_ ULONG EventMask)
{
    WSK_EVENT_CALLBACK_CONTROL EventControl;

    EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
    EventControl.EventMask = EventMask;
    return Listener->Dispatch->WskControlSocket(
        Listener->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
        sizeof(EventControl), &EventControl, 0, NULL, NULL, NULL);
}

/* Disables WskAcceptEvent; with an IRP the request completes only once
 * every in-progress WskAcceptEvent call has returned. */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
EvtAcc_ListenerDisableAccept(_Inout_ PEVTACC_LISTENER Listener)
{
    WSK_EVENT_CALLBACK_CONTROL EventControl;

    EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
    EventControl.EventMask = WSK_EVENT_ACCEPT | WSK_EVENT_DISABLE;
    EvtAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskControlSocket(
        Listener->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
        sizeof(EventControl), &EventControl, 0, NULL, NULL, Listener->ControlIrp);
    (VOID)EvtAcc_ControlWait(Listener);
}
#endif /* !EVTACC_STATIC_EVENTS */

/* WskCloseSocket, synchronously; it also waits for in-progress callbacks. */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
EvtAcc_ListenerClose(_Inout_ PEVTACC_LISTENER Listener)
{
    if (Listener->Socket == NULL) {
        return;
    }
    EvtAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskCloseSocket(Listener->Socket, Listener->ControlIrp);
    (VOID)EvtAcc_ControlWait(Listener);
    Listener->Socket = NULL;
    Listener->Dispatch = NULL;
}

/* Opens the listener at load (the work item is allocated first so that a
 * NULL AcceptSocket can always be handled). */
_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
EvtAcc_ListenerStart(_Inout_ PEVTACC_LISTENER Listener)
{
    NTSTATUS Status;

    Listener->RecreateWorkItem = IoAllocateWorkItem((PDEVICE_OBJECT)EvtAccDriverObject);
    if (Listener->RecreateWorkItem == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    EvtAcc_ListenerLock(Listener);
    Status = Listener->Open(Listener);
    EvtAcc_ListenerUnlock(Listener);
    return Status;      /* on failure EvtAcc_ListenerStop closes what was opened */
}

/* NULL AcceptSocket (or NULL InspectID): callbacks run at up to
 * DISPATCH_LEVEL and must not wait for WSK requests, so the close and the
 * recreation run in a work item.  At most one is pending per listener. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
EvtAcc_ListenerRequestRecreate(_Inout_ PEVTACC_LISTENER Listener)
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
        IoQueueWorkItemEx(Listener->RecreateWorkItem, EvtAcc_RecreateWorker,
                          DelayedWorkQueue, Listener);
    }
}

/* from "accept by event" (event_accept.wskl:5): closes the broken
 * listening socket and opens a new one, at PASSIVE_LEVEL. */
_Use_decl_annotations_
static VOID
EvtAcc_RecreateWorker(PVOID IoObject, PVOID Context, PIO_WORKITEM IoWorkItem)
{
    PEVTACC_LISTENER Listener = (PEVTACC_LISTENER)Context;
    NTSTATUS Status;
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(IoObject);
    UNREFERENCED_PARAMETER(IoWorkItem);
    PAGED_CODE();

    EvtAcc_ListenerLock(Listener);
    EvtAcc_ListenerClose(Listener);
    if (!Listener->Stopping) {
        Status = Listener->Open(Listener);
        if (!NT_SUCCESS(Status)) {
            /* Stays closed until reload; documented behaviour. */
            DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
                       "EvtAcc: listener %s recreate failed 0x%08lx\n",
                       Listener->Name, (ULONG)Status);
            EvtAcc_ListenerClose(Listener);
        }
    }
    EvtAcc_ListenerUnlock(Listener);

    KeAcquireSpinLock(&Listener->Lock, &OldIrql);
    Listener->RecreatePending = FALSE;
    KeSetEvent(&Listener->RecreateIdle, IO_NO_INCREMENT, FALSE);
    KeReleaseSpinLock(&Listener->Lock, OldIrql);
}

/*
 * Stops a listener (also one that never started):
 *  1. Stopping under the lock: no recreate can be queued any more;
 *  2. wait for a pending recreate worker, free the work item;
 *  3. per-socket mode: disable WskAcceptEvent (waits for running calls);
 *  4. WskCloseSocket (waits for running callbacks), free the control IRP.
 */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
EvtAcc_ListenerStop(_Inout_ PEVTACC_LISTENER Listener)
{
    KIRQL OldIrql;

    KeAcquireSpinLock(&Listener->Lock, &OldIrql);
    Listener->Stopping = TRUE;
    KeReleaseSpinLock(&Listener->Lock, OldIrql);

    (VOID)KeWaitForSingleObject(&Listener->RecreateIdle, Executive, KernelMode,
                                FALSE, NULL);
    if (Listener->RecreateWorkItem != NULL) {
        IoFreeWorkItem(Listener->RecreateWorkItem);
        Listener->RecreateWorkItem = NULL;
    }

    EvtAcc_ListenerLock(Listener);
#if !EVTACC_STATIC_EVENTS
    if (Listener->Socket != NULL) {
        EvtAcc_ListenerDisableAccept(Listener);
    }
#endif
    EvtAcc_ListenerClose(Listener);
    if (Listener->ControlIrp != NULL) {
        EvtAcc_FreeIrp(Listener->ControlIrp);
        Listener->ControlIrp = NULL;
    }
    EvtAcc_ListenerUnlock(Listener);
}

/* ---- 6. listener Public (event_accept.wskl:3-7) ------------------------ */

static EVTACC_LISTENER EvtAccPublic;

/* from "accept by event" (event_accept.wskl:5) */
static const WSK_CLIENT_LISTEN_DISPATCH EvtAccPublicListenDispatch = {
    EvtAccPublic_AcceptEvent,               /* WskAcceptEvent */
    NULL,                                   /* WskInspectEvent: no conditional accept */
    NULL                                    /* WskAbortEvent:   no conditional accept */
};

/* from "connection handles receive, disconnect" (event_accept.wskl:6) */
static const WSK_CLIENT_CONNECTION_DISPATCH EvtAccPublicConnectionDispatch = {
    EvtAcc_ConnectionReceiveEvent,          /* WskReceiveEvent */
    EvtAcc_ConnectionDisconnectEvent,       /* WskDisconnectEvent */
    NULL                                    /* WskSendBacklogEvent */
};
#define EVTACC_PUBLIC_CONNECTION_EVENTS (WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT)

/* from listener Public (event_accept.wskl:3) */
_Use_decl_annotations_
static NTSTATUS
EvtAccPublic_Open(PEVTACC_LISTENER Listener)
{
    SOCKADDR_IN6 LocalAddress;
    NTSTATUS Status;

    PAGED_CODE();

    /* on dual-stack [::]:40007 (event_accept.wskl:3) */
    RtlZeroMemory(&LocalAddress, sizeof(LocalAddress));    /* sin6_addr = :: */
    LocalAddress.sin6_family = AF_INET6;
    LocalAddress.sin6_port = RtlUshortByteSwap(EVTACC_PUBLIC_PORT);

    Status = EvtAcc_ListenerCreate(Listener, AF_INET6);
    /* dual-stack (event_accept.wskl:3): IPV6_V6ONLY = 0, before bind */
    if (NT_SUCCESS(Status)) {
        Status = EvtAcc_ListenerSetOption(Listener, IPPROTO_IPV6, IPV6_V6ONLY, 0);
    }
    /* options reuse-address (event_accept.wskl:4): before bind */
    if (NT_SUCCESS(Status)) {
        Status = EvtAcc_ListenerSetOption(Listener, SOL_SOCKET, SO_REUSEADDR, 1);
    }
    if (NT_SUCCESS(Status)) {
        Status = EvtAcc_ListenerBind(Listener, (PSOCKADDR)&LocalAddress);
    }
#if !EVTACC_STATIC_EVENTS
    /* accept by event per-socket (event_accept.wskl:5), after bind;
     * connection events ride along and are inherited by accepted sockets */
    if (NT_SUCCESS(Status)) {
        Status = EvtAcc_ListenerEnableEvents(
            Listener, WSK_EVENT_ACCEPT | EVTACC_PUBLIC_CONNECTION_EVENTS);
    }
#endif
    return Status;
}

/* from listener Public, "accept by event" (event_accept.wskl:5) */
_Use_decl_annotations_
static NTSTATUS WSKAPI
EvtAccPublic_AcceptEvent(
    PVOID SocketContext,
    ULONG Flags,
    PSOCKADDR LocalAddress,
    PSOCKADDR RemoteAddress,
    PWSK_SOCKET AcceptSocket,
    PVOID *AcceptSocketContext,
    CONST WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PEVTACC_LISTENER Listener = (PEVTACC_LISTENER)SocketContext;
    PEVTACC_CONNECTION Connection;

    UNREFERENCED_PARAMETER(Flags);          /* DISPATCH_LEVEL-safe either way */
    UNREFERENCED_PARAMETER(LocalAddress);

    *AcceptSocketContext = NULL;
    *AcceptSocketDispatch = NULL;

    if (Listener == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    if (AcceptSocket == NULL) {
        /* The listening socket no longer works: close and recreate it. */
        EvtAcc_ListenerRequestRecreate(Listener);
        return STATUS_REQUEST_NOT_ACCEPTED;
    }

    Connection = EvtAcc_ConnectionAllocate(Listener, AcceptSocket, RemoteAddress);
    if (Connection == NULL) {
        InterlockedIncrement(&Listener->DeclinedCount);
        return STATUS_REQUEST_NOT_ACCEPTED;     /* WSK closes the socket */
    }
    if (!EvtAcc_ConnectionInsert(Connection)) {
        EvtAcc_ConnectionFree(Connection);      /* unloading */
        InterlockedIncrement(&Listener->DeclinedCount);
        return STATUS_REQUEST_NOT_ACCEPTED;
    }

    InterlockedIncrement(&Listener->AcceptedCount);
    *AcceptSocketContext = Connection;
    *AcceptSocketDispatch = &EvtAccPublicConnectionDispatch;
    return STATUS_SUCCESS;
}

/* ---- 7. DriverEntry / unload (driver EventAccept, event_accept.wskl:1) - */

#if EVTACC_STATIC_EVENTS
/* accept by event static: once per client, before any socket exists, no
 * IRP; never disabled.  The mask is the union over all listeners. */
#define EVTACC_STATIC_EVENT_MASK \
    (WSK_EVENT_ACCEPT | EVTACC_PUBLIC_CONNECTION_EVENTS)

_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
EvtAcc_SetStaticEvents(VOID)
{
    WSK_EVENT_CALLBACK_CONTROL EventControl;

    EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
    EventControl.EventMask = EVTACC_STATIC_EVENT_MASK;
    return EvtAccProviderNpi.Dispatch->WskControlClient(
        EvtAccProviderNpi.Client, WSK_SET_STATIC_EVENT_CALLBACKS,
        sizeof(EventControl), &EventControl, 0, NULL, NULL, NULL);
}
#endif

/* Single teardown path: listeners -> connections -> IRP drain -> NPI ->
 * deregister. */
_Use_decl_annotations_
static VOID
EvtAcc_Shutdown(VOID)
{
    PAGED_CODE();

    EvtAcc_ListenerStop(&EvtAccPublic);
    EvtAcc_ConnectionCloseAll();

    if (InterlockedDecrement(&EvtAccIrpCount) != 0) {
        (VOID)KeWaitForSingleObject(&EvtAccIrpsDrained, Executive, KernelMode,
                                    FALSE, NULL);
    }
    if (EvtAccNpiCaptured) {
        WskReleaseProviderNPI(&EvtAccRegistration);
        EvtAccNpiCaptured = FALSE;
    }
    if (EvtAccRegistered) {
        WskDeregister(&EvtAccRegistration);
        EvtAccRegistered = FALSE;
    }
}

/* from driver EventAccept (event_accept.wskl:1) */
_Use_decl_annotations_
static VOID
EvtAcc_Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    EvtAcc_Shutdown();
}

/* from driver EventAccept (event_accept.wskl:1) */
_Use_decl_annotations_
NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI ClientNpi;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);
    PAGED_CODE();

    EvtAccDriverObject = DriverObject;
    EvtAccIrpCount = 1;
    KeInitializeEvent(&EvtAccIrpsDrained, NotificationEvent, FALSE);
    InitializeListHead(&EvtAccConnections);
    KeInitializeSpinLock(&EvtAccConnectionLock);
    EvtAccConnectionsClosed = FALSE;

    EvtAcc_ListenerInit(&EvtAccPublic, "Public", EvtAccPublic_Open,
                        &EvtAccPublicListenDispatch);

    ClientNpi.ClientContext = NULL;
    ClientNpi.Dispatch = &EvtAccClientDispatch;
    Status = WskRegister(&ClientNpi, &EvtAccRegistration);
    if (NT_SUCCESS(Status)) {
        EvtAccRegistered = TRUE;
        Status = WskCaptureProviderNPI(&EvtAccRegistration, WSK_INFINITE_WAIT,
                                       &EvtAccProviderNpi);
    }
    if (NT_SUCCESS(Status)) {
        EvtAccNpiCaptured = TRUE;
    }
#if EVTACC_STATIC_EVENTS
    /* accept by event static (event_accept.wskl:5): before any socket */
    if (NT_SUCCESS(Status)) {
        Status = EvtAcc_SetStaticEvents();
    }
#endif
    if (NT_SUCCESS(Status)) {
        Status = EvtAcc_ListenerStart(&EvtAccPublic);
    }
    if (!NT_SUCCESS(Status)) {
        DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
                   "EvtAcc: load failed 0x%08lx\n", (ULONG)Status);
        EvtAcc_Shutdown();
        return Status;
    }

    DriverObject->DriverUnload = EvtAcc_Unload;
    return STATUS_SUCCESS;
}

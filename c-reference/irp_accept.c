/*
 * irp_accept.c -- reference driver: IRP-mode accept.
 *
 * Each listener keeps N WskAccept IRPs queued.  A completed accept hands the
 * new socket to a connection context and re-arms the same slot: with
 * IoReuseIrp (listener Public) or with IoFreeIrp + IoAllocateIrp (listener
 * Backup).  A re-arm that finds no memory is retried from the slot's timer
 * DPC with an exponential back-off.  See irp_accept.h for the model and
 * NOTES.md for the exactly-once argument of every IRP path.
 *
 * Layout (the order a generator emits):
 *   1. role-typed forward declarations
 *   2. driver-level state            (driver IrpAccept)
 *   3. driver-level IRP helpers      (counted allocation, synchronous calls)
 *   4. connection block              (connection handles ...)
 *   5. IRP accept runtime            (accept by irp queue N reuse|realloc)
 *   6. per-listener blocks           (listener Public, listener Backup)
 *   7. DriverEntry / unload
 */
#include "irp_accept.h"

/* ---- 1. role-typed forward declarations ------------------------------ */

static DRIVER_UNLOAD                IrpAcc_Unload;
static IO_COMPLETION_ROUTINE        IrpAcc_SyncIrpComplete;
static IO_COMPLETION_ROUTINE        IrpAcc_AcceptComplete;
static KDEFERRED_ROUTINE            IrpAcc_RearmDpc;
static IO_COMPLETION_ROUTINE        IrpAcc_ConnectionCloseComplete;
static WSK_RECEIVE_EVENT_FN         IrpAcc_ConnectionReceiveEvent;
static WSK_DISCONNECT_EVENT_FN      IrpAcc_ConnectionDisconnectEvent;

_IRQL_requires_(PASSIVE_LEVEL) static NTSTATUS IrpAccPublic_Start(VOID);
_IRQL_requires_(PASSIVE_LEVEL) static NTSTATUS IrpAccBackup_Start(VOID);
_IRQL_requires_(PASSIVE_LEVEL) static VOID     IrpAcc_Shutdown(VOID);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, IrpAcc_Unload)
#pragma alloc_text(PAGE, IrpAcc_Shutdown)
#pragma alloc_text(PAGE, IrpAccPublic_Start)
#pragma alloc_text(PAGE, IrpAccBackup_Start)
#endif

/* ---- 2. driver-level state (driver IrpAccept, irp_accept.wskl:1) ----- */

static const WSK_CLIENT_DISPATCH IrpAccClientDispatch = {
    MAKE_WSK_VERSION(1, 0),     /* WSK 1.0 */
    0,                          /* Reserved */
    NULL                        /* no WskClientEvent */
};

static WSK_REGISTRATION IrpAccRegistration;
static WSK_PROVIDER_NPI IrpAccProviderNpi;
static BOOLEAN          IrpAccRegistered;      /* WskRegister succeeded */
static BOOLEAN          IrpAccNpiCaptured;     /* WskCaptureProviderNPI succeeded */

/* Every IRP this driver allocates is counted here until IoFreeIrp; the
 * count starts at 1 (a bias dropped by IrpAcc_Shutdown), so reaching 0
 * means: unloading and every IRP freed. */
static volatile LONG    IrpAccIrpCount;
static KEVENT           IrpAccIrpsDrained;

/* Open connections, for closing them on unload. */
static LIST_ENTRY       IrpAccConnections;
static KSPIN_LOCK       IrpAccConnectionLock;
static BOOLEAN          IrpAccConnectionsClosed;   /* under IrpAccConnectionLock */

/* ---- 3. driver-level IRP helpers ------------------------------------- */

/* The only IoAllocateIrp of the driver: one stack location, counted. */
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
static PIRP
IrpAcc_AllocateIrp(VOID)
{
    PIRP Irp = IoAllocateIrp(1, FALSE);

    if (Irp != NULL) {
        InterlockedIncrement(&IrpAccIrpCount);
    }
    return Irp;
}

/* The only IoFreeIrp of the driver. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_FreeIrp(_In_ __drv_freesMem(Mem) PIRP Irp)
{
    IoFreeIrp(Irp);
    if (InterlockedDecrement(&IrpAccIrpCount) == 0) {
        KeSetEvent(&IrpAccIrpsDrained, IO_NO_INCREMENT, FALSE);
    }
}

/* Completion routine of synchronous requests: wakes the waiter and keeps
 * the IRP (its owner reuses or frees it). */
_Use_decl_annotations_
static NTSTATUS
IrpAcc_SyncIrpComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);

    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* Prepares the listener's control IRP for one synchronous WSK call. */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
IrpAcc_ControlBegin(_Inout_ PIRPACC_LISTENER Listener)
{
    IoReuseIrp(Listener->ControlIrp, STATUS_UNSUCCESSFUL);
    KeClearEvent(&Listener->ControlEvent);
    IoSetCompletionRoutine(Listener->ControlIrp, IrpAcc_SyncIrpComplete,
                           &Listener->ControlEvent, TRUE, TRUE, TRUE);
}

/* WSK completes the IRP whatever the call returned; waiting for the
 * completion routine (not on the return value) means the IRP is ours again
 * when this returns. */
_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
IrpAcc_ControlWait(_Inout_ PIRPACC_LISTENER Listener)
{
    (VOID)KeWaitForSingleObject(&Listener->ControlEvent, Executive, KernelMode,
                                FALSE, NULL);
    return Listener->ControlIrp->IoStatus.Status;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_CopyAddress(_Out_ PSOCKADDR_STORAGE Destination, _In_ CONST SOCKADDR *Source)
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
static PIRPACC_CONNECTION
IrpAcc_ConnectionAllocate(_In_ PIRPACC_LISTENER Listener)
{
    PIRPACC_CONNECTION Connection;

    Connection = (PIRPACC_CONNECTION)ExAllocatePoolWithTag(
        NonPagedPoolNx, sizeof(*Connection), IRPACC_POOL_TAG);
    if (Connection == NULL) {
        return NULL;
    }
    RtlZeroMemory(Connection, sizeof(*Connection));
    InitializeListHead(&Connection->Link);
    Connection->Listener = Listener;
    Connection->State = IrpAccConnStarting;
    Connection->CloseIrp = IrpAcc_AllocateIrp();
    if (Connection->CloseIrp == NULL) {
        ExFreePoolWithTag(Connection, IRPACC_POOL_TAG);
        return NULL;
    }
    return Connection;
}

/* Frees a context that never received a socket. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_ConnectionFree(_In_ __drv_freesMem(Mem) PIRPACC_CONNECTION Connection)
{
    PIRP CloseIrp = Connection->CloseIrp;

    ExFreePoolWithTag(Connection, IRPACC_POOL_TAG);
    IrpAcc_FreeIrp(CloseIrp);
}

/* The single WskCloseSocket of an accepted socket; the caller has moved
 * State to IrpAccConnClosing. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_ConnectionIssueClose(_In_ PIRPACC_CONNECTION Connection)
{
    CONST WSK_PROVIDER_BASIC_DISPATCH *Dispatch =
        (CONST WSK_PROVIDER_BASIC_DISPATCH *)Connection->Socket->Dispatch;

    IoReuseIrp(Connection->CloseIrp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Connection->CloseIrp, IrpAcc_ConnectionCloseComplete,
                           Connection, TRUE, TRUE, TRUE);
    (VOID)Dispatch->WskCloseSocket(Connection->Socket, Connection->CloseIrp);
    /* Connection may already be freed here. */
}

/* Requests the close: issues it now, defers it to the end of the start,
 * or does nothing if it is already requested. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_ConnectionRequestClose(_In_ PIRPACC_CONNECTION Connection)
{
    for (;;) {
        LONG State = Connection->State;

        if (State == IrpAccConnOpen) {
            if (InterlockedCompareExchange(&Connection->State, IrpAccConnClosing,
                                           IrpAccConnOpen) == IrpAccConnOpen) {
                IrpAcc_ConnectionIssueClose(Connection);
                return;
            }
        } else if (State == IrpAccConnStarting) {
            if (InterlockedCompareExchange(&Connection->State,
                                           IrpAccConnStartingCloseRequested,
                                           IrpAccConnStarting) == IrpAccConnStarting) {
                return;
            }
        } else {
            return;     /* Closing, or StartingCloseRequested */
        }
    }
}

/* Adopts an accepted socket (called by the owner of the completed accept
 * IRP).  IRP-mode accepted sockets do not inherit event callbacks, so the
 * connection's events are enabled here, without an IRP. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_ConnectionStart(
    _In_ PIRPACC_CONNECTION Connection,
    _In_ PWSK_SOCKET Socket,
    _In_ CONST SOCKADDR *RemoteAddress)
{
    PIRPACC_LISTENER Listener = Connection->Listener;
    WSK_EVENT_CALLBACK_CONTROL EventControl;
    NTSTATUS Status;
    BOOLEAN Listed;
    KIRQL OldIrql;

    Connection->Socket = Socket;
    IrpAcc_CopyAddress(&Connection->RemoteAddress, RemoteAddress);

    if (Listener->ConnectionEvents != 0) {
        EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
        EventControl.EventMask = Listener->ConnectionEvents;
        Status = ((CONST WSK_PROVIDER_CONNECTION_DISPATCH *)Socket->Dispatch)->WskControlSocket(
            Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
            sizeof(EventControl), &EventControl, 0, NULL, NULL, NULL);
        if (!NT_SUCCESS(Status)) {
            IrpAcc_ConnectionRequestClose(Connection);
        }
    }

    KeAcquireSpinLock(&IrpAccConnectionLock, &OldIrql);
    Listed = !IrpAccConnectionsClosed;
    if (Listed) {
        InsertTailList(&IrpAccConnections, &Connection->Link);
    }
    KeReleaseSpinLock(&IrpAccConnectionLock, OldIrql);
    if (!Listed) {
        IrpAcc_ConnectionRequestClose(Connection);      /* unloading */
    }

    /* End of the start: Starting -> Open, or run the deferred close. */
    if (InterlockedCompareExchange(&Connection->State, IrpAccConnOpen,
                                   IrpAccConnStarting) != IrpAccConnStarting) {
        InterlockedExchange(&Connection->State, IrpAccConnClosing);
        IrpAcc_ConnectionIssueClose(Connection);
    }
}

/* from "connection handles ..." (irp_accept.wskl:6,12): close completion
 * frees the context and the close IRP, exactly once. */
_Use_decl_annotations_
static NTSTATUS
IrpAcc_ConnectionCloseComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PIRPACC_CONNECTION Connection = (PIRPACC_CONNECTION)Context;
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(DeviceObject);

    KeAcquireSpinLock(&IrpAccConnectionLock, &OldIrql);
    RemoveEntryList(&Connection->Link);     /* self-linked if never listed */
    KeReleaseSpinLock(&IrpAccConnectionLock, OldIrql);

    ExFreePoolWithTag(Connection, IRPACC_POOL_TAG);
    IrpAcc_FreeIrp(Irp);                    /* == Connection->CloseIrp */
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* from "connection handles receive" (irp_accept.wskl:6,12) */
_Use_decl_annotations_
static NTSTATUS WSKAPI
IrpAcc_ConnectionReceiveEvent(
    PVOID SocketContext,
    ULONG Flags,
    PWSK_DATA_INDICATION DataIndication,
    SIZE_T BytesIndicated,
    SIZE_T *BytesAccepted)
{
    PIRPACC_CONNECTION Connection = (PIRPACC_CONNECTION)SocketContext;

    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesAccepted);  /* untouched = everything accepted */

    if (Connection == NULL) {
        return STATUS_SUCCESS;
    }
    if (DataIndication == NULL) {
        /* The socket no longer works: close it. */
        IrpAcc_ConnectionRequestClose(Connection);
        return STATUS_SUCCESS;
    }
    InterlockedExchangeAdd64(&Connection->BytesReceived, (LONG64)BytesIndicated);
    return STATUS_SUCCESS;
}

/* from "connection handles disconnect" (irp_accept.wskl:6,12) */
_Use_decl_annotations_
static NTSTATUS WSKAPI
IrpAcc_ConnectionDisconnectEvent(PVOID SocketContext, ULONG Flags)
{
    UNREFERENCED_PARAMETER(Flags);

    if (SocketContext != NULL) {
        IrpAcc_ConnectionRequestClose((PIRPACC_CONNECTION)SocketContext);
    }
    return STATUS_SUCCESS;
}

/* Unload: close every listed connection.  A connection is claimed under
 * the list lock (so it cannot be freed meanwhile) and closed after the
 * lock is dropped (a synchronous close completion takes the lock). */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
IrpAcc_ConnectionCloseAll(VOID)
{
    KIRQL OldIrql;

    KeAcquireSpinLock(&IrpAccConnectionLock, &OldIrql);
    IrpAccConnectionsClosed = TRUE;
    KeReleaseSpinLock(&IrpAccConnectionLock, OldIrql);

    for (;;) {
        PIRPACC_CONNECTION Victim = NULL;
        PLIST_ENTRY Entry;

        KeAcquireSpinLock(&IrpAccConnectionLock, &OldIrql);
        for (Entry = IrpAccConnections.Flink; Entry != &IrpAccConnections;
             Entry = Entry->Flink) {
            PIRPACC_CONNECTION Connection =
                CONTAINING_RECORD(Entry, IRPACC_CONNECTION, Link);

            if (InterlockedCompareExchange(&Connection->State, IrpAccConnClosing,
                                           IrpAccConnOpen) == IrpAccConnOpen) {
                Victim = Connection;
                break;
            }
            /* Starting: the starter runs the close when it finishes. */
            (VOID)InterlockedCompareExchange(&Connection->State,
                                             IrpAccConnStartingCloseRequested,
                                             IrpAccConnStarting);
        }
        KeReleaseSpinLock(&IrpAccConnectionLock, OldIrql);

        if (Victim == NULL) {
            break;
        }
        IrpAcc_ConnectionIssueClose(Victim);
    }
}

/* ---- 5. IRP accept runtime (accept by irp queue N reuse|realloc) ------ */

/* Retires a slot: frees what it holds; it is never armed again. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_SlotRetire(_Inout_ PIRPACC_ACCEPT_SLOT Slot)
{
    if (Slot->Irp != NULL) {
        IrpAcc_FreeIrp(Slot->Irp);
        Slot->Irp = NULL;
    }
    if (Slot->Connection != NULL) {
        IrpAcc_ConnectionFree(Slot->Connection);
        Slot->Connection = NULL;
    }
    InterlockedExchange(&Slot->State, IrpAccSlotIdle);
}

/* An arm found no memory (STATUS_INSUFFICIENT_RESOURCES): the slot keeps
 * what it has, waits Idle (no IRP with WSK) and tries again from the DPC
 * of its one-shot timer, after IRPACC_REARM_RETRY_FIRST_MS, then twice as
 * long after each further failure, at most IRPACC_REARM_RETRY_MAX_MS.
 * Called by the owner of the arm loop (the only one to touch RetryDelayMs)
 * under the listener's rundown protection, so that Stop, once its rundown
 * wait returns, finds every retry timer that will ever be set already set,
 * and can cancel it. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_SlotRetryLater(_Inout_ PIRPACC_ACCEPT_SLOT Slot)
{
    LARGE_INTEGER DueTime;

    if (Slot->RetryDelayMs == 0) {
        Slot->RetryDelayMs = IRPACC_REARM_RETRY_FIRST_MS;
    } else if (Slot->RetryDelayMs < IRPACC_REARM_RETRY_MAX_MS / 2) {
        Slot->RetryDelayMs *= 2;
    } else {
        Slot->RetryDelayMs = IRPACC_REARM_RETRY_MAX_MS;
    }
    DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_WARNING_LEVEL,
               "IrpAcc: listener %s: no memory to re-arm an accept, retrying in %lu ms\n",
               Slot->Listener->Name, Slot->RetryDelayMs);
    InterlockedExchange(&Slot->State, IrpAccSlotIdle);
    DueTime.QuadPart = -(LONGLONG)Slot->RetryDelayMs * 10000;  /* relative, 100 ns */
    /* Last: once set, the slot belongs to the timer and its DPC. */
    (VOID)KeSetTimer(&Slot->RetryTimer, DueTime, &Slot->RetryDpc);
}

/* Hands the slot's IRP to WskAccept once.  Returns FALSE if it did not:
 * the slot was retired (listener stopping), or an allocation failed and
 * the slot's retry timer is set (the timer's DPC takes over the arm). */
_IRQL_requires_max_(DISPATCH_LEVEL)
static BOOLEAN
IrpAcc_ArmSlotOnce(_Inout_ PIRPACC_ACCEPT_SLOT Slot)
{
    PIRPACC_LISTENER Listener = Slot->Listener;

    /* No WskAccept may start once Stop waits for the rundown: the socket
     * must not be in use when WskCloseSocket is called. */
    if (!ExAcquireRundownProtection(&Listener->Rundown)) {
        IrpAcc_SlotRetire(Slot);
        return FALSE;
    }
    if (Slot->Irp == NULL) {                /* first arm, or realloc mode */
        Slot->Irp = IrpAcc_AllocateIrp();
    }
    if (Slot->Connection == NULL) {         /* first arm, or previous one consumed */
        Slot->Connection = IrpAcc_ConnectionAllocate(Listener);
    }
    if (Slot->Irp == NULL || Slot->Connection == NULL) {
        IrpAcc_SlotRetryLater(Slot);        /* before the rundown release, see there */
        ExReleaseRundownProtection(&Listener->Rundown);
        return FALSE;
    }

    Slot->RetryDelayMs = 0;                 /* the next failure starts the back-off over */
    IoReuseIrp(Slot->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Slot->Irp, IrpAcc_AcceptComplete, Slot, TRUE, TRUE, TRUE);
    InterlockedExchange(&Slot->State, IrpAccSlotQueued);
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
IrpAcc_ArmSlotLoop(_Inout_ PIRPACC_ACCEPT_SLOT Slot)
{
    do {
        if (!IrpAcc_ArmSlotOnce(Slot)) {
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
IrpAcc_ArmSlot(_Inout_ PIRPACC_ACCEPT_SLOT Slot)
{
    if (InterlockedIncrement(&Slot->ArmRequests) != 1) {
        return;
    }
    IrpAcc_ArmSlotLoop(Slot);
}

/* The retry of an arm that found no memory, after the slot's back-off, at
 * DISPATCH_LEVEL (IoAllocateIrp, non-paged pool and WskAccept are legal
 * there).  It owns the slot's arm loop, which the failed arm handed over;
 * during unload it cannot acquire the rundown and retires the slot. */
_Use_decl_annotations_
static VOID
IrpAcc_RearmDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
                PVOID SystemArgument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    IrpAcc_ArmSlotLoop((PIRPACC_ACCEPT_SLOT)DeferredContext);
}

/* Processing by the owner of a completed accept IRP (the completion
 * routine, or IrpAcc_ListenerStop after a cancel race).  Every completed
 * IRP passes here exactly once and is then either re-armed, freed
 * (realloc), or freed by the retirement. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_AcceptDone(_Inout_ PIRPACC_ACCEPT_SLOT Slot, _In_ PIRP Irp)
{
    PIRPACC_LISTENER Listener = Slot->Listener;
    NTSTATUS Status = Irp->IoStatus.Status;

    if (NT_SUCCESS(Status)) {
        PIRPACC_CONNECTION Connection = Slot->Connection;

        Slot->Connection = NULL;            /* owned by the accepted socket now */
        InterlockedIncrement(&Listener->AcceptedCount);
        IrpAcc_ConnectionStart(Connection, (PWSK_SOCKET)Irp->IoStatus.Information,
                               (PSOCKADDR)&Slot->RemoteAddress);
    }

    if (!Listener->ReuseIrp) {
        /* accept by irp queue N realloc: this IRP is done; the next
         * WskAccept of the slot gets a new one. */
        Slot->Irp = NULL;
        IrpAcc_FreeIrp(Irp);
    }
    /* accept by irp queue N reuse: Slot->Irp stays for IoReuseIrp. */

    if (NT_SUCCESS(Status) && !Listener->Stopping) {
        IrpAcc_ArmSlot(Slot);
    } else {
        /* Cancelled (unload) or failed: a failing listener would fail
         * every re-arm at once, so the slot retires instead of spinning. */
        IrpAcc_SlotRetire(Slot);
    }
}

_Use_decl_annotations_
static NTSTATUS
IrpAcc_AcceptComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PIRPACC_ACCEPT_SLOT Slot = (PIRPACC_ACCEPT_SLOT)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (InterlockedExchange(&Slot->State, IrpAccSlotCompleted) == IrpAccSlotCancelling) {
        /* IrpAcc_CancelSlot is inside IoCancelIrp(Irp): it owns the IRP
         * now and runs IrpAcc_AcceptDone when IoCancelIrp returns. */
        return STATUS_MORE_PROCESSING_REQUIRED;
    }
    IrpAcc_AcceptDone(Slot, Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* Cancels a queued accept IRP without racing its completion. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
IrpAcc_CancelSlot(_Inout_ PIRPACC_ACCEPT_SLOT Slot)
{
    if (InterlockedCompareExchange(&Slot->State, IrpAccSlotCancelling,
                                   IrpAccSlotQueued) != IrpAccSlotQueued) {
        return;     /* Idle, or its completion routine already owns the IRP */
    }
    /* While the state is Cancelling the completion routine leaves the IRP
     * alone, so Slot->Irp cannot be freed under IoCancelIrp. */
    (VOID)IoCancelIrp(Slot->Irp);
    if (InterlockedExchange(&Slot->State, IrpAccSlotCancelDone) == IrpAccSlotCompleted) {
        IrpAcc_AcceptDone(Slot, Slot->Irp);     /* it completed meanwhile */
    }
}

/* ---- listener helpers (synchronous, PASSIVE_LEVEL) -------------------- */

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
IrpAcc_ListenerInit(
    _Out_ PIRPACC_LISTENER Listener,
    _In_ PCSTR Name,
    _In_ BOOLEAN ReuseIrp,
    _In_reads_(SlotCount) PIRPACC_ACCEPT_SLOT Slots,
    _In_ ULONG SlotCount,
    _In_ CONST WSK_CLIENT_LISTEN_DISPATCH *ListenDispatch,
    _In_ CONST WSK_CLIENT_CONNECTION_DISPATCH *ConnectionDispatch,
    _In_ ULONG ConnectionEvents)
{
    ULONG Index;

    RtlZeroMemory(Listener, sizeof(*Listener));
    Listener->Name = Name;
    Listener->ReuseIrp = ReuseIrp;
    Listener->Slots = Slots;
    Listener->SlotCount = SlotCount;
    Listener->ListenDispatch = ListenDispatch;
    Listener->ConnectionDispatch = ConnectionDispatch;
    Listener->ConnectionEvents = ConnectionEvents;
    KeInitializeEvent(&Listener->ControlEvent, NotificationEvent, FALSE);
    ExInitializeRundownProtection(&Listener->Rundown);

    for (Index = 0; Index < SlotCount; Index++) {
        RtlZeroMemory(&Slots[Index], sizeof(Slots[Index]));
        Slots[Index].Listener = Listener;
        Slots[Index].State = IrpAccSlotIdle;
        KeInitializeTimer(&Slots[Index].RetryTimer);
        KeInitializeDpc(&Slots[Index].RetryDpc, IrpAcc_RearmDpc, &Slots[Index]);
    }
}

/* WskSocket(WSK_FLAG_LISTEN_SOCKET), synchronously. */
_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
IrpAcc_ListenerCreate(_Inout_ PIRPACC_LISTENER Listener, _In_ ADDRESS_FAMILY Family)
{
    NTSTATUS Status;

    Listener->ControlIrp = IrpAcc_AllocateIrp();
    if (Listener->ControlIrp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IrpAcc_ControlBegin(Listener);
    (VOID)IrpAccProviderNpi.Dispatch->WskSocket(
        IrpAccProviderNpi.Client, Family, SOCK_STREAM, IPPROTO_TCP,
        WSK_FLAG_LISTEN_SOCKET,
        Listener,                           /* SocketContext */
        Listener->ListenDispatch,
        NULL, NULL, NULL,                   /* process, thread, security descriptor */
        Listener->ControlIrp);
    Status = IrpAcc_ControlWait(Listener);
    if (NT_SUCCESS(Status)) {
        Listener->Socket = (PWSK_SOCKET)Listener->ControlIrp->IoStatus.Information;
        Listener->Dispatch =
            (CONST WSK_PROVIDER_LISTEN_DISPATCH *)Listener->Socket->Dispatch;
    }
    return Status;
}

/* One ULONG socket option, before bind. */
_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
IrpAcc_ListenerSetOption(
    _Inout_ PIRPACC_LISTENER Listener,
    _In_ ULONG Level,
    _In_ ULONG Option,
    _In_ ULONG Value)
{
    IrpAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskControlSocket(
        Listener->Socket, WskSetOption, Option, Level,
        sizeof(Value), &Value, 0, NULL, NULL, Listener->ControlIrp);
    return IrpAcc_ControlWait(Listener);
}

/* Binding a listening socket is what starts listening. */
_IRQL_requires_(PASSIVE_LEVEL)
static NTSTATUS
IrpAcc_ListenerBind(_Inout_ PIRPACC_LISTENER Listener, _In_ PSOCKADDR LocalAddress)
{
    IrpAcc_ControlBegin(Listener);
    (VOID)Listener->Dispatch->WskBind(Listener->Socket, LocalAddress, 0,
                                      Listener->ControlIrp);
    return IrpAcc_ControlWait(Listener);
}

/* Arms every slot ("queue N"). */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
IrpAcc_ListenerArm(_Inout_ PIRPACC_LISTENER Listener)
{
    ULONG Index;

    for (Index = 0; Index < Listener->SlotCount; Index++) {
        IrpAcc_ArmSlot(&Listener->Slots[Index]);
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
 *    the slot Idle (IrpAcc_CancelSlot leaves it alone) and, without the
 *    rundown, retires it itself.
 * Then KeFlushQueuedDpcs: such a retry has run to its end before unload
 * goes on to free what is left and the driver's code goes away.
 */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
IrpAcc_ListenerDisarm(_Inout_ PIRPACC_LISTENER Listener)
{
    ULONG Index;

    for (Index = 0; Index < Listener->SlotCount; Index++) {
        if (KeCancelTimer(&Listener->Slots[Index].RetryTimer)) {
            IrpAcc_SlotRetire(&Listener->Slots[Index]);
        } else {
            IrpAcc_CancelSlot(&Listener->Slots[Index]);
        }
    }
    KeFlushQueuedDpcs();
}

/*
 * Stops a listener (also one that never started).  Order:
 *  1. Stopping = 1, then wait for the rundown: no WskAccept is in progress
 *     and none can start, so the socket is idle for WskCloseSocket;
 *  2. disarm: cancel each slot's retry timer, or its queued accept IRP
 *     (the completion routine retires the slot because Stopping is set),
 *     then flush the retry DPCs;
 *  3. WskCloseSocket, synchronously: it cancels and completes whatever
 *     IRPs are still pending on the socket;
 *  4. free the control IRP.
 * Accept IRPs completing after this return are drained by IrpAcc_Shutdown.
 */
_IRQL_requires_(PASSIVE_LEVEL)
static VOID
IrpAcc_ListenerStop(_Inout_ PIRPACC_LISTENER Listener)
{
    InterlockedExchange(&Listener->Stopping, 1);
    ExWaitForRundownProtectionRelease(&Listener->Rundown);

    IrpAcc_ListenerDisarm(Listener);

    if (Listener->Socket != NULL) {
        IrpAcc_ControlBegin(Listener);
        (VOID)Listener->Dispatch->WskCloseSocket(Listener->Socket, Listener->ControlIrp);
        (VOID)IrpAcc_ControlWait(Listener);
        Listener->Socket = NULL;
        Listener->Dispatch = NULL;
    }
    if (Listener->ControlIrp != NULL) {
        IrpAcc_FreeIrp(Listener->ControlIrp);
        Listener->ControlIrp = NULL;
    }
}

/* ---- 6a. listener Public (irp_accept.wskl:3-7) ------------------------ */

static IRPACC_LISTENER    IrpAccPublic;
static IRPACC_ACCEPT_SLOT IrpAccPublicSlots[IRPACC_PUBLIC_ACCEPT_DEPTH];

/* IRP mode: no listen event is ever enabled. */
static const WSK_CLIENT_LISTEN_DISPATCH IrpAccPublicListenDispatch = {
    NULL,                                   /* WskAcceptEvent */
    NULL,                                   /* WskInspectEvent */
    NULL                                    /* WskAbortEvent */
};

/* from "connection handles receive, disconnect" (irp_accept.wskl:6) */
static const WSK_CLIENT_CONNECTION_DISPATCH IrpAccPublicConnectionDispatch = {
    IrpAcc_ConnectionReceiveEvent,          /* WskReceiveEvent */
    IrpAcc_ConnectionDisconnectEvent,       /* WskDisconnectEvent */
    NULL                                    /* WskSendBacklogEvent */
};
#define IRPACC_PUBLIC_CONNECTION_EVENTS (WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT)

/* from listener Public (irp_accept.wskl:3) */
_Use_decl_annotations_
static NTSTATUS
IrpAccPublic_Start(VOID)
{
    PIRPACC_LISTENER Listener = &IrpAccPublic;
    SOCKADDR_IN LocalAddress;
    NTSTATUS Status;

    PAGED_CODE();

    /* on ipv4 0.0.0.0:40007 (irp_accept.wskl:3) */
    RtlZeroMemory(&LocalAddress, sizeof(LocalAddress));
    LocalAddress.sin_family = AF_INET;
    LocalAddress.sin_port = RtlUshortByteSwap(IRPACC_PUBLIC_PORT);
    LocalAddress.sin_addr.s_addr = INADDR_ANY;

    Status = IrpAcc_ListenerCreate(Listener, AF_INET);
    /* options reuse-address (irp_accept.wskl:4): before bind */
    if (NT_SUCCESS(Status)) {
        Status = IrpAcc_ListenerSetOption(Listener, SOL_SOCKET, SO_REUSEADDR, 1);
    }
    if (NT_SUCCESS(Status)) {
        Status = IrpAcc_ListenerBind(Listener, (PSOCKADDR)&LocalAddress);
    }
    /* accept by irp queue 2 reuse (irp_accept.wskl:5) */
    if (NT_SUCCESS(Status)) {
        IrpAcc_ListenerArm(Listener);
    }
    /* On failure IrpAcc_Shutdown -> IrpAcc_ListenerStop closes what was opened. */
    return Status;
}

/* ---- 6b. listener Backup (irp_accept.wskl:9-13) ----------------------- */

static IRPACC_LISTENER    IrpAccBackup;
static IRPACC_ACCEPT_SLOT IrpAccBackupSlots[IRPACC_BACKUP_ACCEPT_DEPTH];

static const WSK_CLIENT_LISTEN_DISPATCH IrpAccBackupListenDispatch = {
    NULL,                                   /* WskAcceptEvent */
    NULL,                                   /* WskInspectEvent */
    NULL                                    /* WskAbortEvent */
};

/* from "connection handles receive, disconnect" (irp_accept.wskl:12) */
static const WSK_CLIENT_CONNECTION_DISPATCH IrpAccBackupConnectionDispatch = {
    IrpAcc_ConnectionReceiveEvent,          /* WskReceiveEvent */
    IrpAcc_ConnectionDisconnectEvent,       /* WskDisconnectEvent */
    NULL                                    /* WskSendBacklogEvent */
};
#define IRPACC_BACKUP_CONNECTION_EVENTS (WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT)

/* from listener Backup (irp_accept.wskl:9) */
_Use_decl_annotations_
static NTSTATUS
IrpAccBackup_Start(VOID)
{
    PIRPACC_LISTENER Listener = &IrpAccBackup;
    SOCKADDR_IN LocalAddress;
    NTSTATUS Status;

    PAGED_CODE();

    /* on ipv4 0.0.0.0:40008 (irp_accept.wskl:9) */
    RtlZeroMemory(&LocalAddress, sizeof(LocalAddress));
    LocalAddress.sin_family = AF_INET;
    LocalAddress.sin_port = RtlUshortByteSwap(IRPACC_BACKUP_PORT);
    LocalAddress.sin_addr.s_addr = INADDR_ANY;

    Status = IrpAcc_ListenerCreate(Listener, AF_INET);
    /* options reuse-address (irp_accept.wskl:10): before bind */
    if (NT_SUCCESS(Status)) {
        Status = IrpAcc_ListenerSetOption(Listener, SOL_SOCKET, SO_REUSEADDR, 1);
    }
    if (NT_SUCCESS(Status)) {
        Status = IrpAcc_ListenerBind(Listener, (PSOCKADDR)&LocalAddress);
    }
    /* accept by irp queue 2 realloc (irp_accept.wskl:11) */
    if (NT_SUCCESS(Status)) {
        IrpAcc_ListenerArm(Listener);
    }
    return Status;
}

/* ---- 7. DriverEntry / unload (driver IrpAccept, irp_accept.wskl:1) ---- */

/*
 * Single teardown path (unload, and DriverEntry failure):
 * listeners -> connections -> drain every IRP -> release NPI -> deregister.
 */
_Use_decl_annotations_
static VOID
IrpAcc_Shutdown(VOID)
{
    PAGED_CODE();

    IrpAcc_ListenerStop(&IrpAccPublic);
    IrpAcc_ListenerStop(&IrpAccBackup);
    IrpAcc_ConnectionCloseAll();

    /* Drop the bias; wait until every IRP (accept, control, close) is freed:
     * after this no completion routine of this driver runs again. */
    if (InterlockedDecrement(&IrpAccIrpCount) != 0) {
        (VOID)KeWaitForSingleObject(&IrpAccIrpsDrained, Executive, KernelMode,
                                    FALSE, NULL);
    }

    if (IrpAccNpiCaptured) {
        WskReleaseProviderNPI(&IrpAccRegistration);
        IrpAccNpiCaptured = FALSE;
    }
    if (IrpAccRegistered) {
        WskDeregister(&IrpAccRegistration);
        IrpAccRegistered = FALSE;
    }
}

/* from driver IrpAccept (irp_accept.wskl:1) */
_Use_decl_annotations_
static VOID
IrpAcc_Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    IrpAcc_Shutdown();
}

/* from driver IrpAccept (irp_accept.wskl:1) */
_Use_decl_annotations_
NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI ClientNpi;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);
    PAGED_CODE();

    IrpAccIrpCount = 1;
    KeInitializeEvent(&IrpAccIrpsDrained, NotificationEvent, FALSE);
    InitializeListHead(&IrpAccConnections);
    KeInitializeSpinLock(&IrpAccConnectionLock);
    IrpAccConnectionsClosed = FALSE;

    IrpAcc_ListenerInit(&IrpAccPublic, "Public", IRPACC_PUBLIC_REUSE_IRP,
                        IrpAccPublicSlots, RTL_NUMBER_OF(IrpAccPublicSlots),
                        &IrpAccPublicListenDispatch, &IrpAccPublicConnectionDispatch,
                        IRPACC_PUBLIC_CONNECTION_EVENTS);
    IrpAcc_ListenerInit(&IrpAccBackup, "Backup", IRPACC_BACKUP_REUSE_IRP,
                        IrpAccBackupSlots, RTL_NUMBER_OF(IrpAccBackupSlots),
                        &IrpAccBackupListenDispatch, &IrpAccBackupConnectionDispatch,
                        IRPACC_BACKUP_CONNECTION_EVENTS);

    ClientNpi.ClientContext = NULL;
    ClientNpi.Dispatch = &IrpAccClientDispatch;
    Status = WskRegister(&ClientNpi, &IrpAccRegistration);
    if (NT_SUCCESS(Status)) {
        IrpAccRegistered = TRUE;
        Status = WskCaptureProviderNPI(&IrpAccRegistration, WSK_INFINITE_WAIT,
                                       &IrpAccProviderNpi);
    }
    if (NT_SUCCESS(Status)) {
        IrpAccNpiCaptured = TRUE;
        Status = IrpAccPublic_Start();
    }
    if (NT_SUCCESS(Status)) {
        Status = IrpAccBackup_Start();
    }
    if (!NT_SUCCESS(Status)) {
        DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
                   "IrpAcc: load failed 0x%08lx\n", (ULONG)Status);
        IrpAcc_Shutdown();
        return Status;
    }

    DriverObject->DriverUnload = IrpAcc_Unload;
    return STATUS_SUCCESS;
}

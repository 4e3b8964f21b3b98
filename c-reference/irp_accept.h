/*
 * irp_accept.h -- reference driver: IRP-mode accept (WskAccept kept queued).
 *
 * Generated-code shape for this model (illustrative WSKL, line numbers are
 * the ones quoted by the "from ..." comments in irp_accept.c):
 *
 *   1  driver IrpAccept prefix IrpAcc pool tag 'IAcc'
 *   2
 *   3  listener Public on ipv4 0.0.0.0:40007 {
 *   4    options reuse-address
 *   5    accept by irp queue 2 reuse
 *   6    connection handles receive, disconnect
 *   7  }
 *   8
 *   9  listener Backup on ipv4 0.0.0.0:40008 {
 *  10    options reuse-address
 *  11    accept by irp queue 2 realloc
 *  12    connection handles receive, disconnect
 *  13  }
 *
 * Naming: driver-level symbols are IrpAcc_<Role>, per-listener symbols are
 * IrpAcc<Listener>_<Role> / IrpAcc<Listener><Thing>, macros IRPACC_...
 */
#ifndef IRP_ACCEPT_H
#define IRP_ACCEPT_H

#include <ntddk.h>
#include "wsk_decls.h"

/* from driver IrpAccept (irp_accept.wskl:1): pool tag "IAcc" as shown by
 * pool tools; the multichar literal is written reversed (little endian). */
#define IRPACC_POOL_TAG ((ULONG)'ccAI')

/* accept by irp: an accept slot that cannot be re-armed for want of memory
 * (no IRP, no connection context) tries again from its retry timer's DPC
 * after IRPACC_REARM_RETRY_FIRST_MS, twice as long after each further
 * failure, at most IRPACC_REARM_RETRY_MAX_MS; an arm that succeeds starts
 * over. */
#define IRPACC_REARM_RETRY_FIRST_MS 10
#define IRPACC_REARM_RETRY_MAX_MS   100

/* from listener Public (irp_accept.wskl:3-5) */
#define IRPACC_PUBLIC_PORT          40007
#define IRPACC_PUBLIC_ACCEPT_DEPTH  2
#define IRPACC_PUBLIC_REUSE_IRP     TRUE

/* from listener Backup (irp_accept.wskl:9-11) */
#define IRPACC_BACKUP_PORT          40008
#define IRPACC_BACKUP_ACCEPT_DEPTH  2
#define IRPACC_BACKUP_REUSE_IRP     FALSE

typedef struct _IRPACC_LISTENER IRPACC_LISTENER, *PIRPACC_LISTENER;

/*
 * Close state of a connection.  The single WskCloseSocket of an accepted
 * socket is issued by whoever moves the state to IrpAccConnClosing.
 * Starting covers the window between the WskAccept completion and the end
 * of IrpAcc_ConnectionStart (events being enabled, list insertion); a close
 * requested in that window is deferred to the end of the start.
 */
typedef enum _IRPACC_CONNECTION_STATE {
    IrpAccConnOpen = 0,
    IrpAccConnClosing = 1,
    IrpAccConnStarting = 2,
    IrpAccConnStartingCloseRequested = 3
} IRPACC_CONNECTION_STATE;

/* Per-connection context: NonPagedPoolNx, tag IRPACC_POOL_TAG. */
typedef struct _IRPACC_CONNECTION {
    LIST_ENTRY       Link;          /* IrpAccConnections; self-linked when not listed */
    PIRPACC_LISTENER Listener;
    PWSK_SOCKET      Socket;        /* accepted socket; NULL until accepted */
    PIRP             CloseIrp;      /* preallocated: closing never needs memory */
    volatile LONG    State;         /* IRPACC_CONNECTION_STATE */
    volatile LONG64  BytesReceived;
    SOCKADDR_STORAGE RemoteAddress;
} IRPACC_CONNECTION, *PIRPACC_CONNECTION;

/*
 * Ownership of a slot's accept IRP (the documented "IRPLOCK" protocol for
 * cancelling an IRP one allocated).  Transitions:
 *   Idle       -> Queued       IrpAcc_ArmSlot, just before WskAccept
 *   Queued     -> Completed    completion routine (it owns the IRP)
 *   Queued     -> Cancelling   IrpAcc_CancelSlot, before IoCancelIrp
 *   Cancelling -> Completed    completion routine while IoCancelIrp runs:
 *                              it leaves the IRP to IrpAcc_CancelSlot
 *   Cancelling -> CancelDone   IoCancelIrp returned first: the completion
 *                              routine will own the IRP when it runs
 *   CancelDone -> Completed    completion routine (it owns the IRP)
 *   Completed  -> Queued/Idle  the owner re-arms or retires the slot
 *   Completed  -> Idle         an arm found no memory (at the first arm the
 *                              slot was Idle already): it waits with its
 *                              RetryTimer set; the timer's DPC
 *                              (IrpAcc_RearmDpc) arms it again later
 */
typedef enum _IRPACC_SLOT_STATE {
    IrpAccSlotIdle = 0,
    IrpAccSlotQueued = 1,
    IrpAccSlotCancelling = 2,
    IrpAccSlotCancelDone = 3,
    IrpAccSlotCompleted = 4
} IRPACC_SLOT_STATE;

/* One WskAccept kept queued ("accept by irp queue N"). */
typedef struct _IRPACC_ACCEPT_SLOT {
    PIRPACC_LISTENER   Listener;
    PIRP               Irp;          /* NULL when the slot holds no IRP */
    PIRPACC_CONNECTION Connection;   /* AcceptSocketContext of the queued WskAccept */
    volatile LONG      State;        /* IRPACC_SLOT_STATE */
    volatile LONG      ArmRequests;  /* serialises re-arming, see IrpAcc_ArmSlot */
    SOCKADDR_STORAGE   RemoteAddress;/* WskAccept output buffer */
    KTIMER             RetryTimer;   /* one-shot: retries an arm that found no memory */
    KDPC               RetryDpc;     /* IrpAcc_RearmDpc, context: the slot */
    ULONG              RetryDelayMs; /* last back-off; 0 once an arm succeeds */
} IRPACC_ACCEPT_SLOT, *PIRPACC_ACCEPT_SLOT;

struct _IRPACC_LISTENER {
    /* configuration, fixed by the model */
    PCSTR                                 Name;
    BOOLEAN                               ReuseIrp;          /* queue N reuse | realloc */
    ULONG                                 SlotCount;
    PIRPACC_ACCEPT_SLOT                   Slots;
    CONST WSK_CLIENT_LISTEN_DISPATCH     *ListenDispatch;
    CONST WSK_CLIENT_CONNECTION_DISPATCH *ConnectionDispatch;
    ULONG                                 ConnectionEvents;  /* WSK_EVENT_* for accepted sockets */

    /* run-time state */
    PWSK_SOCKET                           Socket;            /* NULL when not open */
    CONST WSK_PROVIDER_LISTEN_DISPATCH   *Dispatch;
    PIRP                                  ControlIrp;        /* synchronous create/option/bind/close */
    KEVENT                                ControlEvent;
    EX_RUNDOWN_REF                        Rundown;           /* WskAccept calls made by re-arming */
    volatile LONG                         Stopping;
    volatile LONG                         AcceptedCount;
};

DRIVER_INITIALIZE DriverEntry;

#endif /* IRP_ACCEPT_H */

/*
 * conditional_accept.h -- reference driver: conditional accept
 * (SO_CONDITIONAL_ACCEPT, WskInspectEvent / WskAbortEvent /
 * WskInspectComplete) with accepted connections delivered by WskAcceptEvent.
 *
 * Generated-code shape for this model (illustrative WSKL, line numbers are
 * the ones quoted by the "from ..." comments in conditional_accept.c):
 *
 *   1  driver ConditionalAccept prefix CondAcc pool tag 'CAcc'
 *   2
 *   3  listener Public on dual-stack [::]:40009 {
 *   4    options exclusive-address-use
 *   5    accept by event per-socket
 *   6    conditional {
 *   7      reject remote 10.0.0.0/8
 *   8      accept remote 192.168.0.0/16 local port 40009
 *   9      accept remote ::1/128
 *  10      pend   remote 2001:db8::/32 with check Reputation timeout 500 ms else reject
 *  11      pend   remote 172.16.0.0/12 port 1024-65535 with check Reputation timeout 2000 ms else accept
 *  12      reject remote any port 0-1023
 *  13      default reject
 *  14    }
 *  15    connection handles receive, disconnect
 *  16  }
 *
 * Rule semantics (first match wins; "default" is always the last rule):
 *  - IPv4 rules match AF_INET addresses and IPv4-mapped IPv6 addresses
 *    (::ffff:a.b.c.d): on a dual-stack listener an IPv4 peer arrives mapped
 *    and must not slip past an IPv4 reject.  Mapped addresses are
 *    canonicalised to IPv4 first, so an IPv6 rule never matches them.
 *  - "port a-b" is the inclusive range of that side's port; absent = any.
 *  - pend: WskInspectPend, the entry waits in a fixed table until the
 *    check answers (CondAcc<Listener>_Complete<Check>Check) or the timeout
 *    applies the "else" action; a full table (or no IRP for the later
 *    WskInspectComplete) turns the pend into an immediate reject.
 *
 * Naming: driver-level symbols are CondAcc_<Role>, per-listener symbols are
 * CondAcc<Listener>_<Role> / CondAcc<Listener><Thing>, macros CONDACC_...
 */
#ifndef CONDITIONAL_ACCEPT_H
#define CONDITIONAL_ACCEPT_H

#include <ntddk.h>
#include "wsk_decls.h"

/* from driver ConditionalAccept (conditional_accept.wskl:1): pool tag
 * "CAcc" as shown by pool tools; the multichar literal is reversed. */
#define CONDACC_POOL_TAG ((ULONG)'ccAC')

/* Resolution of pend timeouts: one periodic timer per listener. */
#define CONDACC_TIMEOUT_TICK_MS 100

/* from listener Public (conditional_accept.wskl:3) */
#define CONDACC_PUBLIC_PORT        40009
#define CONDACC_PUBLIC_PENDING_MAX 16

typedef struct _CONDACC_LISTENER CONDACC_LISTENER, *PCONDACC_LISTENER;

/* ---- rules (conditional { ... }) ---- */

typedef enum _CONDACC_ADDRESS_KIND {
    CondAccAddressAny = 0,          /* rule: any address; endpoint: unknown family */
    CondAccAddressIpv4 = 1,
    CondAccAddressIpv6 = 2
} CONDACC_ADDRESS_KIND;

/* One side (remote or local) of a rule. */
typedef struct _CONDACC_MATCH {
    CONDACC_ADDRESS_KIND Kind;
    UCHAR                Prefix[16];    /* network order; IPv4 uses Prefix[0..3] */
    UCHAR                PrefixLength;  /* bits: <= 32 (IPv4), <= 128 (IPv6) */
    USHORT               PortFirst;     /* host order, inclusive */
    USHORT               PortLast;      /* 0-65535 = any port */
} CONDACC_MATCH;

/* "with check <Name>": starts the deferred decision.  Runs inside
 * WskInspectEvent (<= DISPATCH_LEVEL, must not wait); the pointers are
 * valid only during the call.  The check answers later through
 * CondAcc<Listener>_Complete<Name>Check; an answer given from inside this
 * hook becomes the immediate accept/reject of the inspection. */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
CONDACC_CHECK_START(
    _In_ CONST WSK_INSPECT_ID *InspectId,
    _In_ CONST SOCKADDR *LocalAddress,
    _In_ CONST SOCKADDR *RemoteAddress);
typedef CONDACC_CHECK_START *PCONDACC_CHECK_START;

typedef struct _CONDACC_RULE {
    CONDACC_MATCH        Remote;
    CONDACC_MATCH        Local;
    WSK_INSPECT_ACTION   Action;          /* WskInspectAccept | Reject | Pend */
    WSK_INSPECT_ACTION   TimeoutAction;   /* pend only ("else"): Accept | Reject */
    ULONG                TimeoutMs;       /* pend only */
    PCONDACC_CHECK_START StartCheck;      /* pend only */
    PCSTR                Origin;          /* model line, for traces */
} CONDACC_RULE;

/* ---- pending inspections ---- */

typedef enum _CONDACC_PENDING_STATE {
    CondAccPendingFree = 0,
    CondAccPendingAnnouncing = 1,   /* stored, WskInspectEvent not yet returned */
    CondAccPendingWaiting = 2,      /* WskInspectPend returned; awaiting decision */
    CondAccPendingCompleting = 3    /* WskInspectComplete IRP in flight */
} CONDACC_PENDING_STATE;

typedef struct _CONDACC_PENDING {
    PCONDACC_LISTENER     Listener;
    CONDACC_PENDING_STATE State;          /* under Listener->PendingLock */
    WSK_INSPECT_ID        InspectId;      /* copy: matched by content */
    SOCKADDR_STORAGE      LocalAddress;   /* copies: the callback's pointers die */
    SOCKADDR_STORAGE      RemoteAddress;
    ULONGLONG             Deadline;       /* KeQueryInterruptTime() units */
    CONST CONDACC_RULE   *Rule;
    WSK_INSPECT_ACTION    EarlyAction;    /* decision taken while Announcing, else WskInspectMax */
    PIRP                  CompleteIrp;    /* preallocated for WskInspectComplete */
} CONDACC_PENDING, *PCONDACC_PENDING;

/* ---- connections ---- */

typedef enum _CONDACC_CONNECTION_STATE {
    CondAccConnOpen = 0,
    CondAccConnClosing = 1
} CONDACC_CONNECTION_STATE;

typedef struct _CONDACC_CONNECTION {
    LIST_ENTRY        Link;
    PCONDACC_LISTENER Listener;
    PWSK_SOCKET       Socket;
    PIRP              CloseIrp;
    volatile LONG     State;
    volatile LONG64   BytesReceived;
    SOCKADDR_STORAGE  RemoteAddress;
} CONDACC_CONNECTION, *PCONDACC_CONNECTION;

/* ---- listener ---- */

typedef
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
CONDACC_LISTENER_OPEN(_Inout_ PCONDACC_LISTENER Listener);
typedef CONDACC_LISTENER_OPEN *PCONDACC_LISTENER_OPEN;

struct _CONDACC_LISTENER {
    /* configuration, fixed by the model */
    PCSTR                               Name;
    PCONDACC_LISTENER_OPEN              Open;
    CONST WSK_CLIENT_LISTEN_DISPATCH   *ListenDispatch;
    PCONDACC_PENDING                    Pending;
    ULONG                               PendingCount;

    /* run-time state */
    PWSK_SOCKET                         Socket;
    CONST WSK_PROVIDER_LISTEN_DISPATCH *Dispatch;
    PIRP                                ControlIrp;
    KEVENT                              ControlEvent;
    KEVENT                              ControlLock;     /* open/close, PASSIVE_LEVEL */
    EX_RUNDOWN_REF                      Rundown;         /* WskInspectComplete vs. close */
    KSPIN_LOCK                          PendingLock;     /* the Pending table */
    KTIMER                              TimeoutTimer;
    KDPC                                TimeoutDpc;
    PIO_WORKITEM                        RecreateWorkItem;
    KSPIN_LOCK                          Lock;            /* the two flags below */
    BOOLEAN                             Stopping;
    BOOLEAN                             RecreatePending;
    KEVENT                              RecreateIdle;
    volatile LONG                       AcceptedCount;   /* sockets handed over */
    volatile LONG                       RejectedCount;   /* inspect: reject (all causes) */
    volatile LONG                       PendedCount;
    volatile LONG                       TimedOutCount;
    volatile LONG                       AbortedCount;
};

DRIVER_INITIALIZE DriverEntry;

/*
 * from "with check Reputation" (conditional_accept.wskl:10-11): the
 * driver's own logic reports the outcome of a reputation check started by
 * CondAccPublic_StartReputationCheck.  <= DISPATCH_LEVEL.
 * Returns STATUS_SUCCESS if the decision was applied, STATUS_NOT_FOUND if
 * the inspection is no longer pending (aborted, timed out, decided),
 * STATUS_DEVICE_NOT_READY while the listener is closing.
 */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
CondAccPublic_CompleteReputationCheck(
    _In_ CONST WSK_INSPECT_ID *InspectId,
    _In_ BOOLEAN Accept);

#endif /* CONDITIONAL_ACCEPT_H */

/*
 * event_accept.h -- reference driver: event-mode accept (WskAcceptEvent).
 *
 * Generated-code shape for this model (illustrative WSKL, line numbers are
 * the ones quoted by the "from ..." comments in event_accept.c):
 *
 *   1  driver EventAccept prefix EvtAcc pool tag 'Echo'
 *   2
 *   3  listener Public on dual-stack [::]:40007 {
 *   4    options reuse-address
 *   5    accept by event per-socket
 *   6    connection handles receive, disconnect
 *   7  }
 *
 * Variant: compile with -DEVTACC_STATIC_EVENTS=1 for the model where line 5
 * reads "accept by event static": the accept (and connection) events are
 * then enabled once for the whole WSK client with
 * WskControlClient(WSK_SET_STATIC_EVENT_CALLBACKS) before any socket
 * exists, and never disabled.  The generator emits one branch or the other,
 * never the #if.
 *
 * Naming: driver-level symbols are EvtAcc_<Role>, per-listener symbols are
 * EvtAcc<Listener>_<Role> / EvtAcc<Listener><Thing>, macros EVTACC_...
 */
#ifndef EVENT_ACCEPT_H
#define EVENT_ACCEPT_H

#include <ntddk.h>
#include "wsk_decls.h"

#ifndef EVTACC_STATIC_EVENTS
#define EVTACC_STATIC_EVENTS 0      /* 0: accept by event per-socket; 1: static */
#endif

/* from driver EventAccept (event_accept.wskl:1): pool tag "Echo" as shown
 * by pool tools; the multichar literal is written reversed (little endian). */
#define EVTACC_POOL_TAG ((ULONG)'ohcE')

/* from listener Public (event_accept.wskl:3) */
#define EVTACC_PUBLIC_PORT 40007

typedef struct _EVTACC_LISTENER EVTACC_LISTENER, *PEVTACC_LISTENER;

/* Per-listener create + options + bind (+ per-socket enable): used at load
 * and again by the recreate worker after a NULL AcceptSocket. */
typedef
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
EVTACC_LISTENER_OPEN(_Inout_ PEVTACC_LISTENER Listener);
typedef EVTACC_LISTENER_OPEN *PEVTACC_LISTENER_OPEN;

typedef enum _EVTACC_CONNECTION_STATE {
    EvtAccConnOpen = 0,
    EvtAccConnClosing = 1           /* the single WskCloseSocket was issued */
} EVTACC_CONNECTION_STATE;

/* Per-connection context: NonPagedPoolNx, tag EVTACC_POOL_TAG. */
typedef struct _EVTACC_CONNECTION {
    LIST_ENTRY       Link;          /* EvtAccConnections; self-linked when not listed */
    PEVTACC_LISTENER Listener;
    PWSK_SOCKET      Socket;        /* accepted socket */
    PIRP             CloseIrp;      /* preallocated: closing never needs memory */
    volatile LONG    State;         /* EVTACC_CONNECTION_STATE */
    volatile LONG64  BytesReceived;
    SOCKADDR_STORAGE RemoteAddress;
} EVTACC_CONNECTION, *PEVTACC_CONNECTION;

struct _EVTACC_LISTENER {
    /* configuration, fixed by the model */
    PCSTR                               Name;
    PEVTACC_LISTENER_OPEN               Open;
    CONST WSK_CLIENT_LISTEN_DISPATCH   *ListenDispatch;

    /* run-time state */
    PWSK_SOCKET                         Socket;        /* NULL when not open */
    CONST WSK_PROVIDER_LISTEN_DISPATCH *Dispatch;
    PIRP                                ControlIrp;    /* synchronous create/option/bind/close */
    KEVENT                              ControlEvent;
    KEVENT                              ControlLock;   /* serialises open/close (PASSIVE_LEVEL) */
    PIO_WORKITEM                        RecreateWorkItem;
    KSPIN_LOCK                          Lock;          /* guards the two flags below */
    BOOLEAN                             Stopping;
    BOOLEAN                             RecreatePending;
    KEVENT                              RecreateIdle;  /* signalled while no worker is pending */
    volatile LONG                       AcceptedCount;
    volatile LONG                       DeclinedCount;   /* WskAcceptEvent said STATUS_REQUEST_NOT_ACCEPTED */
};

DRIVER_INITIALIZE DriverEntry;

#endif /* EVENT_ACCEPT_H */

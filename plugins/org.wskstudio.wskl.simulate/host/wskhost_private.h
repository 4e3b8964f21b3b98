/*
 * wskhost_private.h -- what the files of the host kernel layer share among
 * themselves (the wire, the address codec, the socket objects); not for drivers.
 */
#ifndef WSKHOST_PRIVATE_H
#define WSKHOST_PRIVATE_H

#include <ntddk.h>
#include "wsk_decls.h"

/* The caller's return address: the <site> of a kernel call. */
#define SITE ((ULONG_PTR)__builtin_return_address(0))
/* The most values an answer ("R ...") carries. */
#define MAXR 8

/* A work item: what IoQueueWorkItemEx queued, run by the "work" callback. */
struct _IO_WORKITEM {
    PDEVICE_OBJECT IoObject;
    PIO_WORKITEM_ROUTINE_EX Routine;
    PVOID Context;
};

/* The IRQL the driver runs at (callbacks and spin locks change it). */
extern KIRQL HostIrql;

/* ---- the wire (wskhost.c) ---- */
void HostFail(const char *What, const char *Line);
void HostSend(const char *Format, ...);
ULONGLONG HostCall(ULONGLONG *Out, const char *Format, ...);
void HostCallback(char *Line);

/* ---- addresses on the wire (wskhost.c) ---- */
size_t HostAddressLength(const SOCKADDR *A);
void HostAddressHex(char *Out, const SOCKADDR *A);
SOCKADDR *HostAddressFrom(const char *Hex);

/* ---- sockets and counters (wskhost_wsk.c) ---- */
PWSK_SOCKET HostSocket(ULONG Id, BOOLEAN Listen);
ULONG HostSocketId(PWSK_SOCKET Socket);
void HostFreeSockets(void);
ULONG HostReportCounters(void);

#endif /* WSKHOST_PRIVATE_H */

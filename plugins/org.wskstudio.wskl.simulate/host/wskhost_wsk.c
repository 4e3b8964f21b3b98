/*
 * wskhost_wsk.c -- the WSK provider of the host kernel layer (see wskhost.c):
 * registration and the provider NPI, the provider dispatch tables whose calls
 * the simulator serves, the socket objects (one heap block per simulator
 * socket id), the deferred checks and the read of the driver's listener counters.
 */
#define _GNU_SOURCE
#include <ntddk.h>
#include "wsk_decls.h"
#include "wskhost.h"
#include "wskhost_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- sockets: one heap block per simulator socket id ------------------------------- */

typedef struct _HOST_SOCKET {
    WSK_SOCKET Socket;                      /* Dispatch: the provider table of its kind */
    ULONG Id;
} HOST_SOCKET;

static const WSK_PROVIDER_LISTEN_DISPATCH HostListenDispatch;
static const WSK_PROVIDER_CONNECTION_DISPATCH HostConnectionDispatch;
static HOST_SOCKET **HostSockets;
static size_t HostSocketCount;

PWSK_SOCKET HostSocket(ULONG Id, BOOLEAN Listen)
{
    if (Id == 0) {
        return NULL;
    }
    if (Id >= HostSocketCount) {
        size_t N = HostSocketCount == 0 ? 64 : HostSocketCount;
        while (N <= Id) {
            N *= 2;
        }
        HostSockets = realloc(HostSockets, N * sizeof(*HostSockets));
        if (HostSockets == NULL) {
            abort();
        }
        memset(HostSockets + HostSocketCount, 0, (N - HostSocketCount) * sizeof(*HostSockets));
        HostSocketCount = N;
    }
    if (HostSockets[Id] == NULL) {
        HostSockets[Id] = calloc(1, sizeof(HOST_SOCKET));
        if (HostSockets[Id] == NULL) {
            abort();
        }
        HostSockets[Id]->Id = Id;
        HostSockets[Id]->Socket.Dispatch = Listen ? (const void *)&HostListenDispatch
                                                  : (const void *)&HostConnectionDispatch;
    }
    return &HostSockets[Id]->Socket;
}

ULONG HostSocketId(PWSK_SOCKET Socket)
{
    return Socket == NULL ? 0 : CONTAINING_RECORD(Socket, HOST_SOCKET, Socket)->Id;
}

/* Frees the socket blocks at exit (the driver's own leaks stay for LeakSanitizer). */
void HostFreeSockets(void)
{
    size_t I;
    for (I = 0; I < HostSocketCount; I++) {
        free(HostSockets[I]);
    }
    free(HostSockets);
}

/* ---- WSK: registration, NPI, provider dispatch ------------------------------------------------- */

CONST NPIID NPI_WSK_INTERFACE_ID = {
    0x2227e803, 0x8d8b, 0x11d4, { 0xab, 0xad, 0x00, 0x90, 0x27, 0x71, 0x9e, 0x09 }
};

static NTSTATUS WSKAPI HostWskSocket(PWSK_CLIENT, ADDRESS_FAMILY, USHORT, ULONG, ULONG, PVOID, CONST VOID *,
                                     PEPROCESS, PETHREAD, PSECURITY_DESCRIPTOR, PIRP);
static NTSTATUS WSKAPI HostWskControlClient(PWSK_CLIENT, ULONG, SIZE_T, PVOID, SIZE_T, PVOID, SIZE_T *, PIRP);

static const WSK_PROVIDER_DISPATCH HostProviderDispatch = {
    MAKE_WSK_VERSION(1, 0), 0, HostWskSocket, NULL, HostWskControlClient, NULL, NULL, NULL
};

NTSTATUS WskRegister(PWSK_CLIENT_NPI WskClientNpi, PWSK_REGISTRATION WskRegistration)
{
    (void)WskClientNpi->Dispatch->Version;
    memset(WskRegistration, 0, sizeof(*WskRegistration));
    return (NTSTATUS)HostCall(NULL, "WskRegister %lx %lx %lx", SITE, (ULONG_PTR)WskClientNpi,
                              (ULONG_PTR)WskRegistration);
}

NTSTATUS WskCaptureProviderNPI(PWSK_REGISTRATION WskRegistration, ULONG WaitTimeout, PWSK_PROVIDER_NPI WskProviderNpi)
{
    ULONGLONG R[MAXR] = { 0 };
    HostCall(R, "WskCaptureProviderNPI %lx %lx %x", SITE, (ULONG_PTR)WskRegistration, WaitTimeout);
    if (NT_SUCCESS((NTSTATUS)R[0])) {
        WskProviderNpi->Client = (PWSK_CLIENT)(ULONG_PTR)R[1];
        WskProviderNpi->Dispatch = &HostProviderDispatch;
    }
    return (NTSTATUS)R[0];
}

VOID WskReleaseProviderNPI(PWSK_REGISTRATION WskRegistration)
{
    HostCall(NULL, "WskReleaseProviderNPI %lx %lx", SITE, (ULONG_PTR)WskRegistration);
}

VOID WskDeregister(PWSK_REGISTRATION WskRegistration)
{
    HostCall(NULL, "WskDeregister %lx %lx", SITE, (ULONG_PTR)WskRegistration);
}

static NTSTATUS WSKAPI HostWskSocket(PWSK_CLIENT Client, ADDRESS_FAMILY AddressFamily, USHORT SocketType,
                                     ULONG Protocol, ULONG Flags, PVOID SocketContext, CONST VOID *Dispatch,
                                     PEPROCESS OwningProcess, PETHREAD OwningThread,
                                     PSECURITY_DESCRIPTOR SecurityDescriptor, PIRP Irp)
{
    const WSK_CLIENT_LISTEN_DISPATCH *D = Dispatch;
    UNREFERENCED_PARAMETER(OwningProcess);
    UNREFERENCED_PARAMETER(OwningThread);
    UNREFERENCED_PARAMETER(SecurityDescriptor);
    return (NTSTATUS)HostCall(NULL, "WskSocket %lx %lx %x %x %x %x %lx %lx %lx %lx %lx %lx", SITE,
                              (ULONG_PTR)Client, (unsigned)AddressFamily, (unsigned)SocketType, Protocol, Flags,
                              (ULONG_PTR)SocketContext, (ULONG_PTR)Dispatch,
                              D ? (ULONG_PTR)D->WskAcceptEvent : 0UL, D ? (ULONG_PTR)D->WskInspectEvent : 0UL,
                              D ? (ULONG_PTR)D->WskAbortEvent : 0UL, (ULONG_PTR)Irp);
}

static NTSTATUS WSKAPI HostWskControlClient(PWSK_CLIENT Client, ULONG ControlCode, SIZE_T InputSize,
                                            PVOID InputBuffer, SIZE_T OutputSize, PVOID OutputBuffer,
                                            SIZE_T *OutputSizeReturned, PIRP Irp)
{
    ULONG Mask = 0, Npi = 0;
    UNREFERENCED_PARAMETER(OutputSize);
    UNREFERENCED_PARAMETER(OutputBuffer);
    if (OutputSizeReturned != NULL) {
        *OutputSizeReturned = 0;
    }
    if (ControlCode == WSK_SET_STATIC_EVENT_CALLBACKS && InputBuffer != NULL
        && InputSize >= sizeof(WSK_EVENT_CALLBACK_CONTROL)) {
        Mask = ((PWSK_EVENT_CALLBACK_CONTROL)InputBuffer)->EventMask;
        Npi = ((PWSK_EVENT_CALLBACK_CONTROL)InputBuffer)->NpiId == &NPI_WSK_INTERFACE_ID;
    }
    return (NTSTATUS)HostCall(NULL, "WskControlClient %lx %lx %x %lx %x %x %lx", SITE, (ULONG_PTR)Client,
                              ControlCode, (ULONG_PTR)InputSize, Mask, Npi, (ULONG_PTR)Irp);
}

static NTSTATUS WSKAPI HostWskControlSocket(PWSK_SOCKET Socket, WSK_CONTROL_SOCKET_TYPE RequestType,
                                            ULONG ControlCode, ULONG Level, SIZE_T InputSize, PVOID InputBuffer,
                                            SIZE_T OutputSize, PVOID OutputBuffer, SIZE_T *OutputSizeReturned,
                                            PIRP Irp)
{
    ULONG Kind = 0, Value = 0;
    UNREFERENCED_PARAMETER(OutputSize);
    UNREFERENCED_PARAMETER(OutputBuffer);
    if (OutputSizeReturned != NULL) {
        *OutputSizeReturned = 0;
    }
    if (InputBuffer != NULL && ControlCode == SO_WSK_EVENT_CALLBACK && Level == SOL_SOCKET
        && InputSize >= sizeof(WSK_EVENT_CALLBACK_CONTROL)) {
        Kind = ((PWSK_EVENT_CALLBACK_CONTROL)InputBuffer)->NpiId == &NPI_WSK_INTERFACE_ID ? 1 : 2;
        Value = ((PWSK_EVENT_CALLBACK_CONTROL)InputBuffer)->EventMask;
    } else if (InputBuffer != NULL && InputSize == sizeof(ULONG)) {
        Kind = 3;
        Value = *(PULONG)InputBuffer;
    }
    return (NTSTATUS)HostCall(NULL, "WskControlSocket %lx %x %x %x %x %lx %x %x %lx", SITE,
                              HostSocketId(Socket), (unsigned)RequestType, ControlCode, Level,
                              (ULONG_PTR)InputSize, Kind, Value, (ULONG_PTR)Irp);
}

static NTSTATUS WSKAPI HostWskCloseSocket(PWSK_SOCKET Socket, PIRP Irp)
{
    return (NTSTATUS)HostCall(NULL, "WskCloseSocket %lx %x %lx", SITE, HostSocketId(Socket), (ULONG_PTR)Irp);
}

static NTSTATUS WSKAPI HostWskBind(PWSK_SOCKET Socket, PSOCKADDR LocalAddress, ULONG Flags, PIRP Irp)
{
    char Hex[2 * sizeof(SOCKADDR_STORAGE) + 2];
    HostAddressHex(Hex, LocalAddress);
    return (NTSTATUS)HostCall(NULL, "WskBind %lx %x %s %x %lx", SITE, HostSocketId(Socket), Hex, Flags,
                              (ULONG_PTR)Irp);
}

static NTSTATUS WSKAPI HostWskAccept(PWSK_SOCKET ListenSocket, ULONG Flags, PVOID AcceptSocketContext,
                                     CONST WSK_CLIENT_CONNECTION_DISPATCH *AcceptSocketDispatch,
                                     PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress, PIRP Irp)
{
    const WSK_CLIENT_CONNECTION_DISPATCH *D = AcceptSocketDispatch;
    return (NTSTATUS)HostCall(NULL, "WskAccept %lx %x %x %lx %lx %lx %lx %lx %lx %lx %lx", SITE,
                              HostSocketId(ListenSocket), Flags, (ULONG_PTR)AcceptSocketContext,
                              (ULONG_PTR)D, D ? (ULONG_PTR)D->WskReceiveEvent : 0UL,
                              D ? (ULONG_PTR)D->WskDisconnectEvent : 0UL, D ? (ULONG_PTR)D->WskSendBacklogEvent : 0UL,
                              (ULONG_PTR)LocalAddress, (ULONG_PTR)RemoteAddress, (ULONG_PTR)Irp);
}

static NTSTATUS WSKAPI HostWskInspectComplete(PWSK_SOCKET ListenSocket, PWSK_INSPECT_ID InspectID,
                                              WSK_INSPECT_ACTION Action, PIRP Irp)
{
    return (NTSTATUS)HostCall(NULL, "WskInspectComplete %lx %x %x %lx %x %x %lx", SITE,
                              HostSocketId(ListenSocket), InspectID != NULL ? 1u : 0u,
                              InspectID != NULL ? (ULONG_PTR)InspectID->Key : 0UL,
                              InspectID != NULL ? InspectID->SerialNumber : 0u, (unsigned)Action, (ULONG_PTR)Irp);
}

static NTSTATUS WSKAPI HostWskGetLocalAddress(PWSK_SOCKET Socket, PSOCKADDR LocalAddress, PIRP Irp)
{
    return (NTSTATUS)HostCall(NULL, "WskGetLocalAddress %lx %x %lx %lx", SITE, HostSocketId(Socket),
                              (ULONG_PTR)LocalAddress, (ULONG_PTR)Irp);
}

static const WSK_PROVIDER_LISTEN_DISPATCH HostListenDispatch = {
    .WskControlSocket = HostWskControlSocket,
    .WskCloseSocket = HostWskCloseSocket,
    .WskBind = HostWskBind,
    .WskAccept = HostWskAccept,
    .WskInspectComplete = HostWskInspectComplete,
    .WskGetLocalAddress = HostWskGetLocalAddress,
};

static const WSK_PROVIDER_CONNECTION_DISPATCH HostConnectionDispatch = {
    .WskControlSocket = HostWskControlSocket,
    .WskCloseSocket = HostWskCloseSocket,
};

VOID WskHostQueryCheck(PCSTR Check, CONST WSK_INSPECT_ID *InspectId, CONST SOCKADDR *RemoteAddress,
                       WSKHOST_CHECK_COMPLETE *Complete)
{
    char Hex[2 * sizeof(SOCKADDR_STORAGE) + 2];
    HostAddressHex(Hex, RemoteAddress);
    HostCall(NULL, "Check %lx %lx %lx %x %s %s", SITE, (ULONG_PTR)Complete, (ULONG_PTR)InspectId->Key,
             InspectId->SerialNumber, Hex, Check);
}

/* ---- the driver's listener counters ----------------------------------------------------------- */

/* The simulator's build names the driver's <Prefix>_QueryListenerCounters and
 * the number of ULONG fields of its <PREFIX>_LISTENER_COUNTERS (in the order of
 * the generator's ListenerCounter).  Weak: C without the function still links
 * and reports no counters. */
#if defined(WSKHOST_QUERY_COUNTERS) && defined(WSKHOST_COUNTER_FIELDS)
NTSTATUS WSKHOST_QUERY_COUNTERS(ULONG ListenerIndex, PVOID Counters, PCSTR *Name) __attribute__((weak));

/* "K Counters site index name value..." for each listener the function knows
 * (0, 1, ... until it fails); returns how many. */
ULONG HostReportCounters(void)
{
    ULONG Index;
    if (WSKHOST_QUERY_COUNTERS == NULL) {
        return 0;
    }
    for (Index = 0; Index < 4096; Index++) {
        ULONG Values[WSKHOST_COUNTER_FIELDS] = { 0 };
        PCSTR Name = NULL;
        char Line[256 + 12 * WSKHOST_COUNTER_FIELDS];
        size_t Used, I;
        if (!NT_SUCCESS(WSKHOST_QUERY_COUNTERS(Index, Values, &Name))) {
            break;
        }
        Used = (size_t)snprintf(Line, 256, "Counters %lx %x ", (ULONG_PTR)WSKHOST_QUERY_COUNTERS, Index);
        if (Name == NULL || Name[0] == '\0') {
            Line[Used++] = '-';
        }
        for (I = 0; Name != NULL && Name[I] != '\0' && Used < 250; I++) {
            Line[Used++] = (Name[I] > ' ' && (UCHAR)Name[I] < 0x7f) ? Name[I] : '_';
        }
        for (I = 0; I < WSKHOST_COUNTER_FIELDS; I++) {
            Used += (size_t)snprintf(Line + Used, sizeof(Line) - Used, " %x", Values[I]);
        }
        HostCall(NULL, "%s", Line);
    }
    return Index;
}
#else
ULONG HostReportCounters(void)
{
    return 0;
}
#endif

/*
 * wskhost.c -- WSK Studio's host kernel layer: runs a generated (or hand-edited)
 * WSK driver, unchanged, as a Linux process that the WSK runtime simulator drives.
 *
 * The simulator (Java, org.wskstudio.wskl.simulate.host) talks to this process
 * over stdin/stdout, one text line per message, synchronously and nested in both
 * directions:
 *   K <Routine> <site> <args...>   the driver calls a kernel or WSK routine;
 *                                  the simulator serves it and answers
 *   R <values...>                  the answer to the innermost K or C
 *   C <callback> <args...>         the simulator calls into the driver
 *                                  (DriverEntry, completion routines, events,
 *                                  DPCs, work items, check answers, a read
 *                                  of the listener counters)
 * While waiting for an R, either side serves the other's K or C, so a wait in
 * the driver (KeWaitForSingleObject) runs the simulation on, which calls the
 * driver's completion routines.  Numbers are hex; addresses of driver memory
 * are only identities for the simulator.  <site> is the caller's return address
 * (symbolised by the simulator when a rule check needs the C line).
 *
 * The driver's memory stays real: IRPs, pool blocks, sockets and the addresses
 * a callback receives are heap blocks, so AddressSanitizer sees a use after free,
 * a double free or a pointer kept past its callback.  Spin locks, Interlocked*
 * and Rtl* are local (single threaded, nothing to simulate).
 */
#define _GNU_SOURCE
#include <ntddk.h>
#include "wsk_decls.h"
#include "wskhost.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

DRIVER_INITIALIZE DriverEntry;

#define SITE ((ULONG_PTR)__builtin_return_address(0))
#define MAXR 8

static FILE *HostIn;
static FILE *HostOut;
static KIRQL HostIrql = PASSIVE_LEVEL;

/* ---- the wire ---------------------------------------------------------------- */

static void HostCallback(char *Line);

static void HostFail(const char *What, const char *Line)
{
    fprintf(stderr, "wskhost: protocol error: %s: %.200s\n", What, Line ? Line : "");
    fflush(stderr);
    _exit(70);
}

static void HostSendV(const char *Format, va_list Args)
{
    vfprintf(HostOut, Format, Args);
    fputc('\n', HostOut);
    fflush(HostOut);
}

static void HostSend(const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    HostSendV(Format, Args);
    va_end(Args);
}

/* Reads until the answer to the innermost request, serving callbacks meanwhile. */
static int HostAwait(ULONGLONG *Out)
{
    char Line[4096];
    for (;;) {
        if (fgets(Line, sizeof(Line), HostIn) == NULL) {
            _exit(0);                       /* the simulator has gone: nothing to report to */
        }
        Line[strcspn(Line, "\n")] = '\0';
        if (Line[0] == 'R' && (Line[1] == ' ' || Line[1] == '\0')) {
            int N = 0;
            char *P = Line + 1;
            while (*P == ' ' && N < MAXR) {
                char *End;
                Out[N++] = strtoull(P + 1, &End, 16);
                P = End;
            }
            return N;
        }
        if (Line[0] == 'C' && Line[1] == ' ') {
            HostCallback(Line + 2);
            continue;
        }
        HostFail("unexpected message", Line);
    }
}

/* One kernel call: "K Name site args", then the answer. */
static ULONGLONG HostCall(ULONGLONG *Out, const char *Format, ...)
{
    ULONGLONG Local[MAXR] = { 0 };
    va_list Args;
    fputs("K ", HostOut);
    va_start(Args, Format);
    HostSendV(Format, Args);
    va_end(Args);
    if (Out == NULL) {
        Out = Local;
    }
    (void)HostAwait(Out);
    return Out[0];
}

static void HostHex(char *Out, const void *Data, size_t Length)
{
    static const char Digits[] = "0123456789abcdef";
    const UCHAR *B = Data;
    size_t I;
    for (I = 0; I < Length; I++) {
        Out[2 * I] = Digits[B[I] >> 4];
        Out[2 * I + 1] = Digits[B[I] & 15];
    }
    Out[2 * Length] = '\0';
}

static size_t HostAddressLength(const SOCKADDR *A)
{
    return A == NULL ? 0 : A->sa_family == AF_INET6 ? sizeof(SOCKADDR_IN6)
         : A->sa_family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR);
}

/* "-" for NULL, else the Windows-layout bytes in hex. */
static void HostAddressHex(char *Out, const SOCKADDR *A)
{
    if (A == NULL) {
        strcpy(Out, "-");
    } else {
        HostHex(Out, A, HostAddressLength(A));
    }
}

/* Decodes a "-" or hex token into a fresh heap block (freed by the caller). */
static SOCKADDR *HostAddressFrom(const char *Hex)
{
    SOCKADDR_STORAGE *S;
    size_t I, N;
    if (Hex == NULL || strcmp(Hex, "-") == 0) {
        return NULL;
    }
    N = strlen(Hex) / 2;
    S = calloc(1, sizeof(SOCKADDR_STORAGE));
    if (S == NULL) {
        abort();
    }
    for (I = 0; I < N && I < sizeof(*S); I++) {
        unsigned V;
        sscanf(Hex + 2 * I, "%2x", &V);
        ((UCHAR *)S)[I] = (UCHAR)V;
    }
    return (SOCKADDR *)S;
}

/* ---- sockets: one heap block per simulator socket id ------------------------------- */

typedef struct _HOST_SOCKET {
    WSK_SOCKET Socket;                      /* Dispatch: the provider table of its kind */
    ULONG Id;
} HOST_SOCKET;

static const WSK_PROVIDER_LISTEN_DISPATCH HostListenDispatch;
static const WSK_PROVIDER_CONNECTION_DISPATCH HostConnectionDispatch;
static HOST_SOCKET **HostSockets;
static size_t HostSocketCount;

static PWSK_SOCKET HostSocket(ULONG Id, BOOLEAN Listen)
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

static ULONG HostSocketId(PWSK_SOCKET Socket)
{
    return Socket == NULL ? 0 : CONTAINING_RECORD(Socket, HOST_SOCKET, Socket)->Id;
}

/* ---- I/O manager ----------------------------------------------------------------- */

PIRP NTAPI IoAllocateIrp(CHAR StackSize, BOOLEAN ChargeQuota)
{
    PIRP Irp = calloc(1, sizeof(IRP));
    if (Irp == NULL) {
        abort();
    }
    if (!HostCall(NULL, "IoAllocateIrp %lx %x %x %lx", SITE, (unsigned)(UCHAR)StackSize,
                  (unsigned)ChargeQuota, (ULONG_PTR)Irp)) {
        free(Irp);
        return NULL;
    }
    Irp->StackCount = StackSize;
    Irp->Size = sizeof(IRP);
    return Irp;
}

VOID NTAPI IoFreeIrp(PIRP Irp)
{
    HostCall(NULL, "IoFreeIrp %lx %lx", SITE, (ULONG_PTR)Irp);
    free(Irp);
}

VOID NTAPI IoReuseIrp(PIRP Irp, NTSTATUS Iostatus)
{
    HostCall(NULL, "IoReuseIrp %lx %lx %x", SITE, (ULONG_PTR)Irp, (ULONG)Iostatus);
    Irp->IoStatus.Status = Iostatus;
    Irp->IoStatus.Information = 0;
    Irp->CompletionRoutine = NULL;
    Irp->CompletionContext = NULL;
    Irp->Cancel = FALSE;
}

VOID NTAPI IoSetCompletionRoutine(PIRP Irp, PIO_COMPLETION_ROUTINE CompletionRoutine, PVOID Context,
                                  BOOLEAN InvokeOnSuccess, BOOLEAN InvokeOnError, BOOLEAN InvokeOnCancel)
{
    Irp->CompletionRoutine = CompletionRoutine;
    Irp->CompletionContext = Context;
    Irp->CompletionControl = (UCHAR)((InvokeOnSuccess ? 1 : 0) | (InvokeOnError ? 2 : 0) | (InvokeOnCancel ? 4 : 0));
    HostCall(NULL, "IoSetCompletionRoutine %lx %lx %lx %lx %x", SITE, (ULONG_PTR)Irp,
             (ULONG_PTR)CompletionRoutine, (ULONG_PTR)Context, (unsigned)Irp->CompletionControl);
}

BOOLEAN NTAPI IoCancelIrp(PIRP Irp)
{
    return (BOOLEAN)HostCall(NULL, "IoCancelIrp %lx %lx", SITE, (ULONG_PTR)Irp);
}

struct _IO_WORKITEM {
    PDEVICE_OBJECT IoObject;
    PIO_WORKITEM_ROUTINE_EX Routine;
    PVOID Context;
};

PIO_WORKITEM NTAPI IoAllocateWorkItem(PDEVICE_OBJECT DeviceObject)
{
    PIO_WORKITEM Item = calloc(1, sizeof(*Item));
    if (Item != NULL) {
        Item->IoObject = DeviceObject;
    }
    return Item;
}

VOID NTAPI IoFreeWorkItem(PIO_WORKITEM IoWorkItem)
{
    free(IoWorkItem);
}

VOID NTAPI IoQueueWorkItemEx(PIO_WORKITEM IoWorkItem, PIO_WORKITEM_ROUTINE_EX WorkerRoutine,
                             WORK_QUEUE_TYPE QueueType, PVOID Context)
{
    IoWorkItem->Routine = WorkerRoutine;
    IoWorkItem->Context = Context;
    HostCall(NULL, "IoQueueWorkItemEx %lx %lx %x", SITE, (ULONG_PTR)IoWorkItem, (unsigned)QueueType);
}

/* ---- pool ------------------------------------------------------------------------- */

PVOID NTAPI ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    PVOID P = malloc(NumberOfBytes == 0 ? 1 : NumberOfBytes);
    if (P == NULL) {
        abort();
    }
    if (!HostCall(NULL, "ExAllocatePoolWithTag %lx %x %lx %x %lx", SITE, (unsigned)PoolType,
                  (ULONG_PTR)NumberOfBytes, Tag, (ULONG_PTR)P)) {
        free(P);
        return NULL;
    }
    return P;
}

VOID NTAPI ExFreePoolWithTag(PVOID P, ULONG Tag)
{
    HostCall(NULL, "ExFreePoolWithTag %lx %lx %x", SITE, (ULONG_PTR)P, Tag);
    free(P);
}

/* ---- events, timers, DPCs ----------------------------------------------------------- */

VOID NTAPI KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State)
{
    Event->Header.Type = Type;
    Event->Header.SignalState = State;
    HostCall(NULL, "KeInitializeEvent %lx %lx %x %x", SITE, (ULONG_PTR)Event, (unsigned)Type, (unsigned)State);
}

LONG NTAPI KeSetEvent(PRKEVENT Event, LONG Increment, BOOLEAN Wait)
{
    UNREFERENCED_PARAMETER(Increment);
    UNREFERENCED_PARAMETER(Wait);
    Event->Header.SignalState = 1;
    return (LONG)HostCall(NULL, "KeSetEvent %lx %lx", SITE, (ULONG_PTR)Event);
}

VOID NTAPI KeClearEvent(PRKEVENT Event)
{
    Event->Header.SignalState = 0;
    HostCall(NULL, "KeClearEvent %lx %lx", SITE, (ULONG_PTR)Event);
}

NTSTATUS NTAPI KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                                     BOOLEAN Alertable, PLARGE_INTEGER Timeout)
{
    ULONGLONG R[MAXR] = { 0 };
    PKEVENT Event = Object;
    UNREFERENCED_PARAMETER(WaitReason);
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    (void)Event->Header.Type;               /* the object must still exist */
    HostCall(R, "KeWaitForSingleObject %lx %lx %x %lx", SITE, (ULONG_PTR)Object, Timeout != NULL ? 1u : 0u,
             Timeout != NULL ? (ULONG_PTR)Timeout->QuadPart : 0UL);
    Event->Header.SignalState = (LONG)R[1];
    return (NTSTATUS)R[0];
}

VOID NTAPI KeInitializeTimer(PKTIMER Timer)
{
    KeInitializeTimerEx(Timer, NotificationTimer);
}

VOID NTAPI KeInitializeTimerEx(PKTIMER Timer, TIMER_TYPE Type)
{
    Timer->Header.Type = Type;
    Timer->Header.SignalState = 0;
    Timer->Period = 0;
    HostCall(NULL, "KeInitializeTimer %lx %lx", SITE, (ULONG_PTR)Timer);
}

VOID NTAPI KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine, PVOID DeferredContext)
{
    Dpc->DeferredRoutine = DeferredRoutine;
    Dpc->DeferredContext = DeferredContext;
    HostCall(NULL, "KeInitializeDpc %lx %lx", SITE, (ULONG_PTR)Dpc);
}

static BOOLEAN HostSetTimer(ULONG_PTR Site, PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period, PKDPC Dpc)
{
    Timer->Period = Period;
    return (BOOLEAN)HostCall(NULL, "KeSetTimer %lx %lx %lx %x %lx", Site, (ULONG_PTR)Timer,
                             (ULONG_PTR)DueTime.QuadPart, (ULONG)Period, (ULONG_PTR)Dpc);
}

BOOLEAN NTAPI KeSetTimer(PKTIMER Timer, LARGE_INTEGER DueTime, PKDPC Dpc)
{
    return HostSetTimer(SITE, Timer, DueTime, 0, Dpc);
}

BOOLEAN NTAPI KeSetTimerEx(PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period, PKDPC Dpc)
{
    return HostSetTimer(SITE, Timer, DueTime, Period, Dpc);
}

BOOLEAN NTAPI KeCancelTimer(PKTIMER Timer)
{
    (void)Timer->Header.Type;
    return (BOOLEAN)HostCall(NULL, "KeCancelTimer %lx %lx", SITE, (ULONG_PTR)Timer);
}

VOID NTAPI KeFlushQueuedDpcs(VOID)
{
    HostCall(NULL, "KeFlushQueuedDpcs %lx", SITE);
}

ULONGLONG NTAPI KeQueryInterruptTime(VOID)
{
    return HostCall(NULL, "KeQueryInterruptTime %lx", SITE);
}

KIRQL NTAPI KeGetCurrentIrql(VOID)
{
    return HostIrql;
}

/* ---- spin locks and rundown protection: local (one thread) -------------------------------- */

VOID NTAPI KeInitializeSpinLock(PKSPIN_LOCK SpinLock)
{
    *SpinLock = 0;
}

VOID NTAPI KeAcquireSpinLock(PKSPIN_LOCK SpinLock, PKIRQL OldIrql)
{
    if (*SpinLock != 0) {
        fprintf(stderr, "wskhost: KeAcquireSpinLock of a spin lock already held (deadlock on a real machine)\n");
        abort();
    }
    *SpinLock = 1;
    *OldIrql = HostIrql;
    HostIrql = DISPATCH_LEVEL;
}

VOID NTAPI KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
{
    *SpinLock = 0;
    HostIrql = NewIrql;
}

VOID NTAPI KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    KIRQL Ignored;
    KeAcquireSpinLock(SpinLock, &Ignored);
    HostIrql = DISPATCH_LEVEL;
}

VOID NTAPI KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
{
    *SpinLock = 0;
}

/* Count: bit 0 = rundown started (no new references), the rest = references * 2. */
VOID NTAPI ExInitializeRundownProtection(PEX_RUNDOWN_REF RunRef)
{
    RunRef->Count = 0;
}

VOID NTAPI ExReInitializeRundownProtection(PEX_RUNDOWN_REF RunRef)
{
    RunRef->Count = 0;
}

BOOLEAN NTAPI ExAcquireRundownProtection(PEX_RUNDOWN_REF RunRef)
{
    if (RunRef->Count & 1) {
        return FALSE;
    }
    RunRef->Count += 2;
    return TRUE;
}

VOID NTAPI ExReleaseRundownProtection(PEX_RUNDOWN_REF RunRef)
{
    RunRef->Count -= 2;
}

/* Runs the simulation on, one event at a time, until every reference is released. */
VOID NTAPI ExWaitForRundownProtectionRelease(PEX_RUNDOWN_REF RunRef)
{
    ULONG_PTR Site = SITE;
    RunRef->Count |= 1;
    while ((RunRef->Count >> 1) != 0) {
        if (!HostCall(NULL, "Step %lx", Site)) {
            HostCall(NULL, "Stuck %lx ExWaitForRundownProtectionRelease", Site);
            return;
        }
    }
}

/* ---- DbgPrintEx: the Windows formats, printed on Linux --------------------------------------- */

/* %lx / %lu / %ld take a 32-bit ULONG on Windows: drop the 'l' (not "ll"). */
static void HostAdaptFormat(char *Out, size_t Size, const char *Format)
{
    size_t O = 0;
    const char *P;
    for (P = Format; *P != '\0' && O + 1 < Size; P++) {
        if (*P == 'l' && P > Format && P[-1] != 'l' && P[1] != 'l' && P[1] != '\0'
            && strchr("diuxXo", P[1]) != NULL) {
            continue;
        }
        Out[O++] = *P;
    }
    Out[O] = '\0';
}

ULONG DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...)
{
    char Adapted[512], Text[1024];
    va_list Args;
    size_t I;
    UNREFERENCED_PARAMETER(ComponentId);
    HostAdaptFormat(Adapted, sizeof(Adapted), Format);
    va_start(Args, Format);
    vsnprintf(Text, sizeof(Text), Adapted, Args);
    va_end(Args);
    for (I = 0; Text[I] != '\0'; I++) {
        if ((UCHAR)Text[I] < 0x20) {
            Text[I] = ' ';
        }
    }
    HostCall(NULL, "DbgPrintEx %lx %x %s", SITE, Level, Text);
    return 0;
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
static ULONG HostReportCounters(void)
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
static ULONG HostReportCounters(void)
{
    return 0;
}
#endif

/* ---- callbacks from the simulator ------------------------------------------------------------ */

static DRIVER_OBJECT HostDriverObject;
static UNICODE_STRING HostRegistryPath;

#define ARG(i) strtoull(Tok[i], NULL, 16)
#define FN(t, i) ((t)(ULONG_PTR)ARG(i))

static void HostCallback(char *Line)
{
    char *Tok[24];
    int N = 0;
    char *Save = NULL;
    char *P = strtok_r(Line, " ", &Save);
    KIRQL Saved = HostIrql;
    while (P != NULL && N < 24) {
        Tok[N++] = P;
        P = strtok_r(NULL, " ", &Save);
    }
    if (N == 0) {
        HostFail("empty callback", "");
    }
#define NEED(n) do { if (N < (n)) HostFail("too few arguments", Tok[0]); } while (0)
    if (strcmp(Tok[0], "entry") == 0) {
        NTSTATUS St = DriverEntry(&HostDriverObject, &HostRegistryPath);
        HostSend("R %x", (ULONG)St);
    } else if (strcmp(Tok[0], "unload") == 0) {
        if (HostDriverObject.DriverUnload != NULL) {
            HostDriverObject.DriverUnload(&HostDriverObject);
        }
        HostSend("R 0");
    } else if (strcmp(Tok[0], "complete") == 0) {
        /* complete irp status infokind info localptr localhex remoteptr remotehex */
        PIRP Irp;
        SOCKADDR *A;
        NTSTATUS St;
        NEED(9);
        Irp = FN(PIRP, 1);
        Irp->IoStatus.Status = (NTSTATUS)ARG(2);
        switch (ARG(3)) {
        case 1: Irp->IoStatus.Information = (ULONG_PTR)HostSocket((ULONG)ARG(4), TRUE); break;
        case 2: Irp->IoStatus.Information = (ULONG_PTR)HostSocket((ULONG)ARG(4), FALSE); break;
        default: Irp->IoStatus.Information = (ULONG_PTR)ARG(4); break;
        }
        if ((A = HostAddressFrom(Tok[6])) != NULL && ARG(5) != 0) {
            memcpy(FN(PVOID, 5), A, HostAddressLength(A));
        }
        free(A);
        if ((A = HostAddressFrom(Tok[8])) != NULL && ARG(7) != 0) {
            memcpy(FN(PVOID, 7), A, HostAddressLength(A));
        }
        free(A);
        HostIrql = DISPATCH_LEVEL;
        St = Irp->CompletionRoutine(NULL, Irp, Irp->CompletionContext);
        HostSend("R %x", (ULONG)St);
    } else if (strcmp(Tok[0], "dpc") == 0) {
        PKDPC Dpc;
        NEED(2);
        Dpc = FN(PKDPC, 1);
        HostIrql = DISPATCH_LEVEL;
        Dpc->DeferredRoutine(Dpc, Dpc->DeferredContext, NULL, NULL);
        HostSend("R 0");
    } else if (strcmp(Tok[0], "work") == 0) {
        PIO_WORKITEM Item;
        NEED(2);
        Item = FN(PIO_WORKITEM, 1);
        HostIrql = PASSIVE_LEVEL;
        Item->Routine(Item->IoObject, Item->Context, Item);
        HostSend("R 0");
    } else if (strcmp(Tok[0], "accept") == 0) {
        /* accept fn ctx flags localhex remotehex socketid */
        PVOID Context = NULL;
        CONST WSK_CLIENT_CONNECTION_DISPATCH *D = NULL;
        SOCKADDR *L, *R;
        NTSTATUS St;
        NEED(7);
        L = HostAddressFrom(Tok[4]);
        R = HostAddressFrom(Tok[5]);
        HostIrql = DISPATCH_LEVEL;
        St = FN(PFN_WSK_ACCEPT_EVENT, 1)(FN(PVOID, 2), (ULONG)ARG(3), L, R, HostSocket((ULONG)ARG(6), FALSE),
                                         &Context, &D);
        free(L);
        free(R);
        HostSend("R %x %lx %lx %lx %lx %lx", (ULONG)St, (ULONG_PTR)Context, (ULONG_PTR)D,
                 D ? (ULONG_PTR)D->WskReceiveEvent : 0UL, D ? (ULONG_PTR)D->WskDisconnectEvent : 0UL,
                 D ? (ULONG_PTR)D->WskSendBacklogEvent : 0UL);
    } else if (strcmp(Tok[0], "inspect") == 0) {
        /* inspect fn ctx localhex remotehex hasid key serial */
        SOCKADDR *L, *R;
        PWSK_INSPECT_ID Id = NULL;
        WSK_INSPECT_ACTION A;
        NEED(8);
        L = HostAddressFrom(Tok[3]);
        R = HostAddressFrom(Tok[4]);
        if (ARG(5)) {
            Id = malloc(sizeof(*Id));
            if (Id == NULL) {
                abort();
            }
            Id->Key = (ULONG_PTR)ARG(6);
            Id->SerialNumber = (ULONG)ARG(7);
        }
        HostIrql = DISPATCH_LEVEL;
        A = FN(PFN_WSK_INSPECT_EVENT, 1)(FN(PVOID, 2), L, R, Id);
        free(L);
        free(R);
        free(Id);
        HostSend("R %x", (unsigned)A);
    } else if (strcmp(Tok[0], "abort") == 0) {
        /* abort fn ctx key serial */
        PWSK_INSPECT_ID Id;
        NTSTATUS St;
        NEED(5);
        Id = malloc(sizeof(*Id));
        if (Id == NULL) {
            abort();
        }
        Id->Key = (ULONG_PTR)ARG(3);
        Id->SerialNumber = (ULONG)ARG(4);
        HostIrql = DISPATCH_LEVEL;
        St = FN(PFN_WSK_ABORT_EVENT, 1)(FN(PVOID, 2), Id);
        free(Id);
        HostSend("R %x", (ULONG)St);
    } else if (strcmp(Tok[0], "receive") == 0) {
        /* receive fn ctx flags hasdata bytes */
        WSK_DATA_INDICATION *Data = NULL;
        SIZE_T Accepted = 0;
        NTSTATUS St;
        NEED(6);
        if (ARG(4)) {
            Data = calloc(1, sizeof(*Data));
            if (Data == NULL) {
                abort();
            }
            Data->Buffer.Length = (SIZE_T)ARG(5);
        }
        HostIrql = DISPATCH_LEVEL;
        St = FN(PFN_WSK_RECEIVE_EVENT, 1)(FN(PVOID, 2), (ULONG)ARG(3), Data, (SIZE_T)ARG(5), &Accepted);
        free(Data);
        HostSend("R %x", (ULONG)St);
    } else if (strcmp(Tok[0], "disconnect") == 0) {
        NTSTATUS St;
        NEED(4);
        HostIrql = DISPATCH_LEVEL;
        St = FN(PFN_WSK_DISCONNECT_EVENT, 1)(FN(PVOID, 2), (ULONG)ARG(3));
        HostSend("R %x", (ULONG)St);
    } else if (strcmp(Tok[0], "backlog") == 0) {
        NTSTATUS St;
        NEED(4);
        HostIrql = DISPATCH_LEVEL;
        St = FN(PFN_WSK_SEND_BACKLOG_EVENT, 1)(FN(PVOID, 2), (SIZE_T)ARG(3));
        HostSend("R %x", (ULONG)St);
    } else if (strcmp(Tok[0], "check") == 0) {
        /* check complete key serial accept */
        WSK_INSPECT_ID *Id;
        NTSTATUS St;
        NEED(5);
        Id = malloc(sizeof(*Id));
        if (Id == NULL) {
            abort();
        }
        Id->Key = (ULONG_PTR)ARG(2);
        Id->SerialNumber = (ULONG)ARG(3);
        HostIrql = DISPATCH_LEVEL;
        St = FN(WSKHOST_CHECK_COMPLETE *, 1)(Id, (BOOLEAN)ARG(4));
        free(Id);
        HostSend("R %x", (ULONG)St);
    } else if (strcmp(Tok[0], "counters") == 0) {
        HostSend("R %x", HostReportCounters());
    } else {
        HostFail("unknown callback", Tok[0]);
    }
    HostIrql = Saved;
}

int main(void)
{
    char Line[4096];
    size_t I;
    int Fd = dup(1);

    /* The protocol gets its own descriptor; anything the driver prints goes to stderr. */
    if (Fd < 0 || dup2(2, 1) < 0 || (HostOut = fdopen(Fd, "w")) == NULL) {
        return 71;
    }
    HostIn = stdin;
    setvbuf(HostOut, NULL, _IOFBF, 1 << 16);
    HostSend("H wskhost 1");
    while (fgets(Line, sizeof(Line), HostIn) != NULL) {
        Line[strcspn(Line, "\n")] = '\0';
        if (strcmp(Line, "C exit") == 0) {
            break;
        }
        if (Line[0] != 'C' || Line[1] != ' ') {
            HostFail("expected a callback", Line);
        }
        HostCallback(Line + 2);
    }
    for (I = 0; I < HostSocketCount; I++) {
        free(HostSockets[I]);
    }
    free(HostSockets);
    return 0;                               /* LeakSanitizer reports what the driver leaked */
}

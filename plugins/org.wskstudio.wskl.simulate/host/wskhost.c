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
 *
 * This file holds the wire (the protocol above), the address codec and the
 * callbacks into the driver; wskhost_kernel.c the kernel routines (IRPs, work
 * items, pool, events, timers, DPCs, spin locks, rundown, DbgPrintEx);
 * wskhost_wsk.c the WSK provider (registration, NPI, dispatch tables, the
 * socket objects) and the read of the driver's listener counters.
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

DRIVER_INITIALIZE DriverEntry;

static FILE *HostIn;
static FILE *HostOut;
KIRQL HostIrql = PASSIVE_LEVEL;

/* ---- the wire ---------------------------------------------------------------- */

void HostFail(const char *What, const char *Line)
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

void HostSend(const char *Format, ...)
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
ULONGLONG HostCall(ULONGLONG *Out, const char *Format, ...)
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

size_t HostAddressLength(const SOCKADDR *A)
{
    return A == NULL ? 0 : A->sa_family == AF_INET6 ? sizeof(SOCKADDR_IN6)
         : A->sa_family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR);
}

/* "-" for NULL, else the Windows-layout bytes in hex. */
void HostAddressHex(char *Out, const SOCKADDR *A)
{
    if (A == NULL) {
        strcpy(Out, "-");
    } else {
        HostHex(Out, A, HostAddressLength(A));
    }
}

/* Decodes a "-" or hex token into a fresh heap block (freed by the caller). */
SOCKADDR *HostAddressFrom(const char *Hex)
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

/* ---- callbacks from the simulator ------------------------------------------------------------ */

static DRIVER_OBJECT HostDriverObject;
static UNICODE_STRING HostRegistryPath;

#define ARG(i) strtoull(Tok[i], NULL, 16)
#define FN(t, i) ((t)(ULONG_PTR)ARG(i))

void HostCallback(char *Line)
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
    HostFreeSockets();
    return 0;                               /* LeakSanitizer reports what the driver leaked */
}
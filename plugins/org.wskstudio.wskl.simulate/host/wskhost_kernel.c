/*
 * wskhost_kernel.c -- the kernel routines of the host kernel layer (see
 * wskhost.c): the I/O manager (IRPs, work items), pool, events, timers and DPCs
 * are served by the simulator; spin locks, rundown protection and the IRQL are
 * local (single threaded); DbgPrintEx prints the Windows formats into the trace.
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

package org.wskstudio.wsk.generator.c;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 8 of the source: the listener runtime every listener shares. Synchronous calls
 * with the listener's control IRP: WskSocket with WSK_FLAG_LISTEN_SOCKET, WskControlSocket
 * options, WskBind, WskCloseSocket. Per-socket accept events (SO_WSK_EVENT_CALLBACK after
 * bind, disabled with the control IRP on stop), the recreate work item for a NULL
 * AcceptSocket / InspectID, start and stop.
 */
final class ListenerRuntimeSection {

	private final DriverFacts facts;
	private final CNaming n;

	ListenerRuntimeSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		w.section("8. listener runtime");
		init(w);
		w.lines(n.expand("""
				/* The control lock: serialises open/close and the control IRP. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ListenerLock(_Inout_ PPFX_LISTENER Listener)
				{
				    (VOID)KeWaitForSingleObject(&Listener->ControlLock, Executive, KernelMode,
				                                FALSE, NULL);
				}

				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ListenerUnlock(_Inout_ PPFX_LISTENER Listener)
				{
				    KeSetEvent(&Listener->ControlLock, IO_NO_INCREMENT, FALSE);
				}

				/* WskSocket(WSK_FLAG_LISTEN_SOCKET), synchronously.  SocketContext is the
				 * listener, which every listen callback receives. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static NTSTATUS
				Pfx_ListenerCreate(_Inout_ PPFX_LISTENER Listener, _In_ ADDRESS_FAMILY Family)
				{
				    NTSTATUS Status;

				    if (Listener->ControlIrp == NULL) {
				        Listener->ControlIrp = Pfx_AllocateIrp();
				        if (Listener->ControlIrp == NULL) {
				            return STATUS_INSUFFICIENT_RESOURCES;
				        }
				    }
				    Pfx_ControlBegin(Listener);
				    (VOID)PfxProviderNpi.Dispatch->WskSocket(
				        PfxProviderNpi.Client, Family, SOCK_STREAM, IPPROTO_TCP,
				        WSK_FLAG_LISTEN_SOCKET,
				        Listener,                           /* SocketContext */
				        Listener->ListenDispatch,
				        NULL, NULL, NULL,                   /* process, thread, security descriptor */
				        Listener->ControlIrp);
				    Status = Pfx_ControlWait(Listener);
				    if (NT_SUCCESS(Status)) {
				        Listener->Socket = (PWSK_SOCKET)Listener->ControlIrp->IoStatus.Information;
				        Listener->Dispatch =
				            (CONST WSK_PROVIDER_LISTEN_DISPATCH *)Listener->Socket->Dispatch;
				    }
				    return Status;
				}

				"""));
		if (facts.setOption) {
			w.lines(n.expand("""
					/* One ULONG socket option (WskControlSocket, WskSetOption), synchronously. */
					_IRQL_requires_(PASSIVE_LEVEL)
					static NTSTATUS
					Pfx_ListenerSetOption(
					    _Inout_ PPFX_LISTENER Listener,
					    _In_ ULONG Level,
					    _In_ ULONG Option,
					    _In_ ULONG Value)
					{
					    Pfx_ControlBegin(Listener);
					    (VOID)Listener->Dispatch->WskControlSocket(
					        Listener->Socket, WskSetOption, Option, Level,
					        sizeof(Value), &Value, 0, NULL, NULL, Listener->ControlIrp);
					    return Pfx_ControlWait(Listener);
					}

					"""));
		}
		w.lines(n.expand("""
				/* Binding a listening socket is what starts listening. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static NTSTATUS
				Pfx_ListenerBind(_Inout_ PPFX_LISTENER Listener, _In_ PSOCKADDR LocalAddress)
				{
				    Pfx_ControlBegin(Listener);
				    (VOID)Listener->Dispatch->WskBind(Listener->Socket, LocalAddress, 0,
				                                      Listener->ControlIrp);
				    return Pfx_ControlWait(Listener);
				}

				"""));
		if (facts.perSocketEvents) {
			w.comment("from the SO_WSK_EVENT_CALLBACK options of " + facts.eventListeners().stream().map(CTrace::of)
					.collect(Collectors.joining(", ")) + ": accept by event per-socket, after bind, without an IRP."
					+ "  Connection events enabled on the listening socket are inherited by every socket it accepts"
					+ " through WskAcceptEvent.");
			w.lines(n.expand("""
					_IRQL_requires_max_(DISPATCH_LEVEL)
					static NTSTATUS
					Pfx_ListenerEnableEvents(_Inout_ PPFX_LISTENER Listener, _In_ ULONG EventMask)
					{
					    WSK_EVENT_CALLBACK_CONTROL EventControl;
					    NTSTATUS Status;

					    EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
					    EventControl.EventMask = EventMask;
					    Status = Listener->Dispatch->WskControlSocket(
					        Listener->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
					        sizeof(EventControl), &EventControl, 0, NULL, NULL, NULL);
					    if (NT_SUCCESS(Status) && (EventMask & WSK_EVENT_ACCEPT) != 0) {
					        Listener->AcceptEventEnabled = TRUE;
					    }
					    return Status;
					}

					/* Disables WskAcceptEvent; with an IRP the request completes only once
					 * every in-progress WskAcceptEvent call has returned. */
					_IRQL_requires_(PASSIVE_LEVEL)
					static VOID
					Pfx_ListenerDisableAccept(_Inout_ PPFX_LISTENER Listener)
					{
					    WSK_EVENT_CALLBACK_CONTROL EventControl;

					    EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
					    EventControl.EventMask = WSK_EVENT_ACCEPT | WSK_EVENT_DISABLE;
					    Pfx_ControlBegin(Listener);
					    (VOID)Listener->Dispatch->WskControlSocket(
					        Listener->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
					        sizeof(EventControl), &EventControl, 0, NULL, NULL, Listener->ControlIrp);
					    (VOID)Pfx_ControlWait(Listener);
					    Listener->AcceptEventEnabled = FALSE;
					}

					"""));
		}
		w.lines(n.expand("""
				/* WskCloseSocket, synchronously; it also waits for in-progress callbacks
				 * and cancels and completes the socket's pending IRPs. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ListenerClose(_Inout_ PPFX_LISTENER Listener)
				{
				    if (Listener->Socket != NULL) {
				        Pfx_ControlBegin(Listener);
				        (VOID)Listener->Dispatch->WskCloseSocket(Listener->Socket, Listener->ControlIrp);
				        (VOID)Pfx_ControlWait(Listener);
				        Listener->Socket = NULL;
				        Listener->Dispatch = NULL;
				    }
				"""));
		if (facts.perSocketEvents) {
			w.line("    Listener->AcceptEventEnabled = FALSE;");
		}
		if (facts.conditional) {
			w.line(n.expand("    Pfx_PendingSweep(Listener);               /* pending entries died with the socket */"));
		}
		w.line("}");
		w.blank();
		start(w);
		if (facts.event) {
			recreate(w);
		}
		stop(w);
	}

	private void init(CodeWriter w) {
		w.lines(n.expand("""
				/* Pure initialisation from the model's configuration: cannot fail, so the
				 * teardown is always safe. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ListenerInit(
				    _Out_ PPFX_LISTENER Listener,
				    _In_ PCSTR Name,
				    _In_ PPFX_LISTENER_OPEN Open,
				    _In_ CONST WSK_CLIENT_LISTEN_DISPATCH *ListenDispatch,
				    _In_ CONST WSK_CLIENT_CONNECTION_DISPATCH *ConnectionDispatch,
				"""));
		StringBuilder params = new StringBuilder();
		params.append("    _In_ ULONG ConnectionEvents");
		if (facts.irp) {
			params.append(",\n    _In_ BOOLEAN ReuseIrp,\n    _In_reads_opt_(SlotCount) PPFX_ACCEPT_SLOT Slots,\n    _In_ ULONG SlotCount");
		}
		if (facts.conditional) {
			params.append(",\n    _In_reads_opt_(PendingCount) PPFX_PENDING Pending,\n    _In_ ULONG PendingCount");
		}
		params.append(")");
		w.lines(n.expand(params.toString()));
		w.line("{");
		w.indent();
		if (facts.irp || facts.conditional) {
			w.line("ULONG Index;");
			w.blank();
		}
		w.lines(n.expand("""
				RtlZeroMemory(Listener, sizeof(*Listener));
				Listener->Name = Name;
				Listener->Open = Open;
				Listener->ListenDispatch = ListenDispatch;
				Listener->ConnectionDispatch = ConnectionDispatch;
				Listener->ConnectionEvents = ConnectionEvents;
				"""));
		if (facts.irp) {
			w.lines("""
					Listener->ReuseIrp = ReuseIrp;
					Listener->Slots = Slots;
					Listener->SlotCount = SlotCount;
					""");
		}
		if (facts.conditional) {
			w.lines("""
					Listener->Pending = Pending;
					Listener->PendingCount = PendingCount;
					""");
		}
		w.lines("""
				KeInitializeEvent(&Listener->ControlEvent, NotificationEvent, FALSE);
				KeInitializeEvent(&Listener->ControlLock, SynchronizationEvent, TRUE);
				KeInitializeSpinLock(&Listener->Lock);
				""");
		if (facts.rundown()) {
			w.line("ExInitializeRundownProtection(&Listener->Rundown);");
		}
		if (facts.event) {
			w.line("KeInitializeEvent(&Listener->RecreateIdle, NotificationEvent, TRUE);");
		}
		if (facts.conditional) {
			w.lines(n.expand("""
					KeInitializeSpinLock(&Listener->PendingLock);
					"""));
		}
		if (facts.irp) {
			w.lines(n.expand("""

					for (Index = 0; Index < SlotCount; Index++) {
					    RtlZeroMemory(&Slots[Index], sizeof(Slots[Index]));
					    Slots[Index].Listener = Listener;
					    Slots[Index].State = PfxSlotIdle;
					    KeInitializeTimer(&Slots[Index].RetryTimer);
					    KeInitializeDpc(&Slots[Index].RetryDpc, Pfx_RearmDpc, &Slots[Index]);
					}
					"""));
		}
		if (facts.conditional) {
			w.lines(n.expand("""

					for (Index = 0; Index < PendingCount; Index++) {
					    RtlZeroMemory(&Pending[Index], sizeof(Pending[Index]));
					    Pending[Index].Listener = Listener;
					    Pending[Index].State = PfxPendingFree;
					    KeInitializeTimer(&Pending[Index].Timer);
					    KeInitializeDpc(&Pending[Index].TimeoutDpc, Pfx_TimeoutDpc, &Pending[Index]);
					}
					"""));
		}
		w.dedent();
		w.line("}");
		w.blank();
	}

	private void start(CodeWriter w) {
		w.lines(n.expand("""
				/* Opens the listener at load: the listener's own Open (create, options,
				 * bind, per-socket events) under the control lock. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static NTSTATUS
				Pfx_ListenerStart(_Inout_ PPFX_LISTENER Listener)
				{
				"""));
		w.indent();
		w.line("NTSTATUS Status;");
		w.blank();
		if (facts.event) {
			w.lines(n.expand("""
					/* First, so that a NULL AcceptSocket or InspectID can always be handled. */
					Listener->RecreateWorkItem = IoAllocateWorkItem((PDEVICE_OBJECT)PfxDriverObject);
					if (Listener->RecreateWorkItem == NULL) {
					    return STATUS_INSUFFICIENT_RESOURCES;
					}
					"""));
		}
		w.lines(n.expand("""
				Pfx_ListenerLock(Listener);
				Status = Listener->Open(Listener);
				Pfx_ListenerUnlock(Listener);
				"""));
		if (facts.irp) {
			w.lines(n.expand("""
					/* accept by irp: keep SlotCount WskAccept IRPs queued. */
					if (NT_SUCCESS(Status)) {
					    Pfx_ListenerArm(Listener);
					}
					"""));
		}
		w.line(n.expand("return Status;      /* on failure Pfx_ListenerStop closes what was opened */"));
		w.dedent();
		w.line("}");
		w.blank();
	}

	private void recreate(CodeWriter w) {
		w.lines(n.expand("""
				/* NULL AcceptSocket (or NULL InspectID): callbacks run at up to
				 * DISPATCH_LEVEL and must not wait for WSK requests, so the close and the
				 * recreation run in a work item.  At most one is pending per listener. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_ListenerRequestRecreate(_Inout_ PPFX_LISTENER Listener)
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
				        IoQueueWorkItemEx(Listener->RecreateWorkItem, Pfx_RecreateWorker,
				                          DelayedWorkQueue, Listener);
				    }
				}

				"""));
		w.comment("from the accept events of " + facts.eventListeners().stream().map(l -> CTrace.of(l.getAcceptMode()))
				.collect(Collectors.joining(", ")) + ": closes the broken listening socket and opens a new one, at"
				+ " PASSIVE_LEVEL.  A failed reopen leaves the listener closed (logged) until reload.");
		w.lines(n.expand("""
				_Use_decl_annotations_
				static VOID
				Pfx_RecreateWorker(PVOID IoObject, PVOID Context, PIO_WORKITEM IoWorkItem)
				{
				    PPFX_LISTENER Listener = (PPFX_LISTENER)Context;
				    NTSTATUS Status;
				    KIRQL OldIrql;

				    UNREFERENCED_PARAMETER(IoObject);
				    UNREFERENCED_PARAMETER(IoWorkItem);
				    PAGED_CODE();

				    Pfx_ListenerLock(Listener);
				"""));
		w.indent();
		closeUnderRundown(w);
		w.lines(n.expand("""
				if (!Listener->Stopping) {
				    Status = Listener->Open(Listener);
				    if (!NT_SUCCESS(Status)) {
				        DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
				                   "Pfx: listener %s recreate failed 0x%08lx\\n",
				                   Listener->Name, (ULONG)Status);
				"""));
		w.indent().indent();
		closeUnderRundown(w);
		w.dedent().dedent();
		w.lines(n.expand("""
				    }
				}
				Pfx_ListenerUnlock(Listener);

				KeAcquireSpinLock(&Listener->Lock, &OldIrql);
				Listener->RecreatePending = FALSE;
				KeSetEvent(&Listener->RecreateIdle, IO_NO_INCREMENT, FALSE);
				KeReleaseSpinLock(&Listener->Lock, OldIrql);
				"""));
		w.dedent();
		w.line("}");
		w.blank();
	}

	/** Close inside the recreate worker: no rundown-protected WSK call may run on the socket. */
	private void closeUnderRundown(CodeWriter w) {
		if (facts.rundown()) {
			w.line("ExWaitForRundownProtectionRelease(&Listener->Rundown);");
		}
		w.line(n.expand("Pfx_ListenerClose(Listener);"));
		if (facts.rundown()) {
			w.line("ExReInitializeRundownProtection(&Listener->Rundown);");
		}
	}

	private void stop(CodeWriter w) {
		w.lines(n.expand("""
				/*
				 * Stops a listener (also one that never started):
				 *  1. Stopping under the lock: no recreate, no new pend, no re-arm;
				"""));
		int step = 2;
		if (facts.event) {
			w.line(" *  " + step++ + ". wait for a pending recreate worker, free the work item;");
		}
		if (facts.rundown()) {
			w.line(" *  " + step++ + ". wait for the rundown: no WskAccept or WskInspectComplete in progress or to come;");
		}
		if (facts.irp) {
			w.line(" *  " + step++ + ". disarm: cancel each slot's retry timer, or its queued accept IRP (the");
			w.line(" *     completion retires the slot), then flush the retry DPCs;");
		}
		if (facts.perSocketEvents) {
			w.line(" *  " + step++ + ". disable WskAcceptEvent (waits for running calls);");
		}
		if (facts.conditional) {
			w.line(" *  " + step + ". WskCloseSocket (waits for running callbacks; its sweep cancels the");
			w.line(" *     pend timeouts), flush the timeout DPCs, free the control IRP.");
		} else {
			w.line(" *  " + step + ". WskCloseSocket (waits for running callbacks), free the control IRP.");
		}
		w.line(n.expand(" * IRPs completing after this return are drained by Pfx_Shutdown."));
		w.line(" */");
		w.lines(n.expand("""
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ListenerStop(_Inout_ PPFX_LISTENER Listener)
				{
				"""));
		w.indent();
		w.line("KIRQL OldIrql;");
		w.blank();
		w.lines("""
				KeAcquireSpinLock(&Listener->Lock, &OldIrql);
				InterlockedExchange(&Listener->Stopping, 1);
				KeReleaseSpinLock(&Listener->Lock, OldIrql);

				""");
		if (facts.event) {
			w.lines("""
					(VOID)KeWaitForSingleObject(&Listener->RecreateIdle, Executive, KernelMode,
					                            FALSE, NULL);
					if (Listener->RecreateWorkItem != NULL) {
					    IoFreeWorkItem(Listener->RecreateWorkItem);
					    Listener->RecreateWorkItem = NULL;
					}

					""");
		}
		w.line(n.expand("Pfx_ListenerLock(Listener);"));
		if (facts.rundown()) {
			w.line("ExWaitForRundownProtectionRelease(&Listener->Rundown);");
		}
		if (facts.irp) {
			w.line(n.expand("Pfx_ListenerDisarm(Listener);"));
		}
		if (facts.perSocketEvents) {
			w.lines(n.expand("""
					if (Listener->Socket != NULL && Listener->AcceptEventEnabled) {
					    Pfx_ListenerDisableAccept(Listener);
					}
					"""));
		}
		w.line(n.expand("Pfx_ListenerClose(Listener);"));
		if (facts.conditional) {
			w.line("KeFlushQueuedDpcs();          /* a pend timeout that expired before the sweep has run */");
		}
		w.lines(n.expand("""
				if (Listener->ControlIrp != NULL) {
				    Pfx_FreeIrp(Listener->ControlIrp);
				    Listener->ControlIrp = NULL;
				}
				Pfx_ListenerUnlock(Listener);
				"""));
		w.dedent();
		w.line("}");
		w.blank();
	}
}

package org.wskstudio.wsk.generator.c;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 8 of the source: the listener runtime every listener shares, its socket calls.
 * Initialisation, the control lock, and the synchronous calls with the listener's control IRP:
 * WskSocket with WSK_FLAG_LISTEN_SOCKET, WskControlSocket options, WskBind, WskCloseSocket;
 * per-socket accept events (SO_WSK_EVENT_CALLBACK after bind, disabled with the control IRP on
 * stop). Start, recreate and stop follow in {@link ListenerLifecycleSection}.
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
}

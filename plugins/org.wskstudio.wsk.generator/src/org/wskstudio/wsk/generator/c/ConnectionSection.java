package org.wskstudio.wsk.generator.c;

import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.model.ConnectionDispatch;

/**
 * Section 4 of the source: the connection block, shared by every listener. Per-connection
 * context from non-paged pool under the pool tag with a preallocated close IRP; exactly one
 * WskCloseSocket per socket (compare-exchange on the state); the close completion unlinks,
 * frees the context, then frees the IRP; the connection events the model names (receive,
 * disconnect, send-backlog); and the unload sweep.
 */
final class ConnectionSection {

	private final DriverFacts facts;
	private final CNaming n;

	ConnectionSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	/** {@code "connection handles receive": listener Public (x.wskl:6), listener Admin (x.wskl:22)} */
	private String handlers(String event, Predicate<ConnectionDispatch> handles) {
		return "\"connection handles " + event + "\": " + facts.listeners.stream()
				.filter(l -> l.getConnectionDispatch() != null && handles.test(l.getConnectionDispatch()))
				.map(CTrace::of).collect(Collectors.joining(", "));
	}

	private String allListeners() {
		return facts.listeners.stream().map(CTrace::of).collect(Collectors.joining(", "));
	}

	void emit(CodeWriter w) {
		w.section("4. connection block");
		w.comment("from the connections of " + allListeners() + ": called at <= DISPATCH_LEVEL, non-paged memory only.");
		w.lines(n.expand("""
				_IRQL_requires_max_(DISPATCH_LEVEL)
				_Must_inspect_result_
				static PPFX_CONNECTION
				Pfx_ConnectionAllocate(_In_ PPFX_LISTENER Listener, _In_ LONG State)
				{
				    PPFX_CONNECTION Connection;

				    Connection = (PPFX_CONNECTION)ExAllocatePoolWithTag(
				        NonPagedPoolNx, sizeof(*Connection), PFX_POOL_TAG);
				    if (Connection == NULL) {
				        return NULL;
				    }
				    RtlZeroMemory(Connection, sizeof(*Connection));
				    InitializeListHead(&Connection->Link);
				    Connection->Listener = Listener;
				    Connection->State = State;
				    Connection->CloseIrp = Pfx_AllocateIrp();
				    if (Connection->CloseIrp == NULL) {
				        ExFreePoolWithTag(Connection, PFX_POOL_TAG);
				        return NULL;
				    }
				    return Connection;
				}

				/* Frees a context that never received a socket, or whose socket WSK closes. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_ConnectionFree(_In_ __drv_freesMem(Mem) PPFX_CONNECTION Connection)
				{
				    PIRP CloseIrp = Connection->CloseIrp;

				    ExFreePoolWithTag(Connection, PFX_POOL_TAG);
				    Pfx_FreeIrp(CloseIrp);
				}

				"""));
		if (facts.event) {
			w.lines(n.expand("""
					/* Lists a new connection; FALSE once unloading has begun. */
					_IRQL_requires_max_(DISPATCH_LEVEL)
					_Must_inspect_result_
					static BOOLEAN
					Pfx_ConnectionInsert(_In_ PPFX_CONNECTION Connection)
					{
					    BOOLEAN Listed;
					    KIRQL OldIrql;

					    KeAcquireSpinLock(&PfxConnectionLock, &OldIrql);
					    Listed = !PfxConnectionsClosed;
					    if (Listed) {
					        InsertTailList(&PfxConnections, &Connection->Link);
					    }
					    KeReleaseSpinLock(&PfxConnectionLock, OldIrql);
					    return Listed;
					}

					"""));
			w.comment("from the accept events of " + facts.eventListeners().stream().map(l -> CTrace.of(l.getAcceptMode()))
					.collect(Collectors.joining(", ")) + ": adopts a socket offered to WskAcceptEvent.  NULL declines it"
					+ " (no memory, or unloading: counted in DeclinedCount); WSK then closes the socket.");
			w.lines(n.expand("""
					_IRQL_requires_max_(DISPATCH_LEVEL)
					_Must_inspect_result_
					static PPFX_CONNECTION
					Pfx_ConnectionAccept(
					    _In_ PPFX_LISTENER Listener,
					    _In_ PWSK_SOCKET Socket,
					    _In_ CONST SOCKADDR *RemoteAddress)
					{
					    PPFX_CONNECTION Connection = Pfx_ConnectionAllocate(Listener, PfxConnOpen);

					    if (Connection == NULL) {
					        InterlockedIncrement(&Listener->DeclinedCount);
					        return NULL;
					    }
					    Connection->Socket = Socket;
					    Pfx_CopyAddress(&Connection->RemoteAddress, RemoteAddress);
					    if (!Pfx_ConnectionInsert(Connection)) {
					        Pfx_ConnectionFree(Connection);     /* unloading */
					        InterlockedIncrement(&Listener->DeclinedCount);
					        return NULL;
					    }
					    InterlockedIncrement(&Listener->AcceptedCount);
					    return Connection;
					}

					"""));
		}
		w.lines(n.expand("""
				/* The single WskCloseSocket of an accepted socket; the caller has moved
				 * State to PfxConnClosing. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_ConnectionIssueClose(_In_ PPFX_CONNECTION Connection)
				{
				    CONST WSK_PROVIDER_BASIC_DISPATCH *Dispatch =
				        (CONST WSK_PROVIDER_BASIC_DISPATCH *)Connection->Socket->Dispatch;

				    IoReuseIrp(Connection->CloseIrp, STATUS_UNSUCCESSFUL);
				    IoSetCompletionRoutine(Connection->CloseIrp, Pfx_ConnectionCloseComplete,
				                           Connection, TRUE, TRUE, TRUE);
				    (VOID)Dispatch->WskCloseSocket(Connection->Socket, Connection->CloseIrp);
				    /* Connection may already be freed here. */
				}

				"""));
		if (facts.requestClose()) {
			if (facts.irp) {
				w.lines(n.expand("""
						/* Requests the close: issues it now, defers it to the end of the start,
						 * or does nothing if it is already requested. */
						_IRQL_requires_max_(DISPATCH_LEVEL)
						static VOID
						Pfx_ConnectionRequestClose(_In_ PPFX_CONNECTION Connection)
						{
						    for (;;) {
						        LONG State = Connection->State;

						        if (State == PfxConnOpen) {
						            if (InterlockedCompareExchange(&Connection->State, PfxConnClosing,
						                                           PfxConnOpen) == PfxConnOpen) {
						                Pfx_ConnectionIssueClose(Connection);
						                return;
						            }
						        } else if (State == PfxConnStarting) {
						            if (InterlockedCompareExchange(&Connection->State,
						                                           PfxConnStartingCloseRequested,
						                                           PfxConnStarting) == PfxConnStarting) {
						                return;
						            }
						        } else {
						            return;     /* Closing, or StartingCloseRequested */
						        }
						    }
						}

						"""));
			} else {
				w.lines(n.expand("""
						/* Requests the close: the first request issues it, later ones do nothing. */
						_IRQL_requires_max_(DISPATCH_LEVEL)
						static VOID
						Pfx_ConnectionRequestClose(_In_ PPFX_CONNECTION Connection)
						{
						    if (InterlockedCompareExchange(&Connection->State, PfxConnClosing,
						                                   PfxConnOpen) == PfxConnOpen) {
						        Pfx_ConnectionIssueClose(Connection);
						    }
						}

						"""));
			}
		}
		if (facts.irp) {
			w.lines(n.expand("""
					/* Adopts a socket accepted by a WskAccept IRP (called by the owner of the
					 * completed IRP).  IRP-mode accepted sockets do not inherit event callbacks,
					 * so the connection's events are enabled here, without an IRP. */
					_IRQL_requires_max_(DISPATCH_LEVEL)
					static VOID
					Pfx_ConnectionStart(
					    _In_ PPFX_CONNECTION Connection,
					    _In_ PWSK_SOCKET Socket,
					    _In_ CONST SOCKADDR *RemoteAddress)
					{
					    PPFX_LISTENER Listener = Connection->Listener;
					    WSK_EVENT_CALLBACK_CONTROL EventControl;
					    NTSTATUS Status;
					    BOOLEAN Listed;
					    KIRQL OldIrql;

					    Connection->Socket = Socket;
					    Pfx_CopyAddress(&Connection->RemoteAddress, RemoteAddress);

					    if (Listener->ConnectionEvents != 0) {
					        EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
					        EventControl.EventMask = Listener->ConnectionEvents;
					        Status = ((CONST WSK_PROVIDER_CONNECTION_DISPATCH *)Socket->Dispatch)->WskControlSocket(
					            Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
					            sizeof(EventControl), &EventControl, 0, NULL, NULL, NULL);
					        if (!NT_SUCCESS(Status)) {
					            Pfx_ConnectionRequestClose(Connection);
					        }
					    }

					    KeAcquireSpinLock(&PfxConnectionLock, &OldIrql);
					    Listed = !PfxConnectionsClosed;
					    if (Listed) {
					        InsertTailList(&PfxConnections, &Connection->Link);
					    }
					    KeReleaseSpinLock(&PfxConnectionLock, OldIrql);
					    if (!Listed) {
					        Pfx_ConnectionRequestClose(Connection);     /* unloading */
					    }

					    /* End of the start: Starting -> Open, or run the close requested
					     * meanwhile (only from StartingCloseRequested: never a second close). */
					    if (InterlockedCompareExchange(&Connection->State, PfxConnOpen,
					                                   PfxConnStarting) == PfxConnStartingCloseRequested) {
					        InterlockedExchange(&Connection->State, PfxConnClosing);
					        Pfx_ConnectionIssueClose(Connection);
					    }
					}

					"""));
		}
		w.comment("from the connections of " + allListeners()
				+ ": the close completion frees the context and the close IRP, exactly once.");
		w.lines(n.expand("""
				_Use_decl_annotations_
				static NTSTATUS
				Pfx_ConnectionCloseComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
				{
				    PPFX_CONNECTION Connection = (PPFX_CONNECTION)Context;
				    KIRQL OldIrql;

				    UNREFERENCED_PARAMETER(DeviceObject);

				    KeAcquireSpinLock(&PfxConnectionLock, &OldIrql);
				    RemoveEntryList(&Connection->Link);     /* self-linked if never listed */
				    KeReleaseSpinLock(&PfxConnectionLock, OldIrql);

				    ExFreePoolWithTag(Connection, PFX_POOL_TAG);
				    Pfx_FreeIrp(Irp);                       /* == Connection->CloseIrp */
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				"""));
		if (facts.receive) {
			w.comment("from " + handlers("receive", ConnectionDispatch::isReceive)
					+ ": counts the bytes and accepts them all (*BytesAccepted untouched).");
			w.lines(n.expand("""
					_Use_decl_annotations_
					static NTSTATUS WSKAPI
					Pfx_ConnectionReceiveEvent(
					    PVOID SocketContext,
					    ULONG Flags,
					    PWSK_DATA_INDICATION DataIndication,
					    SIZE_T BytesIndicated,
					    SIZE_T *BytesAccepted)
					{
					    PPFX_CONNECTION Connection = (PPFX_CONNECTION)SocketContext;

					    UNREFERENCED_PARAMETER(Flags);
					    UNREFERENCED_PARAMETER(BytesAccepted);  /* untouched = everything accepted */

					    if (Connection == NULL) {
					        return STATUS_SUCCESS;
					    }
					    if (DataIndication == NULL) {
					        /* The socket no longer works: close it. */
					        Pfx_ConnectionRequestClose(Connection);
					        return STATUS_SUCCESS;
					    }
					    InterlockedExchangeAdd64(&Connection->BytesReceived, (LONG64)BytesIndicated);
					    return STATUS_SUCCESS;
					}

					"""));
		}
		if (facts.disconnect) {
			w.comment("from " + handlers("disconnect", ConnectionDispatch::isDisconnect)
					+ ": the peer disconnected; closing the socket frees the context (close completion).");
			w.lines(n.expand("""
					_Use_decl_annotations_
					static NTSTATUS WSKAPI
					Pfx_ConnectionDisconnectEvent(PVOID SocketContext, ULONG Flags)
					{
					    UNREFERENCED_PARAMETER(Flags);

					    if (SocketContext != NULL) {
					        Pfx_ConnectionRequestClose((PPFX_CONNECTION)SocketContext);
					    }
					    return STATUS_SUCCESS;
					}

					"""));
		}
		if (facts.sendBacklog) {
			w.comment("from " + handlers("send-backlog", ConnectionDispatch::isSendBacklog)
					+ ": records the ideal send backlog for the driver's own send logic.");
			w.lines(n.expand("""
					_Use_decl_annotations_
					static NTSTATUS WSKAPI
					Pfx_ConnectionSendBacklogEvent(PVOID SocketContext, SIZE_T IdealBacklogSize)
					{
					    PPFX_CONNECTION Connection = (PPFX_CONNECTION)SocketContext;

					    if (Connection != NULL) {
					        InterlockedExchange64(&Connection->IdealBacklogSize, (LONG64)IdealBacklogSize);
					    }
					    return STATUS_SUCCESS;
					}

					"""));
		}
		w.lines(n.expand("""
				/* Unload: close every listed connection.  A connection is claimed under
				 * the list lock (so it cannot be freed meanwhile) and closed after the
				 * lock is dropped (a synchronous close completion takes the lock). */
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ConnectionCloseAll(VOID)
				{
				    KIRQL OldIrql;

				    KeAcquireSpinLock(&PfxConnectionLock, &OldIrql);
				    PfxConnectionsClosed = TRUE;
				    KeReleaseSpinLock(&PfxConnectionLock, OldIrql);

				    for (;;) {
				        PPFX_CONNECTION Victim = NULL;
				        PLIST_ENTRY Entry;

				        KeAcquireSpinLock(&PfxConnectionLock, &OldIrql);
				        for (Entry = PfxConnections.Flink; Entry != &PfxConnections;
				             Entry = Entry->Flink) {
				            PPFX_CONNECTION Connection =
				                CONTAINING_RECORD(Entry, PFX_CONNECTION, Link);

				            if (InterlockedCompareExchange(&Connection->State, PfxConnClosing,
				                                           PfxConnOpen) == PfxConnOpen) {
				                Victim = Connection;
				                break;
				            }
				"""));
		if (facts.irp) {
			w.lines(n.expand("""
					            /* Starting: the starter runs the close when it finishes. */
					            (VOID)InterlockedCompareExchange(&Connection->State,
					                                             PfxConnStartingCloseRequested,
					                                             PfxConnStarting);
					"""));
		}
		w.lines(n.expand("""
				        }
				        KeReleaseSpinLock(&PfxConnectionLock, OldIrql);

				        if (Victim == NULL) {
				            break;
				        }
				        Pfx_ConnectionIssueClose(Victim);
				    }
				}

				"""));
	}
}

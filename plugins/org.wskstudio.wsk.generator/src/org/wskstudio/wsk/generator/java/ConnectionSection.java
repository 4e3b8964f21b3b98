package org.wskstudio.wsk.generator.java;

import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.model.ConnectionDispatch;

/**
 * Section 4: the connection block, shared by every listener. Per-connection context from
 * non-paged pool under the pool tag with a preallocated close IRP; exactly one WskCloseSocket
 * per socket; the close completion unlinks, frees the context, then frees the IRP; the
 * connection events the model names; the unload sweep.
 */
final class ConnectionSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	ConnectionSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	private String handlers(String event, Predicate<ConnectionDispatch> handles) {
		return "\"connection handles " + event + "\" of " + facts.listeners.stream()
				.filter(l -> l.getConnectionDispatch() != null && handles.test(l.getConnectionDispatch()))
				.map(JavaLiterals::of).collect(Collectors.joining(", "));
	}

	void emit(JavaWriter w) {
		w.section("4. connection block");
		w.doc("from the connections of " + facts.listeners.stream().map(JavaLiterals::of)
				.collect(Collectors.joining(", ")) + ": called at <= DISPATCH_LEVEL, non-paged memory only.");
		w.lines(n.expand("""
				private Connection Pfx_ConnectionAllocate(Listener Listener, int State) {
				    Connection Connection = k.ExAllocatePoolWithTag(PoolType.NonPagedPoolNx, new Connection(), PFX_POOL_TAG);
				    if (Connection == null) {
				        return null;
				    }
				    Connection.Listener = Listener;
				    Connection.State = State;
				    Connection.CloseIrp = Pfx_AllocateIrp();
				    if (Connection.CloseIrp == null) {
				        k.ExFreePoolWithTag(Connection, PFX_POOL_TAG);
				        return null;
				    }
				    return Connection;
				}

				/** Frees a context that never received a socket, or whose socket WSK closes. */
				private void Pfx_ConnectionFree(Connection Connection) {
				    Irp CloseIrp = Connection.CloseIrp;
				    k.ExFreePoolWithTag(Connection, PFX_POOL_TAG);
				    Pfx_FreeIrp(CloseIrp);
				}

				"""));
		if (facts.irp) {
			w.lines(n.expand("""
					/**
					 * Enables the listener's connection events on a socket accepted by a WskAccept IRP, without an
					 * IRP: such sockets do not inherit the events enabled on the listening socket (SO_WSK_EVENT_CALLBACK
					 * page), as in C. Sockets accepted by WskAcceptEvent inherit them instead.
					 */
					private int Pfx_ConnectionEnableEvents(Connection Connection) {
					    return Connection.Socket.Dispatch.WskControlSocket(Connection.Socket, WskSetOption, SO_WSK_EVENT_CALLBACK,
					            SOL_SOCKET, new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, Connection.Listener.ConnectionEvents),
					            null);
					}

					"""));
		}
		if (facts.event) {
			w.lines(n.expand("""
					/** Lists a new connection; FALSE once unloading has begun. */
					private boolean Pfx_ConnectionInsert(Connection Connection) {
					    if (PfxConnectionsClosed) {
					        return FALSE;
					    }
					    PfxConnections.add(Connection);
					    return TRUE;
					}

					"""));
			w.doc("from the accept events of " + facts.eventListeners().stream().map(l -> JavaLiterals.of(l.getAcceptMode()))
					.collect(Collectors.joining(", ")) + ": adopts a socket offered to WskAcceptEvent. null declines it"
					+ " (no memory, or unloading: counted in DeclinedCount); WSK then closes the socket.");
			w.lines(n.expand("""
					private Connection Pfx_ConnectionAccept(Listener Listener, WskSocket Socket, SockAddr RemoteAddress) {
					    Connection Connection = Pfx_ConnectionAllocate(Listener, PFX_CONN_OPEN);
					    if (Connection == null) {
					        Listener.DeclinedCount++;
					        return null;
					    }
					    Connection.Socket = Socket;
					    Connection.RemoteAddress = RemoteAddress;
					"""));
			w.lines(n.expand("""
					    if (!Pfx_ConnectionInsert(Connection)) {
					        Pfx_ConnectionFree(Connection);         // unloading
					        Listener.DeclinedCount++;
					        return null;
					    }
					    Listener.AcceptedCount++;
					    return Connection;
					}

					"""));
		}
		w.lines(n.expand("""
				/** The single WskCloseSocket of an accepted socket; the caller has moved State to CLOSING. */
				private void Pfx_ConnectionIssueClose(Connection Connection) {
				    k.IoReuseIrp(Connection.CloseIrp, STATUS_UNSUCCESSFUL);
				    k.IoSetCompletionRoutine(Connection.CloseIrp, this::Pfx_ConnectionCloseComplete, Connection, TRUE, TRUE,
				            TRUE);
				    Connection.Socket.Dispatch.WskCloseSocket(Connection.Socket, Connection.CloseIrp);
				    // Connection may already be freed here.
				}

				"""));
		if (facts.requestClose()) {
			if (facts.irp) {
				w.lines(n.expand("""
						/** Requests the close: issues it now, defers it to the end of the start, or does nothing. */
						private void Pfx_ConnectionRequestClose(Connection Connection) {
						    if (Connection.State == PFX_CONN_OPEN) {
						        Connection.State = PFX_CONN_CLOSING;
						        Pfx_ConnectionIssueClose(Connection);
						    } else if (Connection.State == PFX_CONN_STARTING) {
						        Connection.State = PFX_CONN_STARTING_CLOSE_REQUESTED;
						    }
						}

						"""));
			} else {
				w.lines(n.expand("""
						/** Requests the close: the first request issues it, later ones do nothing. */
						private void Pfx_ConnectionRequestClose(Connection Connection) {
						    if (Connection.State == PFX_CONN_OPEN) {
						        Connection.State = PFX_CONN_CLOSING;
						        Pfx_ConnectionIssueClose(Connection);
						    }
						}

						"""));
			}
		}
		if (facts.irp) {
			w.lines(n.expand("""
					/**
					 * Adopts a socket accepted by a WskAccept IRP (called by the owner of the completed IRP).
					 * IRP-mode accepted sockets do not inherit event callbacks: the connection's events are
					 * enabled here, without an IRP.
					 */
					private void Pfx_ConnectionStart(Connection Connection, WskSocket Socket, SockAddr RemoteAddress) {
					    Listener Listener = Connection.Listener;
					    Connection.Socket = Socket;
					    Connection.RemoteAddress = RemoteAddress;
					    if (Listener.ConnectionEvents != 0 && !NT_SUCCESS(Pfx_ConnectionEnableEvents(Connection))) {
					        Pfx_ConnectionRequestClose(Connection);
					    }
					    if (PfxConnectionsClosed) {
					        Pfx_ConnectionRequestClose(Connection);     // unloading
					    } else {
					        PfxConnections.add(Connection);
					    }
					    // End of the start: Starting -> Open, or run the close requested meanwhile.
					    if (Connection.State == PFX_CONN_STARTING) {
					        Connection.State = PFX_CONN_OPEN;
					    } else if (Connection.State == PFX_CONN_STARTING_CLOSE_REQUESTED) {
					        Connection.State = PFX_CONN_CLOSING;
					        Pfx_ConnectionIssueClose(Connection);
					    }
					}

					"""));
		}
		w.lines(n.expand("""
				/** The close completion frees the context and the close IRP, exactly once. */
				private int Pfx_ConnectionCloseComplete(Object DeviceObject, Irp Irp, Object Context) {
				    Connection Connection = (Connection) Context;
				    PfxConnections.remove(Connection);          // no-op if never listed
				    k.ExFreePoolWithTag(Connection, PFX_POOL_TAG);
				    Pfx_FreeIrp(Irp);                           // == Connection.CloseIrp
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				"""));
		if (facts.receive) {
			w.doc("from " + handlers("receive", ConnectionDispatch::isReceive)
					+ ": counts the bytes and accepts them all.");
			w.lines(n.expand("""
					private int Pfx_ConnectionReceiveEvent(Object SocketContext, int Flags, WskDataIndication DataIndication,
					        long BytesIndicated) {
					    Connection Connection = (Connection) SocketContext;
					    if (Connection == null) {
					        return STATUS_SUCCESS;
					    }
					    if (DataIndication == null) {
					        Pfx_ConnectionRequestClose(Connection);     // the socket no longer works: close it
					        return STATUS_SUCCESS;
					    }
					    Connection.BytesReceived += BytesIndicated;
					    return STATUS_SUCCESS;
					}

					"""));
		}
		if (facts.disconnect) {
			w.doc("from " + handlers("disconnect", ConnectionDispatch::isDisconnect)
					+ ": the peer disconnected; closing the socket frees the context (close completion).");
			w.lines(n.expand("""
					private int Pfx_ConnectionDisconnectEvent(Object SocketContext, int Flags) {
					    if (SocketContext != null) {
					        Pfx_ConnectionRequestClose((Connection) SocketContext);
					    }
					    return STATUS_SUCCESS;
					}

					"""));
		}
		if (facts.sendBacklog) {
			w.doc("from " + handlers("send-backlog", ConnectionDispatch::isSendBacklog)
					+ ": records the ideal send backlog for the driver's own send logic.");
			w.lines(n.expand("""
					private int Pfx_ConnectionSendBacklogEvent(Object SocketContext, long IdealBacklogSize) {
					    if (SocketContext != null) {
					        ((Connection) SocketContext).IdealBacklogSize = IdealBacklogSize;
					    }
					    return STATUS_SUCCESS;
					}

					"""));
		}
		w.lines(n.expand("""
				/** Unload: close every listed connection. */
				private void Pfx_ConnectionCloseAll() {
				    PfxConnectionsClosed = TRUE;
				    for (Connection Connection : new ArrayList<>(PfxConnections)) {
				        if (Connection.State == PFX_CONN_OPEN) {
				            Connection.State = PFX_CONN_CLOSING;
				            Pfx_ConnectionIssueClose(Connection);
				"""));
		if (facts.irp) {
			w.lines(n.expand("""
					        } else if (Connection.State == PFX_CONN_STARTING) {
					            Connection.State = PFX_CONN_STARTING_CLOSE_REQUESTED;  // the starter closes it
					"""));
		}
		w.lines("""
				        }
				    }
				}
				""");
	}
}

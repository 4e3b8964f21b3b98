package org.wskstudio.wsk.generator.java;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 8: the listener runtime every listener shares, its socket calls. Initialisation, the
 * open sequence (WskSocket with WSK_FLAG_LISTEN_SOCKET, the options, WskBind, per-socket accept
 * events) run step by step with the listener's control IRP, synchronously at load, and the close.
 * Start, recreate and stop follow in {@link ListenerLifecycleSection}, as in the C.
 */
final class ListenerRuntimeSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	ListenerRuntimeSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		w.section("8. listener runtime");
		init(w);
		w.lines(n.expand("""
				/** Step: WskSocket(WSK_FLAG_LISTEN_SOCKET). SocketContext is the listener, which every listen callback receives. */
				private int Pfx_ListenerCreate(Listener Listener, int Family) {
				    if (Listener.ControlIrp == null) {
				        Listener.ControlIrp = Pfx_AllocateIrp();
				        if (Listener.ControlIrp == null) {
				            return STATUS_INSUFFICIENT_RESOURCES;
				        }
				    }
				    Pfx_ControlBegin(Listener);
				    Listener.Creating = TRUE;
				    PfxProviderNpi.Dispatch.WskSocket(PfxProviderNpi.Client, Family, SOCK_STREAM, IPPROTO_TCP,
				            WSK_FLAG_LISTEN_SOCKET, Listener, Listener.ListenDispatch, null, null, null, Listener.ControlIrp);
				    return PFX_STEP_ISSUED;
				}

				"""));
		if (facts.setOption) {
			w.lines(n.expand("""
					/** Step: one ULONG socket option (WskControlSocket, WskSetOption). */
					private int Pfx_ListenerSetOption(Listener Listener, int Level, int Option, int Value) {
					    Pfx_ControlBegin(Listener);
					    Listener.Dispatch.WskControlSocket(Listener.Socket, WskSetOption, Option, Level, 4, Value, 0, null, null,
					            Listener.ControlIrp);
					    return PFX_STEP_ISSUED;
					}

					"""));
		}
		w.lines(n.expand("""
				/** Step: WskBind. Binding a listening socket is what starts listening. */
				private int Pfx_ListenerBind(Listener Listener, SockAddr LocalAddress) {
				    Pfx_ControlBegin(Listener);
				    Listener.Dispatch.WskBind(Listener.Socket, LocalAddress, 0, Listener.ControlIrp);
				    return PFX_STEP_ISSUED;
				}

				"""));
		if (facts.perSocketEvents) {
			w.doc("from the SO_WSK_EVENT_CALLBACK options of " + facts.eventListeners().stream()
					.map(JavaLiterals::of).collect(Collectors.joining(", "))
					+ ": accept by event per-socket, after bind, without an IRP (a step that returns its status)."
					+ " Connection events enabled on the listening socket are inherited by every socket it accepts"
					+ " through WskAcceptEvent (not by WskAccept; Microsoft's SO_WSK_EVENT_CALLBACK page, see"
					+ " \"Enabling and Disabling Event Callback Functions\").");
			w.lines(n.expand("""
					private int Pfx_ListenerEnableEvents(Listener Listener, int EventMask) {
					    int Status = Listener.Dispatch.WskControlSocket(Listener.Socket, WskSetOption, SO_WSK_EVENT_CALLBACK,
					            SOL_SOCKET, new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, EventMask), null);
					    if (NT_SUCCESS(Status) && (EventMask & WSK_EVENT_ACCEPT) != 0) {
					        Listener.AcceptEventEnabled = TRUE;
					    }
					    return Status;
					}

					/** Disables WskAcceptEvent; with an IRP the request completes once running calls have returned. */
					private void Pfx_ListenerDisableAccept(Listener Listener) {
					    Pfx_ControlBegin(Listener);
					    Listener.Dispatch.WskControlSocket(Listener.Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
					            new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT | WSK_EVENT_DISABLE),
					            Listener.ControlIrp);
					    Pfx_ControlWait(Listener);
					    Listener.AcceptEventEnabled = FALSE;
					}

					"""));
		}
		w.lines(n.expand("""
				/** Runs the listener's open sequence at PASSIVE_LEVEL, waiting for each control IRP. */
				private int Pfx_ListenerOpen(Listener Listener) {
				    int Status = STATUS_SUCCESS;
				    for (int Step = 0; NT_SUCCESS(Status); Step++) {
				        int Issued = Listener.Open.step(Listener, Step);
				        if (Issued == PFX_STEP_END) {
				            break;
				        }
				        Status = Issued == PFX_STEP_ISSUED ? Pfx_ControlDone(Listener, Pfx_ControlWait(Listener)) : Issued;
				    }
				    return Status;
				}

				/** WskCloseSocket of the listening socket with the control IRP (it also cancels its pending IRPs). */
				private void Pfx_ListenerCloseIssue(Listener Listener) {
				    Pfx_ControlBegin(Listener);
				    Listener.Dispatch.WskCloseSocket(Listener.Socket, Listener.ControlIrp);
				}

				/** After the close completed: the socket is gone, and so are its pended inspections. */
				private void Pfx_ListenerClosed(Listener Listener) {
				    Listener.Socket = null;
				    Listener.Dispatch = null;
				"""));
		w.indent();
		if (facts.perSocketEvents) {
			w.line("Listener.AcceptEventEnabled = FALSE;");
		}
		if (facts.conditional) {
			w.line(n.expand("Pfx_PendingSweep(Listener);                 // pending entries died with the socket"));
		}
		w.dedent();
		w.lines(n.expand("""
				}

				/** WskCloseSocket, synchronously. */
				private void Pfx_ListenerClose(Listener Listener) {
				    if (Listener.Socket != null) {
				        Pfx_ListenerCloseIssue(Listener);
				        Pfx_ControlWait(Listener);
				    }
				    Pfx_ListenerClosed(Listener);
				}

				"""));
	}

	private void init(JavaWriter w) {
		StringBuilder params = new StringBuilder("Listener Listener, String Name, String Origin, ListenerOpen Open,\n"
				+ "        WskClientListenDispatch ListenDispatch, WskClientConnectionDispatch ConnectionDispatch,\n"
				+ "        int ConnectionEvents");
		if (facts.irp) {
			params.append(", boolean ReuseIrp, AcceptSlot[] Slots");
		}
		if (facts.conditional) {
			params.append(", Rule[] Rules, Pending[] Pending");
		}
		w.doc("Pure initialisation from the model's configuration: cannot fail, so the teardown is always safe."
				+ " Tags the socket context with the listener's name, before any WskSocket.");
		w.lines(n.expand("private void Pfx_ListenerInit(" + params + ") {"));
		w.indent();
		w.lines("""
				Listener.Name = Name;
				Listener.Origin = Origin;
				Listener.Open = Open;
				Listener.ListenDispatch = ListenDispatch;
				Listener.ConnectionDispatch = ConnectionDispatch;
				Listener.ConnectionEvents = ConnectionEvents;
				k.SimTag(Listener, Name);
				k.KeInitializeEvent(Listener.ControlEvent, NotificationEvent, FALSE);
				""");
		if (facts.irp) {
			w.lines(n.expand("""
					Listener.ReuseIrp = ReuseIrp;
					Listener.Slots = Slots;
					if (Slots != null) {
					    for (int Index = 0; Index < Slots.length; Index++) {
					        Slots[Index] = new AcceptSlot();
					        Slots[Index].Listener = Listener;
					        Slots[Index].State = PFX_SLOT_IDLE;
					        k.KeInitializeTimer(Slots[Index].RetryTimer);
					        k.KeInitializeDpc(Slots[Index].RetryDpc, this::Pfx_RearmDpc, Slots[Index]);
					    }
					}
					"""));
		}
		if (facts.conditional) {
			w.lines(n.expand("""
					Listener.Rules = Rules;
					Listener.Pending = Pending;
					if (Pending != null) {
					    for (int Index = 0; Index < Pending.length; Index++) {
					        Pending[Index] = new Pending();
					        Pending[Index].Listener = Listener;
					        Pending[Index].State = PFX_PENDING_FREE;
					        k.KeInitializeTimer(Pending[Index].Timer);
					        k.KeInitializeDpc(Pending[Index].TimeoutDpc, this::Pfx_TimeoutDpc, Pending[Index]);
					    }
					}
					"""));
		}
		if (facts.event) {
			w.lines(n.expand("""
					k.KeInitializeEvent(Listener.RecreateIdle, NotificationEvent, TRUE);
					k.KeInitializeTimer(Listener.RecreateTimer);
					k.KeInitializeDpc(Listener.RecreateDpc, this::Pfx_RecreateDpc, Listener);
					"""));
		}
		w.dedent();
		w.line("}");
		w.blank();
	}
}

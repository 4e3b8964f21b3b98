package org.wskstudio.wsk.generator.java;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 8: the listener runtime every listener shares. The open sequence (WskSocket with
 * WSK_FLAG_LISTEN_SOCKET, the options, WskBind, per-socket accept events) run step by step with
 * the listener's control IRP, synchronously at load; the close; the recreation after a NULL
 * AcceptSocket / InspectID; start and stop.
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

				/** Opens the listener at load: the listener's own open sequence (create, options, bind, events). */
				private int Pfx_ListenerStart(Listener Listener) {
				    int Status = Pfx_ListenerOpen(Listener);
				"""));
		if (facts.irp) {
			w.lines(n.expand("""
					    if (NT_SUCCESS(Status) && Listener.Slots != null) {
					        Pfx_ListenerArm(Listener);              // accept by irp: keep the slots' WskAccept IRPs queued
					    }
					"""));
		}
		w.lines("""
				    return Status;                              // on failure Pfx_ListenerStop closes what was opened
				}

				""");
		if (facts.event) {
			recreate(w);
		}
		stop(w);
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

	private void recreate(JavaWriter w) {
		w.lines(n.expand("""
				/**
				 * NULL AcceptSocket (or NULL InspectID): callbacks run at up to DISPATCH_LEVEL and must not wait,
				 * so the close and the recreation are deferred, at most one per listener. The C queues a work
				 * item; the simulator has none, so a timer DPC due now stands in for it and the WSK calls it
				 * makes are asynchronous (each completion routine issues the next one).
				 */
				private void Pfx_ListenerRequestRecreate(Listener Listener) {
				    if (!Listener.Stopping && !Listener.RecreatePending) {
				        Listener.RecreatePending = TRUE;
				        k.KeClearEvent(Listener.RecreateIdle);
				        k.KeSetTimer(Listener.RecreateTimer, RELATIVE_MS(0), Listener.RecreateDpc);
				    }
				}

				/** The recreate "work item": closes the broken listening socket, then opens a new one. */
				private void Pfx_RecreateDpc(KDpc Dpc, Object DeferredContext, Object SystemArgument1, Object SystemArgument2) {
				    Listener Listener = (Listener) DeferredContext;
				    k.SimLog("listener " + Listener.Name + " no longer works: closing and recreating it");
				    Listener.ControlAsync = TRUE;
				    Listener.RecreateFailed = FALSE;
				"""));
		if (facts.rundown()) {
			w.line(n.expand("    Pfx_RundownWait(Listener);                  // no WskAccept or WskInspectComplete from now on"));
		}
		w.lines(n.expand("""
				    Listener.RecreateClosing = TRUE;
				    if (Listener.Socket != null) {
				        Pfx_ListenerCloseIssue(Listener);
				    } else {
				        Pfx_RecreateNext(Listener, STATUS_SUCCESS);
				    }
				}

				/** Completion routine of the recreate's WSK calls: continues with the next one. */
				private int Pfx_RecreateIrpComplete(Object DeviceObject, Irp Irp, Object Context) {
				    Pfx_RecreateNext((Listener) Context, Irp.IoStatus.Status);
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				/** The recreate after each completed call: the close, then the open sequence step by step. */
				private void Pfx_RecreateNext(Listener Listener, int Status) {
				    if (Listener.RecreateClosing) {
				        Listener.RecreateClosing = FALSE;
				        Pfx_ListenerClosed(Listener);
				"""));
		if (facts.rundown()) {
			w.line(n.expand("        Pfx_RundownReinitialize(Listener);"));
		}
		w.lines(n.expand("""
				        if (Listener.RecreateFailed || Listener.Stopping) {
				            Pfx_RecreateDone(Listener);
				            return;
				        }
				        Listener.RecreateStep = 0;
				        Status = STATUS_SUCCESS;
				    } else {
				        Status = Pfx_ControlDone(Listener, Status);
				    }
				    while (NT_SUCCESS(Status)) {
				        int Issued = Listener.Open.step(Listener, Listener.RecreateStep++);
				        if (Issued == PFX_STEP_ISSUED) {
				            return;                             // its completion routine continues
				        }
				        if (Issued == PFX_STEP_END) {
				            k.SimLog("listener " + Listener.Name + " recreated");
				            Pfx_RecreateDone(Listener);
				            return;
				        }
				        Status = Issued;                        // a call without IRP (the accept event)
				    }
				    // A failed reopen leaves the listener closed (logged) until reload.
				    k.SimLog("listener " + Listener.Name + " recreate failed " + NtStatus.name(Status));
				    Listener.RecreateFailed = TRUE;
				"""));
		if (facts.rundown()) {
			w.line(n.expand("    Pfx_RundownWait(Listener);"));
		}
		w.lines(n.expand("""
				    if (Listener.Socket != null) {
				        Listener.RecreateClosing = TRUE;
				        Pfx_ListenerCloseIssue(Listener);
				    } else {
				        Pfx_RecreateDone(Listener);
				    }
				}

				private void Pfx_RecreateDone(Listener Listener) {
				    Listener.ControlAsync = FALSE;
				    Listener.RecreatePending = FALSE;
				    k.KeSetEvent(Listener.RecreateIdle, 0, FALSE);
				}

				"""));
	}

	private void stop(JavaWriter w) {
		w.line("/**");
		w.line(" * Stops a listener (also one that never started):");
		w.line(" * 1. Stopping: no recreate, no new pend, no re-arm;");
		int step = 2;
		if (facts.event) {
			w.line(" * " + step++ + ". wait for a recreate in progress;");
		}
		if (facts.rundown()) {
			w.line(" * " + step++ + ". close the rundown: no WskAccept or WskInspectComplete to come;");
		}
		if (facts.irp) {
			w.line(" * " + step++ + ". disarm: cancel each slot's retry timer, or its queued accept IRP (the completion retires");
			w.line(" *    the slot), then flush the retry DPCs;");
		}
		if (facts.perSocketEvents) {
			w.line(" * " + step++ + ". disable WskAcceptEvent;");
		}
		String sweep = facts.conditional ? " (its sweep cancels the pend timeouts), flush the timeout DPCs" : "";
		w.line(" * " + step + ". WskCloseSocket" + sweep + ", free the control IRP.");
		w.line(" */");
		w.line(n.expand("private void Pfx_ListenerStop(Listener Listener) {"));
		w.indent();
		w.line("Listener.Stopping = TRUE;");
		if (facts.event) {
			w.lines("""
					if (Listener.RecreatePending) {
					    k.KeWaitForSingleObject(Listener.RecreateIdle, Executive, KernelMode, FALSE, null);
					}
					""");
		}
		if (facts.rundown()) {
			w.line(n.expand("Pfx_RundownWait(Listener);"));
		}
		if (facts.irp) {
			w.line(n.expand("Pfx_ListenerDisarm(Listener);"));
		}
		if (facts.perSocketEvents) {
			w.lines(n.expand("""
					if (Listener.Socket != null && Listener.AcceptEventEnabled) {
					    Pfx_ListenerDisableAccept(Listener);
					}
					"""));
		}
		w.line(n.expand("Pfx_ListenerClose(Listener);"));
		if (facts.conditional) {
			w.line("k.KeFlushQueuedDpcs();                     // a pend timeout that expired before the sweep has run");
		}
		w.lines(n.expand("""
				if (Listener.ControlIrp != null) {
				    Pfx_FreeIrp(Listener.ControlIrp);
				    Listener.ControlIrp = null;
				}
				"""));
		w.dedent();
		w.line("}");
	}
}

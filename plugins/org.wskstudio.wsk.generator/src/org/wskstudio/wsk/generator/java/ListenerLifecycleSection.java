package org.wskstudio.wsk.generator.java;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 8, continued after {@link ListenerRuntimeSection}'s socket calls: the life of every
 * listener. Start at load (the open sequence, then the accept slots armed), the recreation after
 * a NULL AcceptSocket / InspectID (a timer DPC stands in for the C's work item), and stop.
 */
final class ListenerLifecycleSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	ListenerLifecycleSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		start(w);
		if (facts.event) {
			recreate(w);
		}
		stop(w);
	}

	private void start(JavaWriter w) {
		w.lines(n.expand("""
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

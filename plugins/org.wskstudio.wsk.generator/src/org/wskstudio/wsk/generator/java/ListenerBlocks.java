package org.wskstudio.wsk.generator.java;


import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ModelTrace;
import org.wskstudio.wsk.generator.common.ModelWords;
import org.wskstudio.wsk.generator.common.WskNames;
import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.OptionPhase;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.WskListener;

/**
 * Section 9: one block per listener, configuration plus thin entry points: the listener object
 * and its slot / pending tables, the listen and connection dispatch tables, the rule table in
 * model order with the default last and its classifier ({@link ClassifierTables}), the open sequence (WskSocket, the options in the model's
 * order, WskBind, the after-bind options), the listen callbacks and the deferred checks' hooks.
 */
final class ListenerBlocks {

	private final DriverFacts facts;
	private final JavaNaming n;

	ListenerBlocks(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	private String x(String template, WskListener l) {
		return n.expand(template, l);
	}

	void emit(JavaWriter w, WskListener l) {
		w.section("9. " + JavaLiterals.of(l));
		objects(w, l);
		if (l.isConditionalAccept()) {
			ClassifierTables tables = new ClassifierTables(n);
			tables.emitRules(w, l);
			tables.emit(w, l);
		}
		open(w, l);
		if (l.isConditionalAccept()) {
			inspect(w, l);
		}
		if (DriverFacts.isEvent(l)) {
			acceptEvent(w, l);
		}
		for (DeferredCheck c : DriverFacts.checks(l)) {
			check(w, l, c);
		}
	}

	private void objects(JavaWriter w, WskListener l) {
		w.doc(JavaLiterals.from(l) + ": " + JavaLiterals.listenerSummary(l));
		w.line(x("private final Listener PfxLsn = new Listener();", l));
		if (DriverFacts.isIrp(l)) {
			w.line(x("private final AcceptSlot[] PfxLsnSlots = new AcceptSlot[", l) + DriverFacts.queueDepth(l)
					+ "];");
		}
		if (l.isConditionalAccept()) {
			w.line(x("private final Pending[] PfxLsnPending = new Pending[", l) + DriverFacts.pendingCapacity(l)
					+ "];");
		}
		w.line(x("static final int PFX_LSN_PORT = ", l) + l.getPort() + ";");
		w.line(x("static final SockAddr PfxLsnAddress = SockAddr.of(", l) + WskNames.family(l.getFamily()) + ", "
				+ JavaLiterals.bytes(l.getLocalAddress()) + x(", PFX_LSN_PORT);", l));
		w.blank();
		boolean event = DriverFacts.isEvent(l);
		boolean conditional = l.isConditionalAccept();
		w.doc(JavaLiterals.from(l.getAcceptMode()) + (conditional ? ", with conditional accept" : "")
				+ ": WSK_CLIENT_LISTEN_DISPATCH {WskAcceptEvent, WskInspectEvent, WskAbortEvent}"
				+ (!event && !conditional ? "; IRP mode, no listen event is ever enabled" : "") + ".");
		w.line(x("private final WskClientListenDispatch PfxLsnListenDispatch = new WskClientListenDispatch(", l)
				+ (event ? x("this::PfxLsn_AcceptEvent", l) : "null") + ", "
				+ (conditional ? x("this::PfxLsn_InspectEvent, this::PfxLsn_AbortEvent", l) : "null, null") + ");");
		w.blank();
		var d = l.getConnectionDispatch();
		w.doc(JavaLiterals.from(l) + ": connection handles " + ModelWords.handles(d)
				+ " (WSK_CLIENT_CONNECTION_DISPATCH {WskReceiveEvent, WskDisconnectEvent, WskSendBacklogEvent}).");
		w.line(x("private final WskClientConnectionDispatch PfxLsnConnectionDispatch = new WskClientConnectionDispatch(", l)
				+ (d.isReceive() ? n.expand("this::Pfx_ConnectionReceiveEvent") : "null") + ", "
				+ (d.isDisconnect() ? n.expand("this::Pfx_ConnectionDisconnectEvent") : "null") + ", "
				+ (d.isSendBacklog() ? n.expand("this::Pfx_ConnectionSendBacklogEvent") : "null") + ");");
		w.line(x("static final int PFX_LSN_CONNECTION_EVENTS = ", l) + JavaLiterals.connectionEvents(d) + ";");
		w.blank();
	}

	// ---- open ----------------------------------------------------------------------------

	private void open(JavaWriter w, WskListener l) {
		w.doc(JavaLiterals.from(l) + ": step Step of the open sequence on " + JavaLiterals.endpoint(l)
				+ ": WskSocket, the options in the model's order, WskBind, the after-bind options. Each step is one"
				+ " WSK call.");
		w.line(x("private int PfxLsn_Open(Listener Listener, int Step) {", l));
		w.indent();
		w.line("switch (Step) {");
		int step = 0;
		w.line("case " + step++ + ":");
		w.indent();
		w.comment("WskSocket(" + WskNames.family(l.getFamily())
				+ ", SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET), SocketContext = the listener");
		w.line(n.expand("return Pfx_ListenerCreate(Listener, ") + WskNames.family(l.getFamily()) + ");");
		w.dedent();
		boolean bound = false;
		for (SocketOption o : l.getOptions()) {
			if (o.getPhase() == OptionPhase.AFTER_BIND && !bound) {
				step = bind(w, l, step);
				bound = true;
			}
			w.line("case " + step++ + ":");
			w.indent();
			String phase = o.getPhase() == OptionPhase.AFTER_BIND ? "after bind" : "before bind";
			if (o.getKind() == SocketOptionKind.WSK_EVENT_CALLBACK) {
				w.comment(JavaLiterals.from(o) + ": accept by event per-socket, " + phase
						+ ", no IRP; the connection events ride along and are inherited by accepted sockets");
				w.line(n.expand("return Pfx_ListenerEnableEvents(Listener, ") + JavaLiterals.eventMask(o.getValue())
						+ x(" | PFX_LSN_CONNECTION_EVENTS);", l));
			} else {
				String value = String.valueOf(o.getValue());
				w.comment(JavaLiterals.from(o) + ": " + WskNames.optionCode(o.getKind()) + " = " + value + ", " + phase);
				w.line(n.expand("return Pfx_ListenerSetOption(Listener, ") + WskNames.optionLevel(o.getKind()) + ", "
						+ WskNames.optionCode(o.getKind()) + ", " + value + ");");
			}
			w.dedent();
		}
		if (!bound) {
			step = bind(w, l, step);
		}
		w.line("default:");
		w.indent();
		w.line(n.expand("return PFX_STEP_END;"));
		w.dedent();
		w.line("}");
		w.dedent();
		w.line("}");
		w.blank();
	}

	private int bind(JavaWriter w, WskListener l, int step) {
		w.line("case " + step + ":");
		w.indent();
		w.comment("WskBind to " + JavaLiterals.endpoint(l) + ": binding a listening socket is what starts listening");
		w.line(x("return Pfx_ListenerBind(Listener, PfxLsnAddress);", l));
		w.dedent();
		return step + 1;
	}

	// ---- listen callbacks ----------------------------------------------------------------

	private void inspect(JavaWriter w, WskListener l) {
		boolean event = DriverFacts.isEvent(l);
		w.doc(JavaLiterals.from(l) + ", conditional accept: WskInspectEvent evaluates the inspect rules on the local"
				+ " and remote address.");
		w.lines(x("""
				private WskInspectAction PfxLsn_InspectEvent(Object SocketContext, SockAddr LocalAddress, SockAddr RemoteAddress,
				        WskInspectId InspectID) {
				    Listener Listener = (Listener) SocketContext;
				    if (Listener == null) {
				        return WskInspectReject;
				    }
				    if (InspectID == null) {
				""", l));
		if (event) {
			w.line(x("        Pfx_ListenerRequestRecreate(Listener);   // the listening socket no longer works", l));
		} else {
			w.lines(x("""
					        // The listening socket no longer works. IRP mode has no recreate: the queued WskAccept
					        // IRPs fail and retire their slots, and the listener accepts nothing until reload.
					        k.SimLog("listener " + Listener.Name + " no longer works");
					""", l));
		}
		w.lines(x("""
				        return WskInspectReject;
				    }
				    return Pfx_InspectConnection(Listener, PfxLsnClassifier, LocalAddress, RemoteAddress, InspectID);
				}

				""", l));
		w.doc(JavaLiterals.from(l) + ", conditional accept: the request was dropped after Pend or Accept; the pending"
				+ " entry with the same inspect-ID content is removed. Always STATUS_SUCCESS.");
		w.lines(x("""
				private int PfxLsn_AbortEvent(Object SocketContext, WskInspectId InspectID) {
				    Listener Listener = (Listener) SocketContext;
				    if (Listener != null && InspectID != null) {
				        Pfx_AbortInspection(Listener, InspectID);
				    }
				    return STATUS_SUCCESS;
				}

				""", l));
	}

	private void acceptEvent(JavaWriter w, WskListener l) {
		w.doc(JavaLiterals.from(l.getAcceptMode()) + ": WskAcceptEvent with a per-connection context from non-paged"
				+ " pool; no memory rejects the connection.");
		w.lines(x("""
				private int PfxLsn_AcceptEvent(Object SocketContext, int Flags, SockAddr LocalAddress, SockAddr RemoteAddress,
				        WskSocket AcceptSocket, AcceptSocketContext AcceptSocketContext,
				        AcceptSocketDispatch AcceptSocketDispatch) {
				    Listener Listener = (Listener) SocketContext;
				    AcceptSocketContext.set(null);
				    AcceptSocketDispatch.set(null);
				    if (Listener == null) {
				        return STATUS_REQUEST_NOT_ACCEPTED;
				    }
				    if (AcceptSocket == null) {
				        Pfx_ListenerRequestRecreate(Listener);  // the listening socket no longer works
				        return STATUS_REQUEST_NOT_ACCEPTED;
				    }
				""", l));
		w.line("    try (var Scope = k.SimEnter(" + JavaLiterals.string(ModelTrace.origin(l.getAcceptMode())) + ")) {");
		w.lines(x("""
				        Connection Connection = Pfx_ConnectionAccept(Listener, AcceptSocket, RemoteAddress);
				        if (Connection == null) {
				            return STATUS_REQUEST_NOT_ACCEPTED;   // WSK closes the socket
				        }
				        AcceptSocketContext.set(Connection);
				        AcceptSocketDispatch.set(PfxLsnConnectionDispatch);
				        return STATUS_SUCCESS;
				    }
				}

				""", l));
	}

	private void check(JavaWriter w, WskListener l, DeferredCheck c) {
		String rules = DriverFacts.rulesUsing(l, c).stream().map(JavaLiterals::of)
				.collect(java.util.stream.Collectors.joining(", "));
		w.doc(JavaLiterals.from(c) + ", started for " + rules + ": asks the simulator's external check"
				+ " (k.SimQueryCheck, answered by a scenario's \"check " + c.getName() + " answers ...\") about the"
				+ " canonical remote address (IPv4-mapped shown as IPv4). The C leaves this hook to the driver's own"
				+ " logic. The answer comes back through " + n.checkComplete(l, c) + ".");
		w.line("private void " + n.checkStart(l, c)
				+ "(WskInspectId InspectId, SockAddr LocalAddress, SockAddr RemoteAddress) {");
		w.line("    k.SimQueryCheck(" + JavaLiterals.string(c.getName())
				+ ", RemoteAddress.unmapV4(), new WskInspectId(InspectId),");
		w.line("            (QueryContext, Accept) -> " + n.checkComplete(l, c) + "((WskInspectId) QueryContext, Accept));");
		w.line("}");
		w.blank();
		w.doc(JavaLiterals.from(c) + ": the check's outcome for a pended inspection; STATUS_NOT_FOUND after abort,"
				+ " timeout or an earlier answer.");
		w.line("public int " + n.checkComplete(l, c) + "(WskInspectId InspectId, boolean Accept) {");
		w.indent();
		w.line("if (InspectId == null) {");
		w.line("    return STATUS_INVALID_PARAMETER;");
		w.line("}");
		w.line("try (var Scope = k.SimEnter(" + JavaLiterals.string(ModelTrace.origin(c)) + ")) {");
		w.line(x("    return Pfx_CompleteInspection(PfxLsn, InspectId, ", l) + JavaLiterals.string(c.getName())
				+ ", Accept ? WskInspectAccept : WskInspectReject);");
		w.line("}");
		w.dedent();
		w.line("}");
		w.blank();
	}
}

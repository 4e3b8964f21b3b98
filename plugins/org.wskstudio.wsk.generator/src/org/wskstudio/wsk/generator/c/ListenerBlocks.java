package org.wskstudio.wsk.generator.c;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ModelTrace;
import org.wskstudio.wsk.generator.common.ModelWords;
import org.wskstudio.wsk.generator.common.WskNames;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.OptionPhase;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.WskListener;

/**
 * Section 9 of the source: one block per listener, configuration plus thin entry points.
 * The listener object and its slot / pending tables, the listen dispatch table, the
 * connection dispatch table with the events the model names, the rule table in model order
 * with the default last, {@code Open} (WskSocket, the options in the model's order, WskBind,
 * the after-bind options), and the listen callbacks (WskAcceptEvent, WskInspectEvent,
 * WskAbortEvent) and Complete*Check entry points.
 */
final class ListenerBlocks {

	private final DriverFacts facts;
	private final CNaming n;

	ListenerBlocks(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		if (facts.conditional) {
			w.lines(n.expand("""
					/* Match helpers for the rule tables below. */
					#define PFX_MATCH_ANY \\
					    { PfxAddressAny, { 0 }, 0, 0, 65535 }
					#define PFX_MATCH_ANY_PORTS(First, Last) \\
					    { PfxAddressAny, { 0 }, 0, (First), (Last) }

					"""));
		}
		int index = 0;
		for (WskListener l : facts.listeners) {
			block(w, l, (char) ('a' + index++));
		}
	}

	private String x(String template, WskListener l) {
		return n.expand(template, l);
	}

	private void block(CodeWriter w, WskListener l, char letter) {
		w.section("9" + (facts.listeners.size() > 1 ? String.valueOf(letter) : "") + ". " + CTrace.of(l));
		StringBuilder objects = new StringBuilder(x("static PFX_LISTENER PfxLsn;\n", l));
		if (DriverFacts.isIrp(l)) {
			objects.append(x("static PFX_ACCEPT_SLOT PfxLsnSlots[PFX_LSN_ACCEPT_DEPTH];\n", l));
		}
		if (l.isConditionalAccept()) {
			objects.append(x("static PFX_PENDING PfxLsnPending[PFX_LSN_PENDING_MAX];\n", l));
		}
		w.declarations(objects.toString());
		w.blank();
		listenDispatch(w, l);
		connectionDispatch(w, l);
		if (l.isConditionalAccept()) {
			rules(w, l);
			new ClassifierTables(n).emit(w, l);
		}
		open(w, l);
		if (l.isConditionalAccept()) {
			inspect(w, l);
		}
		if (DriverFacts.isEvent(l)) {
			acceptEvent(w, l);
		}
		for (DeferredCheck c : DriverFacts.checks(l)) {
			complete(w, l, c);
		}
	}

	private void listenDispatch(CodeWriter w, WskListener l) {
		boolean event = DriverFacts.isEvent(l);
		boolean conditional = l.isConditionalAccept();
		if (!event && !conditional) {
			w.comment(CTrace.from(l.getAcceptMode()) + ": IRP mode, no listen event is ever enabled.");
		} else {
			w.comment(CTrace.from(l.getAcceptMode()) + (conditional ? ", with conditional accept" : ""));
		}
		w.line(x("static const WSK_CLIENT_LISTEN_DISPATCH PfxLsnListenDispatch = {", l));
		w.indent();
		slot(w, event ? x("PfxLsn_AcceptEvent,", l) : "NULL,", "WskAcceptEvent");
		slot(w, conditional ? x("PfxLsn_InspectEvent,", l) : "NULL,",
				conditional ? "WskInspectEvent" : "WskInspectEvent: no conditional accept");
		slot(w, conditional ? x("PfxLsn_AbortEvent", l) : "NULL",
				conditional ? "WskAbortEvent" : "WskAbortEvent:   no conditional accept");
		w.dedent();
		w.line("};");
		w.blank();
	}

	private void connectionDispatch(CodeWriter w, WskListener l) {
		w.comment(CTrace.from(l) + ": connection handles " + ModelWords.handles(l.getConnectionDispatch()));
		w.line(x("static const WSK_CLIENT_CONNECTION_DISPATCH PfxLsnConnectionDispatch = {", l));
		w.indent();
		slot(w, l.getConnectionDispatch().isReceive() ? n.function("ConnectionReceiveEvent") + "," : "NULL,",
				"WskReceiveEvent");
		slot(w, l.getConnectionDispatch().isDisconnect() ? n.function("ConnectionDisconnectEvent") + "," : "NULL,",
				"WskDisconnectEvent");
		slot(w, l.getConnectionDispatch().isSendBacklog() ? n.function("ConnectionSendBacklogEvent") : "NULL",
				"WskSendBacklogEvent");
		w.dedent();
		w.line("};");
		w.line(x("#define PFX_LSN_CONNECTION_EVENTS ", l) + CLiterals.connectionEvents(l.getConnectionDispatch()));
		w.blank();
	}

	private static void slot(CodeWriter w, String value, String comment) {
		w.line(value + " ".repeat(Math.max(1, 40 - value.length())) + "/* " + comment + " */");
	}

	// ---- rules -------------------------------------------------------------------------

	private void rules(CodeWriter w, WskListener l) {
		w.comment(CTrace.from(l) + ": the inspect rules in model order, first match wins; the last entry is the"
				+ " listener's default. One rule a line: its origin (the model or list line) and its text.");
		w.line(x("static const PFX_RULE PfxLsnRules[] = {", l));
		w.indent();
		for (InspectRule r : l.getInspectRules()) {
			StringBuilder row = new StringBuilder(160).append("{ .Remote = ").append(match(r.getRemote()))
					.append(", .Local = ").append(match(r.getLocal()))
					.append(", .Action = ").append(WskNames.action(r.getAction()));
			if (r.getAction() == InspectAction.PEND) {
				row.append(", .TimeoutAction = ").append(WskNames.action(r.getTimeoutAction()))
						.append(", .TimeoutMs = ").append(r.getTimeoutMillis())
						.append(", .StartCheck = ").append(n.checkStart(l, r.getCheck()));
			}
			row.append(", ").append(origin(CTrace.of(r))).append(" }, /* ")
					.append(CModelText.rule(r)).append(" */");
			w.line(row.toString());
		}
		String origin = "default of " + CTrace.of(l);
		w.line(n.expand("{ .Remote = PFX_MATCH_ANY, .Local = PFX_MATCH_ANY, .Action = ")
				+ WskNames.action(l.getDefaultAction()) + ", " + origin(origin) + " }, /* "
				+ ModelWords.actionWord(l.getDefaultAction()) + " */");
		w.dedent();
		w.line("};");
		w.blank();
	}

	/** A rule's model element, kept in checked builds only ({@code PFX_ORIGIN}, the header). */
	private String origin(String text) {
		return n.expand("PFX_ORIGIN(") + CLiterals.string(text) + ")";
	}

	/** A PFX_MATCH initializer. */
	private String match(AddressMatch m) {
		if (ModelWords.isAll(m)) {
			return n.expand("PFX_MATCH_ANY");
		}
		if (m.isAnyAddress()) {
			return n.expand("PFX_MATCH_ANY_PORTS(") + m.getPortLow() + ", " + m.getPortHigh() + ")";
		}
		String kind = m.getFamily() == AddressFamily.INET6 ? n.global("AddressIpv6") : n.global("AddressIpv4");
		return "{ " + kind + ", " + CLiterals.bytes(m.getNetwork()) + ", " + m.getPrefixLength() + ", "
				+ m.getPortLow() + ", " + m.getPortHigh() + " }";
	}

	// ---- open --------------------------------------------------------------------------

	private void open(CodeWriter w, WskListener l) {
		boolean v6 = l.getFamily() == AddressFamily.INET6;
		w.comment(CTrace.from(l) + ": create, options in the model's order, bind.");
		w.line("_Use_decl_annotations_");
		w.line("static NTSTATUS");
		w.line(x("PfxLsn_Open(PPFX_LISTENER Listener)", l));
		w.line("{");
		w.indent();
		boolean specific = !CLiterals.isZero(l.getLocalAddress());
		if (specific) {
			w.line("static const UCHAR Address[" + l.getLocalAddress().length + "] = "
					+ CLiterals.bytes(l.getLocalAddress()) + ";");
		}
		w.line(CLiterals.sockaddrType(l.getFamily()) + " LocalAddress;");
		w.line("NTSTATUS Status;");
		w.blank();
		w.line("PAGED_CODE();");
		w.blank();
		w.comment("on " + CModelText.endpoint(l) + " (" + ModelTrace.where(l) + ")");
		w.line("RtlZeroMemory(&LocalAddress, sizeof(LocalAddress));");
		if (v6) {
			w.line("LocalAddress.sin6_family = AF_INET6;");
			w.line(x("LocalAddress.sin6_port = RtlUshortByteSwap(PFX_LSN_PORT);", l));
			if (specific) {
				w.line("RtlCopyMemory(&LocalAddress.sin6_addr, Address, sizeof(Address));");
			}
		} else {
			w.line("LocalAddress.sin_family = AF_INET;");
			w.line(x("LocalAddress.sin_port = RtlUshortByteSwap(PFX_LSN_PORT);", l));
			w.line(specific ? "RtlCopyMemory(&LocalAddress.sin_addr, Address, sizeof(Address));"
					: "LocalAddress.sin_addr.s_addr = INADDR_ANY;");
		}
		w.blank();
		w.line(n.expand("Status = Pfx_ListenerCreate(Listener, ") + WskNames.family(l.getFamily()) + ");");
		boolean bound = false;
		for (SocketOption o : l.getOptions()) {
			if (o.getPhase() == OptionPhase.AFTER_BIND && !bound) {
				bind(w);
				bound = true;
			}
			String phase = o.getPhase() == OptionPhase.AFTER_BIND ? "after bind" : "before bind";
			if (o.getKind() == SocketOptionKind.WSK_EVENT_CALLBACK) {
				w.comment(CTrace.from(o) + ": accept by event per-socket, " + phase
						+ "; the connection events ride along and are inherited by accepted sockets");
				w.block("if (NT_SUCCESS(Status))", () -> {
					w.line(n.expand("Status = Pfx_ListenerEnableEvents(Listener, ") + CLiterals.eventMask(o.getValue())
							+ x(" | PFX_LSN_CONNECTION_EVENTS);", l));
				});
			} else {
				w.comment(CTrace.from(o) + ": " + WskNames.optionCode(o.getKind()) + " = " + CLiterals.ulong(o)
						+ ", " + phase);
				w.block("if (NT_SUCCESS(Status))", () -> {
					w.line(n.expand("Status = Pfx_ListenerSetOption(Listener, ") + WskNames.optionLevel(o.getKind())
							+ ", " + WskNames.optionCode(o.getKind()) + ", " + CLiterals.ulong(o) + ");");
				});
			}
		}
		if (!bound) {
			bind(w);
		}
		w.line("return Status;");
		w.dedent();
		w.line("}");
		w.blank();
	}

	private void bind(CodeWriter w) {
		w.comment("WskBind: binding a listening socket is what starts listening");
		w.block("if (NT_SUCCESS(Status))", () -> w.line(n.expand("Status = Pfx_ListenerBind(Listener, (PSOCKADDR)&LocalAddress);")));
	}

	// ---- listen callbacks --------------------------------------------------------------

	private void inspect(CodeWriter w, WskListener l) {
		w.comment(CTrace.from(l) + ", conditional accept: WskInspectEvent evaluates the inspect rules on the local and"
				+ " remote address.");
		w.lines(x("""
				_Use_decl_annotations_
				static WSK_INSPECT_ACTION WSKAPI
				PfxLsn_InspectEvent(
				    PVOID SocketContext,
				    PSOCKADDR LocalAddress,
				    PSOCKADDR RemoteAddress,
				    PWSK_INSPECT_ID InspectID)
				{
				    PPFX_LISTENER Listener = (PPFX_LISTENER)SocketContext;

				    if (Listener == NULL) {
				        return WskInspectReject;
				    }
				    if (InspectID == NULL) {
				""", l));
		if (DriverFacts.isEvent(l)) {
			w.lines(x("""
					        /* The listening socket no longer works: close and recreate it. */
					        Pfx_ListenerRequestRecreate(Listener);
					""", l));
		} else {
			w.lines(x("""
					        /* The listening socket no longer works.  IRP mode has no recreate:
					         * the queued WskAccept IRPs fail and retire their slots, and the
					         * listener accepts nothing until reload. */
					        DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
					                   "Pfx: listener %s no longer works\\n", Listener->Name);
					""", l));
		}
		w.lines(x("""
				        return WskInspectReject;
				    }
				    return Pfx_InspectConnection(Listener, &PfxLsnClassifier, LocalAddress, RemoteAddress,
				                                 InspectID);
				}

				""", l));
		w.comment(CTrace.from(l) + ", conditional accept: the request was dropped after Pend or Accept; the"
				+ " pending entry with the same inspect-ID content is removed.  Always STATUS_SUCCESS.");
		w.lines(x("""
				_Use_decl_annotations_
				static NTSTATUS WSKAPI
				PfxLsn_AbortEvent(PVOID SocketContext, PWSK_INSPECT_ID InspectID)
				{
				    PPFX_LISTENER Listener = (PPFX_LISTENER)SocketContext;

				    if (Listener != NULL && InspectID != NULL) {
				        Pfx_AbortInspection(Listener, InspectID);
				    }
				    return STATUS_SUCCESS;
				}

				""", l));
	}

	private void acceptEvent(CodeWriter w, WskListener l) {
		w.comment(CTrace.from(l.getAcceptMode()) + ": WskAcceptEvent with a per-connection context from"
				+ " non-paged pool; no memory rejects the connection.");
		w.lines(x("""
				_Use_decl_annotations_
				static NTSTATUS WSKAPI
				PfxLsn_AcceptEvent(
				    PVOID SocketContext,
				    ULONG Flags,
				    PSOCKADDR LocalAddress,
				    PSOCKADDR RemoteAddress,
				    PWSK_SOCKET AcceptSocket,
				    PVOID *AcceptSocketContext,
				    CONST WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
				{
				    PPFX_LISTENER Listener = (PPFX_LISTENER)SocketContext;
				    PPFX_CONNECTION Connection;

				    UNREFERENCED_PARAMETER(Flags);          /* DISPATCH_LEVEL-safe either way */
				    UNREFERENCED_PARAMETER(LocalAddress);

				    *AcceptSocketContext = NULL;
				    *AcceptSocketDispatch = NULL;

				    if (Listener == NULL) {
				        return STATUS_REQUEST_NOT_ACCEPTED;
				    }
				    if (AcceptSocket == NULL) {
				        /* The listening socket no longer works: close and recreate it. */
				        Pfx_ListenerRequestRecreate(Listener);
				        return STATUS_REQUEST_NOT_ACCEPTED;
				    }

				    Connection = Pfx_ConnectionAccept(Listener, AcceptSocket, RemoteAddress);
				    if (Connection == NULL) {
				        return STATUS_REQUEST_NOT_ACCEPTED;     /* WSK closes the socket */
				    }

				    *AcceptSocketContext = Connection;
				    *AcceptSocketDispatch = &PfxLsnConnectionDispatch;
				    return STATUS_SUCCESS;
				}

				""", l));
	}

	private void complete(CodeWriter w, WskListener l, DeferredCheck c) {
		w.comment(CTrace.from(c) + ", " + CModelText.ruleList(DriverFacts.rulesUsing(l, c))
				+ ": the driver's own logic reports the check's outcome.");
		w.line("_Use_decl_annotations_");
		w.line("NTSTATUS");
		w.line(n.checkComplete(l, c) + "(CONST WSK_INSPECT_ID *InspectId, BOOLEAN Accept)");
		w.line("{");
		w.indent();
		w.block("if (InspectId == NULL)", () -> w.line("return STATUS_INVALID_PARAMETER;"));
		w.line(n.expand("return Pfx_CompleteInspection(&PfxLsn, InspectId, ", l) + n.checkStart(l, c) + ",");
		w.line("                             Accept ? WskInspectAccept : WskInspectReject);");
		w.dedent();
		w.line("}");
		w.blank();
	}
}

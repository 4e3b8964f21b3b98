package org.wskstudio.wsk.generator.c;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.model.WskListener;

/**
 * Section 1 of the source: every callback declared with its role type (DRIVER_UNLOAD,
 * IO_COMPLETION_ROUTINE, KDEFERRED_ROUTINE, IO_WORKITEM_ROUTINE_EX, WSK_*_FN, the
 * listener-open type), then the paged-code pragmas.
 */
final class DeclarationsSection {

	private final DriverFacts facts;
	private final CNaming n;

	DeclarationsSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		w.section("1. role-typed forward declarations");
		List<String[]> decls = new ArrayList<>();
		decls.add(new String[] { "DRIVER_UNLOAD", n.function("Unload") });
		decls.add(new String[] { "IO_COMPLETION_ROUTINE", n.function("SyncIrpComplete") });
		if (facts.irp) {
			decls.add(new String[] { "IO_COMPLETION_ROUTINE", n.function("AcceptComplete") });
			decls.add(new String[] { "KDEFERRED_ROUTINE", n.function("RearmDpc") });
		}
		decls.add(new String[] { "IO_COMPLETION_ROUTINE", n.function("ConnectionCloseComplete") });
		if (facts.conditional) {
			decls.add(new String[] { "IO_COMPLETION_ROUTINE", n.function("InspectCompleteDone") });
			decls.add(new String[] { "KDEFERRED_ROUTINE", n.function("TimeoutDpc") });
		}
		if (facts.event) {
			decls.add(new String[] { "IO_WORKITEM_ROUTINE_EX", n.function("RecreateWorker") });
		}
		if (facts.receive) {
			decls.add(new String[] { "WSK_RECEIVE_EVENT_FN", n.function("ConnectionReceiveEvent") });
		}
		if (facts.disconnect) {
			decls.add(new String[] { "WSK_DISCONNECT_EVENT_FN", n.function("ConnectionDisconnectEvent") });
		}
		if (facts.sendBacklog) {
			decls.add(new String[] { "WSK_SEND_BACKLOG_EVENT_FN", n.function("ConnectionSendBacklogEvent") });
		}
		for (WskListener l : facts.listeners) {
			if (DriverFacts.isEvent(l)) {
				decls.add(new String[] { "WSK_ACCEPT_EVENT_FN", n.listenerFunction(l, "AcceptEvent") });
			}
			if (l.isConditionalAccept()) {
				decls.add(new String[] { "WSK_INSPECT_EVENT_FN", n.listenerFunction(l, "InspectEvent") });
				decls.add(new String[] { "WSK_ABORT_EVENT_FN", n.listenerFunction(l, "AbortEvent") });
			}
			decls.add(new String[] { n.macro("LISTENER_OPEN"), n.listenerFunction(l, "Open") });
		}
		int width = decls.stream().mapToInt(d -> d[0].length()).max().orElse(0) + 1;
		for (String[] d : decls) {
			w.line("static " + d[0] + " ".repeat(width - d[0].length()) + d[1] + ";");
		}
		w.blank();
		w.line("_IRQL_requires_(PASSIVE_LEVEL) static VOID " + n.function("Shutdown") + "(VOID);");
		w.blank();
		w.line("#ifdef ALLOC_PRAGMA");
		w.line("#pragma alloc_text(INIT, DriverEntry)");
		w.line("#pragma alloc_text(PAGE, " + n.function("Unload") + ")");
		w.line("#pragma alloc_text(PAGE, " + n.function("Shutdown") + ")");
		if (facts.event) {
			w.line("#pragma alloc_text(PAGE, " + n.function("RecreateWorker") + ")");
		}
		for (WskListener l : facts.listeners) {
			w.line("#pragma alloc_text(PAGE, " + n.listenerFunction(l, "Open") + ")");
		}
		w.line("#endif");
		w.blank();
	}
}

package org.wskstudio.wsk.generator.java;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ModelTrace;
import org.wskstudio.wsk.model.WskListener;

/**
 * Section 11: registration and teardown. DriverEntry initialises every listener (pure),
 * checks the rule tables, WskRegister, WskCaptureProviderNPI(WSK_INFINITE_WAIT), [static event
 * callbacks], starts the listeners; any failure runs the same Shutdown as unload: stop the
 * listeners, close the connections, drain every IRP, WskReleaseProviderNPI and WskDeregister
 * (each once, flag-guarded).
 */
final class RegistrationSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	RegistrationSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		String driverOrigin = JavaLiterals.string(ModelTrace.origin(facts.driver));
		w.section("11. DriverEntry / unload (" + JavaLiterals.of(facts.driver) + ")");
		if (facts.staticEvents) {
			StringBuilder mask = new StringBuilder("WSK_EVENT_ACCEPT");
			for (WskListener l : facts.eventListeners()) {
				mask.append(" | ").append(n.expand("PFX_LSN_CONNECTION_EVENTS", l));
			}
			w.doc("accept by event static: once per client, before any socket exists, no IRP; never disabled. The"
					+ " mask is the union over the listeners.");
			w.line(n.expand("static final int PFX_STATIC_EVENT_MASK = ") + mask + ";");
			w.blank();
			w.lines(n.expand("""
					private int Pfx_SetStaticEvents() {
					    return PfxProviderNpi.Dispatch.WskControlClient(PfxProviderNpi.Client, WSK_SET_STATIC_EVENT_CALLBACKS, 16,
					            new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, PFX_STATIC_EVENT_MASK), 0, null, null, null);
					}

					"""));
		}
		w.lines(n.expand("""
				/** Single teardown path (unload, and DriverEntry failure): listeners, connections, IRPs, NPI, registration. */
				private void Pfx_Shutdown() {
				"""));
		w.indent();
		for (WskListener l : facts.listeners) {
			w.line(n.expand("Pfx_ListenerStop(PfxLsn);", l));
		}
		w.lines(n.expand("""
				Pfx_ConnectionCloseAll();
				// Drop the bias; wait until every IRP is freed: after this no completion routine of this driver runs.
				if (--PfxIrpCount != 0) {
				    k.KeWaitForSingleObject(PfxIrpsDrained, Executive, KernelMode, FALSE, null);
				}
				if (PfxNpiCaptured) {
				    k.WskReleaseProviderNPI(PfxRegistration);
				    PfxNpiCaptured = FALSE;
				}
				if (PfxRegistered) {
				    k.WskDeregister(PfxRegistration);
				    PfxRegistered = FALSE;
				}
				"""));
		w.dedent();
		w.line("}");
		w.blank();
		w.doc(JavaLiterals.from(facts.driver));
		w.line("@Override");
		w.line("public void DriverUnload(Kernel Kernel) {");
		w.line("    try (var Scope = k.SimEnter(" + driverOrigin + ")) {");
		w.line(n.expand("        Pfx_Shutdown();"));
		w.line("    }");
		w.line("}");
		w.blank();
		w.doc(JavaLiterals.from(facts.driver));
		w.line("@Override");
		w.line("public int DriverEntry(Kernel Kernel) {");
		w.indent();
		w.line("k = Kernel;");
		w.line("try (var Scope = k.SimEnter(" + driverOrigin + ")) {");
		w.indent();
		w.lines(n.expand("""
				int Status = STATUS_SUCCESS;
				PfxIrpCount = 1;
				k.KeInitializeEvent(PfxIrpsDrained, NotificationEvent, FALSE);
				PfxConnectionsClosed = FALSE;
				"""));
		for (WskListener l : facts.listeners) {
			listenerInit(w, l);
		}
		for (WskListener l : facts.conditionalListeners()) {
			w.line("if (NT_SUCCESS(Status)) {");
			w.line(n.expand("    Status = PfxLsnRulesStatus;", l));
			w.line("}");
		}
		w.lines(n.expand("""
				if (NT_SUCCESS(Status)) {
				    k.SimTag(PfxRegistration, DRIVER);
				    Status = k.WskRegister(new WskClientNpi(null, PfxClientDispatch), PfxRegistration);
				}
				if (NT_SUCCESS(Status)) {
				    PfxRegistered = TRUE;
				    Status = k.WskCaptureProviderNPI(PfxRegistration, WSK_INFINITE_WAIT, PfxProviderNpi);
				}
				if (NT_SUCCESS(Status)) {
				    PfxNpiCaptured = TRUE;
				}
				""").replace("DRIVER", driverOrigin));
		if (facts.staticEvents) {
			w.comment("accept by event static: once for the client, before any socket exists");
			w.line("if (NT_SUCCESS(Status)) {");
			w.line(n.expand("    Status = Pfx_SetStaticEvents();"));
			w.line("}");
		}
		for (WskListener l : facts.listeners) {
			w.line("if (NT_SUCCESS(Status)) {");
			w.line(n.expand("    Status = Pfx_ListenerStart(PfxLsn);", l));
			w.line("}");
		}
		w.lines(n.expand("""
				if (!NT_SUCCESS(Status)) {
				    k.SimLog("Pfx: load failed " + NtStatus.name(Status));
				    Pfx_Shutdown();
				    return Status;
				}
				return STATUS_SUCCESS;
				"""));
		w.dedent();
		w.line("}");
		w.dedent();
		w.line("}");
	}

	private void listenerInit(JavaWriter w, WskListener l) {
		List<String> args = new ArrayList<>();
		args.add(n.expand("PfxLsn", l));
		args.add(JavaLiterals.string(l.getName()));
		args.add(JavaLiterals.string(ModelTrace.origin(l)));
		args.add(n.expand("this::PfxLsn_Open", l));
		args.add(n.expand("PfxLsnListenDispatch", l));
		args.add(n.expand("PfxLsnConnectionDispatch", l));
		args.add(n.expand("PFX_LSN_CONNECTION_EVENTS", l));
		if (facts.irp) {
			if (DriverFacts.isIrp(l)) {
				args.add(DriverFacts.reuseIrps(l) ? "TRUE" : "FALSE");
				args.add(n.expand("PfxLsnSlots", l));
			} else {
				args.add("FALSE");
				args.add("null");
			}
		}
		if (facts.conditional) {
			if (l.isConditionalAccept()) {
				args.add(n.expand("PfxLsnRules", l));
				args.add(n.expand("PfxLsnPending", l));
			} else {
				args.add("null");
				args.add("null");
			}
		}
		String head = n.expand("Pfx_ListenerInit(");
		StringBuilder line = new StringBuilder(head);
		int lineStart = 0;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i) + (i + 1 < args.size() ? ", " : ");");
			if (line.length() - lineStart + arg.length() > 96 && line.length() - lineStart > head.length()) {
				String done = line.toString().stripTrailing();
				line = new StringBuilder(done).append('\n').append("        ");
				lineStart = done.length() + 1;
			}
			line.append(arg);
		}
		w.lines(line.toString());
	}
}

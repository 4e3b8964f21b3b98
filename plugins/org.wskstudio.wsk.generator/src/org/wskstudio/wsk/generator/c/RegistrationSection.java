package org.wskstudio.wsk.generator.c;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.model.WskListener;

/**
 * Section 11 of the source: registration and teardown. DriverEntry initialises every
 * listener (pure, cannot fail), checks the rule tables, WskRegister,
 * WskCaptureProviderNPI(WSK_INFINITE_WAIT), [static event callbacks], starts the listeners;
 * any failure runs the same Shutdown as unload: stop listeners, close connections, drain
 * every IRP, WskReleaseProviderNPI and WskDeregister (each once, flag-guarded).
 */
final class RegistrationSection {

	private final DriverFacts facts;
	private final CNaming n;

	RegistrationSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		String from = CTrace.from(facts.driver);
		w.section("11. DriverEntry / unload (" + CTrace.of(facts.driver) + ")");
		if (facts.staticEvents) {
			staticEvents(w);
		}
		w.lines(n.expand("""
				/*
				 * Single teardown path (unload, and DriverEntry failure):
				 * listeners -> connections -> drain every IRP -> release NPI -> deregister.
				 */
				_Use_decl_annotations_
				static VOID
				Pfx_Shutdown(VOID)
				{
				    PAGED_CODE();

				"""));
		w.indent();
		for (WskListener l : facts.listeners) {
			w.line(n.expand("Pfx_ListenerStop(&PfxLsn);", l));
		}
		w.dedent();
		w.lines(n.expand("""
				    Pfx_ConnectionCloseAll();

				    /* Drop the bias; wait until every IRP (accept, control, close, inspect)
				     * is freed: after this no completion routine of this driver runs again. */
				    if (InterlockedDecrement(&PfxIrpCount) != 0) {
				        (VOID)KeWaitForSingleObject(&PfxIrpsDrained, Executive, KernelMode,
				                                    FALSE, NULL);
				    }

				    if (PfxNpiCaptured) {
				        WskReleaseProviderNPI(&PfxRegistration);
				        PfxNpiCaptured = FALSE;
				    }
				    if (PfxRegistered) {
				        WskDeregister(&PfxRegistration);
				        PfxRegistered = FALSE;
				    }
				}

				"""));
		w.comment(from);
		w.lines(n.expand("""
				_Use_decl_annotations_
				static VOID
				Pfx_Unload(PDRIVER_OBJECT DriverObject)
				{
				    UNREFERENCED_PARAMETER(DriverObject);
				    PAGED_CODE();

				    Pfx_Shutdown();
				}

				"""));
		w.comment(from);
		w.lines(n.expand("""
				_Use_decl_annotations_
				NTSTATUS
				DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
				{
				    WSK_CLIENT_NPI ClientNpi;
				    NTSTATUS Status = STATUS_SUCCESS;

				    UNREFERENCED_PARAMETER(RegistryPath);
				    PAGED_CODE();

				"""));
		w.indent();
		if (facts.event) {
			w.line(n.expand("PfxDriverObject = DriverObject;"));
		}
		w.lines(n.expand("""
				PfxIrpCount = 1;
				KeInitializeEvent(&PfxIrpsDrained, NotificationEvent, FALSE);
				InitializeListHead(&PfxConnections);
				KeInitializeSpinLock(&PfxConnectionLock);
				PfxConnectionsClosed = FALSE;

				"""));
		for (WskListener l : facts.listeners) {
			listenerInit(w, l);
		}
		w.blank();
		for (WskListener l : facts.conditionalListeners()) {
			w.block("if (NT_SUCCESS(Status))", () -> w.line(n.expand(
					"Status = Pfx_ValidateRules(PfxLsnRules, RTL_NUMBER_OF(PfxLsnRules));", l)));
		}
		w.lines(n.expand("""
				if (NT_SUCCESS(Status)) {
				    ClientNpi.ClientContext = NULL;
				    ClientNpi.Dispatch = &PfxClientDispatch;
				    Status = WskRegister(&ClientNpi, &PfxRegistration);
				}
				if (NT_SUCCESS(Status)) {
				    PfxRegistered = TRUE;
				    Status = WskCaptureProviderNPI(&PfxRegistration, WSK_INFINITE_WAIT,
				                                   &PfxProviderNpi);
				}
				if (NT_SUCCESS(Status)) {
				    PfxNpiCaptured = TRUE;
				}
				"""));
		if (facts.staticEvents) {
			w.comment("accept by event static: once for the client, before any socket exists");
			w.block("if (NT_SUCCESS(Status))", () -> w.line(n.expand("Status = Pfx_SetStaticEvents();")));
		}
		for (WskListener l : facts.listeners) {
			w.block("if (NT_SUCCESS(Status))", () -> w.line(n.expand("Status = Pfx_ListenerStart(&PfxLsn);", l)));
		}
		w.lines(n.expand("""
				if (!NT_SUCCESS(Status)) {
				    DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_ERROR_LEVEL,
				               "Pfx: load failed 0x%08lx\\n", (ULONG)Status);
				    Pfx_Shutdown();
				    return Status;
				}

				DriverObject->DriverUnload = Pfx_Unload;
				return STATUS_SUCCESS;
				"""));
		w.dedent();
		w.line("}");
	}

	private void listenerInit(CodeWriter w, WskListener l) {
		List<String> args = new ArrayList<>();
		args.add("&PfxLsn");
		args.add("NAME");
		args.add("PfxLsn_Open");
		args.add("&PfxLsnListenDispatch");
		args.add("&PfxLsnConnectionDispatch");
		args.add("PFX_LSN_CONNECTION_EVENTS");
		if (facts.irp) {
			if (DriverFacts.isIrp(l)) {
				args.add("PFX_LSN_REUSE_IRP");
				args.add("PfxLsnSlots");
				args.add("RTL_NUMBER_OF(PfxLsnSlots)");
			} else {
				args.add("FALSE");
				args.add("NULL");
				args.add("0");
			}
		}
		if (facts.conditional) {
			if (l.isConditionalAccept()) {
				args.add("PfxLsnPending");
				args.add("RTL_NUMBER_OF(PfxLsnPending)");
			} else {
				args.add("NULL");
				args.add("0");
			}
		}
		String head = n.expand("Pfx_ListenerInit(");
		StringBuilder line = new StringBuilder(head);
		String pad = " ".repeat(head.length());
		int lineStart = 0;
		for (int i = 0; i < args.size(); i++) {
			String value = args.get(i).equals("NAME") ? CLiterals.string(l.getName()) : n.expand(args.get(i), l);
			String arg = value + (i + 1 < args.size() ? ", " : ");");
			if (line.length() - lineStart + arg.length() > 76 && line.length() - lineStart > head.length()) {
				String done = line.toString().stripTrailing();
				line = new StringBuilder(done).append('\n').append(pad);
				lineStart = done.length() + 1;
			}
			line.append(arg);
		}
		w.lines(line.toString());
	}

	private void staticEvents(CodeWriter w) {
		StringBuilder mask = new StringBuilder("(WSK_EVENT_ACCEPT");
		for (WskListener l : facts.eventListeners()) {
			mask.append(" | ").append(n.expand("PFX_LSN_CONNECTION_EVENTS", l));
		}
		mask.append(")");
		w.comment("accept by event static (" + String.join(", ",
				facts.eventListeners().stream().map(l -> CTrace.of(l.getAcceptMode())).toList())
				+ "): once per client, before any socket exists, no IRP; never disabled.  The mask is the union"
				+ " over the listeners.");
		w.line(n.expand("#define PFX_STATIC_EVENT_MASK \\"));
		w.line("    " + mask);
		w.blank();
		w.lines(n.expand("""
				_IRQL_requires_(PASSIVE_LEVEL)
				static NTSTATUS
				Pfx_SetStaticEvents(VOID)
				{
				    WSK_EVENT_CALLBACK_CONTROL EventControl;

				    EventControl.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
				    EventControl.EventMask = PFX_STATIC_EVENT_MASK;
				    return PfxProviderNpi.Dispatch->WskControlClient(
				        PfxProviderNpi.Client, WSK_SET_STATIC_EVENT_CALLBACKS,
				        sizeof(EventControl), &EventControl, 0, NULL, NULL, NULL);
				}

				"""));
	}
}

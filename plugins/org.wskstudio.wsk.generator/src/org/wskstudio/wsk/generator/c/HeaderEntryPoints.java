package org.wskstudio.wsk.generator.c;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ListenerCounter;
import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.WskListener;

/**
 * The header's public entry points: the listener counters with {@code Pfx_QueryListenerCounters}
 * (defined in the source's {@link CountersSection}), {@code DriverEntry}, and per deferred check
 * the {@code Start*Check} hook the driver's own logic implements ({@link ChecksFile}) and the
 * {@code Complete*Check} function it calls with the outcome. Part of {@link CHeaderFile}.
 */
final class HeaderEntryPoints {

	private final DriverFacts facts;
	private final CNaming n;

	HeaderEntryPoints(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		counters(w);
		w.line("DRIVER_INITIALIZE DriverEntry;");
		w.blank();
		checkEntryPoints(w);
	}

	/** The counters each listener keeps, and the query a real driver calls from an IOCTL or a debugger. */
	private void counters(CodeWriter w) {
		StringBuilder meaning = new StringBuilder("What each listener counts.  Every counter is incremented"
				+ " once per connection request, where its outcome is final for the driver, so a debugger or a"
				+ " support log shows what became of the listener's connections (the WSK simulator checks them"
				+ " against its own outcomes).");
		StringBuilder b = new StringBuilder(n.expand("typedef struct _PFX_LISTENER_COUNTERS {\n"));
		for (ListenerCounter c : ListenerCounter.values()) {
			meaning.append("\n").append(c.field()).append(": ").append(c.meaning())
					.append(c.keptBy(facts) ? "." : " (not kept by this driver: 0).");
			b.append("    ULONG ").append(c.field()).append(";\n");
		}
		b.append(n.expand("} PFX_LISTENER_COUNTERS, *PPFX_LISTENER_COUNTERS;\n"));
		w.comment(meaning.toString());
		w.lines(b.toString());
		w.blank();
		StringBuilder names = new StringBuilder();
		for (int i = 0; i < facts.listeners.size(); i++) {
			names.append(i == 0 ? "" : ", ").append(i).append(' ').append(facts.listeners.get(i).getName());
		}
		w.comment("ListenerIndex of " + n.function(ListenerCounter.QUERY_FUNCTION) + ": the model's listeners in"
				+ " order (" + names + ").");
		w.line("#define " + n.macro("LISTENER_COUNT") + " " + facts.listeners.size());
		w.blank();
		w.comment("Copies one listener's counters (each read atomically) and, if Name is not NULL, its model name."
				+ "  STATUS_INVALID_PARAMETER for an index of " + n.macro("LISTENER_COUNT") + " or more.");
		w.lines(n.expand("""
				_IRQL_requires_max_(DISPATCH_LEVEL)
				NTSTATUS
				Pfx_QueryListenerCounters(
				    _In_ ULONG ListenerIndex,
				    _Out_ PPFX_LISTENER_COUNTERS Counters,
				    _Outptr_opt_result_z_ PCSTR *Name);
				"""));
		w.blank();
	}

	private void checkEntryPoints(CodeWriter w) {
		for (WskListener l : facts.listeners) {
			for (DeferredCheck c : DriverFacts.checks(l)) {
				w.comment(CTrace.from(c) + ", used by " + CModelText.ruleList(DriverFacts.rulesUsing(l, c))
						+ ": the driver's own logic starts the check in " + n.checkStart(l, c) + " ("
						+ n.checksFile() + ") and reports its outcome with " + n.checkComplete(l, c)
						+ ".  <= DISPATCH_LEVEL.  Returns STATUS_SUCCESS if the decision was applied, STATUS_NOT_FOUND"
						+ " if the inspection is no longer pending (aborted, timed out, decided), STATUS_DEVICE_NOT_READY"
						+ " while the listener is closing.");
				w.line(n.expand("PFX_CHECK_START ") + n.checkStart(l, c) + ";");
				w.blank();
				w.line("_IRQL_requires_max_(DISPATCH_LEVEL)");
				w.line("NTSTATUS");
				w.line(n.checkComplete(l, c) + "(");
				w.line("    _In_ CONST WSK_INSPECT_ID *InspectId,");
				w.line("    _In_ BOOLEAN Accept);");
				w.blank();
			}
		}
	}
}

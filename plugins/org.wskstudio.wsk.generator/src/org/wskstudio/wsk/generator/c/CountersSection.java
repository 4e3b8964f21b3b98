package org.wskstudio.wsk.generator.c;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ListenerCounter;

/**
 * Section 10 of the source: {@code Pfx_QueryListenerCounters}, which copies a listener's
 * counters (their meaning is written once, in {@link ListenerCounter}, and in the header) for an
 * IOCTL handler, a debugger extension or the simulator. Listeners are numbered in model order.
 */
final class CountersSection {

	private final DriverFacts facts;
	private final CNaming n;

	CountersSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		w.section("10. listener counters");
		w.comment("ListenerIndex -> listener, in model order (" + n.macro("LISTENER_COUNT") + " entries).");
		w.line(n.expand("static PFX_LISTENER *CONST PfxListeners[PFX_LISTENER_COUNT] = {"));
		w.line("    " + facts.listeners.stream().map(l -> n.expand("&PfxLsn", l)).collect(Collectors.joining(", ")));
		w.line("};");
		w.blank();
		w.lines(n.expand("""
				_Use_decl_annotations_
				NTSTATUS
				Pfx_QueryListenerCounters(ULONG ListenerIndex, PPFX_LISTENER_COUNTERS Counters, PCSTR *Name)
				{
				    PPFX_LISTENER Listener;

				    RtlZeroMemory(Counters, sizeof(*Counters));
				    if (Name != NULL) {
				        *Name = NULL;
				    }
				    if (ListenerIndex >= PFX_LISTENER_COUNT) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    Listener = PfxListeners[ListenerIndex];
				"""));
		w.indent();
		for (ListenerCounter c : ListenerCounter.kept(facts)) {
			w.line("Counters->" + c.field() + " = (ULONG)InterlockedCompareExchange(&Listener->" + c.member()
					+ ", 0, 0);");
		}
		w.dedent();
		w.lines("""
				    if (Name != NULL) {
				        *Name = Listener->Name;     /* set by DriverEntry */
				    }
				    return STATUS_SUCCESS;
				}

				""");
	}
}

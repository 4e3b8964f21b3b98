package org.wskstudio.wsk.generator.java;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ListenerCounter;

/**
 * Section 10: {@code Pfx_QueryListenerCounters}, the C's query function with the same name and
 * arguments (the structure as a class of {@code long}s for the C's ULONGs, the name as a one-element
 * array for the C's {@code PCSTR *}), and the {@code SimDriver.listenerCounters()} that reports
 * every listener's counters to the simulator through it.
 */
final class CountersSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	CountersSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		w.section("10. listener counters");
		StringBuilder meaning = new StringBuilder(n.expand("PFX_LISTENER_COUNTERS: what each listener counts, once per"
				+ " connection request where its outcome is final for the driver."));
		for (ListenerCounter c : ListenerCounter.values()) {
			meaning.append('\n').append(c.field()).append(": ").append(c.meaning())
					.append(c.keptBy(facts) ? "." : " (not kept by this driver: 0).");
		}
		w.doc(meaning.toString());
		w.line("static final class ListenerCounters {");
		for (ListenerCounter c : ListenerCounter.values()) {
			w.line("    long " + c.field() + ";");
		}
		w.line("}");
		w.blank();
		w.doc("ListenerIndex of " + n.function(ListenerCounter.QUERY_FUNCTION) + ": the model's listeners in order.");
		w.line(n.expand("static final int PFX_LISTENER_COUNT = ") + facts.listeners.size() + ";");
		w.blank();
		w.doc(n.expand("Copies one listener's counters and, if Name is not null, its model name into Name[0]."
				+ " STATUS_INVALID_PARAMETER for an index of PFX_LISTENER_COUNT or more."));
		w.lines(n.expand("""
				public int Pfx_QueryListenerCounters(int ListenerIndex, ListenerCounters Counters, String[] Name) {
				    Counters.Accepted = Counters.Rejected = Counters.Declined = 0;
				    Counters.Pended = Counters.TimedOut = Counters.Aborted = 0;
				    if (Name != null) {
				        Name[0] = null;
				    }
				    if (ListenerIndex < 0 || ListenerIndex >= PFX_LISTENER_COUNT) {
				        return STATUS_INVALID_PARAMETER;
				    }
				"""));
		w.indent();
		w.line("Listener Listener = new Listener[] { "
				+ facts.listeners.stream().map(l -> n.expand("PfxLsn", l)).collect(Collectors.joining(", "))
				+ " }[ListenerIndex];");
		for (ListenerCounter c : ListenerCounter.kept(facts)) {
			w.line("Counters." + c.field() + " = Integer.toUnsignedLong(Listener." + c.member() + ");");
		}
		w.dedent();
		w.lines("""
				    if (Name != null) {
				        Name[0] = Listener.Name;                // set by DriverEntry
				    }
				    return STATUS_SUCCESS;
				}

				""");
		w.doc("For the simulator's rule COUNTER_MISMATCH: every listener's counters, read with "
				+ n.function(ListenerCounter.QUERY_FUNCTION) + " (only those this driver keeps).");
		w.lines(n.expand("""
				@Override
				public java.util.List<org.wskstudio.wsk.sim.net.ListenerCounters> listenerCounters() {
				    java.util.List<org.wskstudio.wsk.sim.net.ListenerCounters> All = new ArrayList<>();
				    for (int Index = 0; Index < PFX_LISTENER_COUNT; Index++) {
				        ListenerCounters Counters = new ListenerCounters();
				        String[] Name = new String[1];
				        if (!NT_SUCCESS(Pfx_QueryListenerCounters(Index, Counters, Name)) || Name[0] == null) {
				            continue;
				        }
				        java.util.Map<org.wskstudio.wsk.sim.net.DriverCounter, Long> Values =
				                new java.util.EnumMap<>(org.wskstudio.wsk.sim.net.DriverCounter.class);
				"""));
		w.indent();
		w.indent();
		for (ListenerCounter c : ListenerCounter.kept(facts)) {
			w.line("Values.put(org.wskstudio.wsk.sim.net.DriverCounter." + c.name() + ", Counters." + c.field() + ");");
		}
		w.dedent();
		w.dedent();
		w.lines("""
				        All.add(new org.wskstudio.wsk.sim.net.ListenerCounters(Name[0], Values));
				    }
				    return All;
				}

				""");
	}
}

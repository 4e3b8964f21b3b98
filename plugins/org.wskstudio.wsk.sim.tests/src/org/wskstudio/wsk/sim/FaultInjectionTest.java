package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.rules.InspectRulesTestAccess;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig.AcceptMode;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.trace.TraceEvent;

/** Allocation failures and listener failure. */
class FaultInjectionTest {

	@Test
	void nthIrpAllocationFails() {
		Scenario s = new Scenario("irp").failIrpAllocation(2);
		ScenarioResult r = run(s, new ListenerDriver());
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("IoAllocateIrp")).extracting(TraceEvent::result)
				.containsSequence("irp#1", "NULL (fault injected: allocation #2)");
		assertThat(r.driverEntryStatus()).isEqualTo(NtStatus.STATUS_INSUFFICIENT_RESOURCES);
		clean(r);
	}

	@Test
	void failedPendingEntryAllocationRejectsInsteadOfPending() {
		Scenario s = new Scenario("pool").failPoolAllocation(1);
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		ScenarioResult r = run(s, new ListenerDriver(InspectRulesTestAccess.conditional()));
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.REJECTED);
		assertThat(r.requests().get(0).wasPended()).isFalse();
	}

	@Test
	void listenerFailureInEventModeCallsAcceptEventWithNullSocket() {
		Scenario s = new Scenario("fail").failListener("Public", ms(5));
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		s.connect(ms(6), "198.51.100.2:5000", "Public");
		ListenerDriver d = new ListenerDriver();
		ScenarioResult r = run(s, d);
		clean(r);
		assertThat(d.listenerDead()).isTrue();
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("WskAcceptEvent")).extracting(TraceEvent::details)
				.anyMatch(x -> x.contains("AcceptSocket=NULL"));
		assertThat(r.requests()).extracting(x -> x.outcome()).containsExactly(RequestOutcome.ACCEPTED,
				RequestOutcome.REFUSED);
	}

	@Test
	void listenerFailureInConditionalModeCallsInspectEventWithNullIdAndAbortsPended() {
		Scenario s = new Scenario("fail").failListener("Public", ms(5));
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		ListenerDriver d = new ListenerDriver(InspectRulesTestAccess.conditional());
		ScenarioResult r = run(s, d);
		clean(r);
		assertThat(d.listenerDead()).isTrue();
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ABORTED);
		assertThat(r.trace().events()).extracting(TraceEvent::kind).containsSubsequence("ListenerFailure",
				"WskAbortEvent", "WskInspectEvent");
	}

	@Test
	void listenerFailureCompletesQueuedAcceptIrpsWithAnError() {
		Scenario s = new Scenario("fail").failListener("Public", ms(5));
		ScenarioResult r = run(s, new ListenerDriver(new ListenerConfig().mode(AcceptMode.IRP).irpQueue(2, true)));
		clean(r);
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("IoCompletion"))
				.extracting(TraceEvent::details).filteredOn(x -> x.contains("WskAccept"))
				.hasSize(2).allMatch(x -> x.contains("STATUS_FILE_FORCED_CLOSED"));
	}

	@Test
	void seededFaultProbabilitiesAreRepeatable() {
		Scenario s = new Scenario("random faults").seed(3).poolFailureProbability(0.3);
		for (int i = 0; i < 50; i++) {
			s.connect(ms(1 + i), "198.51.100." + (i + 1) + ":5000", "Public");
		}
		ScenarioResult a = run(s, new ListenerDriver());
		ScenarioResult b = run(s, new ListenerDriver());
		clean(a);
		assertThat(a.summary().count(RequestOutcome.RESET)).isBetween(5, 30);
		assertThat(a.jsonLines()).isEqualTo(b.jsonLines());
	}
}

package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.core.VirtualTime.s;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.rules.InspectRulesTestAccess;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig.AcceptMode;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;

/** The conditional-accept flow: inspect, pend, complete, time out, abort. */
class ConditionalAcceptTest {

	private static ListenerConfig conditional() {
		return InspectRulesTestAccess.conditional();
	}

	@Test
	void pendThenCompleteAcceptEstablishesAfterTheAnswer() {
		Scenario s = new Scenario("pend accept");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		s.deferredCheckAnswer("Reputation", true, ms(300));
		ScenarioResult r = run(s, new ListenerDriver(conditional()));
		clean(r);
		var req = r.requests().get(0);
		assertThat(req.outcome()).isEqualTo(RequestOutcome.PENDED_THEN_ACCEPTED);
		assertThat(req.decidedAt()).isEqualTo(ms(301)); // answer + 1 ms handshake
		assertThat(r.trace().events()).extracting(TraceEvent::kind).containsSubsequence("WskInspectEvent",
				"KeSetTimer", "CheckQuery", "CheckAnswer", "KeCancelTimer", "WskInspectComplete", "IoCompletion",
				"WskAcceptEvent");
	}

	@Test
	void pendThenCompleteRejectRejects() {
		Scenario s = new Scenario("pend reject");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		s.deferredCheckAnswer("Reputation", false, ms(300));
		ScenarioResult r = run(s, new ListenerDriver(conditional()));
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.REJECTED);
		assertThat(r.requests().get(0).wasPended()).isTrue();
	}

	@Test
	void pendWithoutAnswerTimesOutThroughTheDriversTimer() {
		Scenario s = new Scenario("pend timeout");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		s.deferredCheckAnswer("Reputation", true, ms(900)); // too late
		ScenarioResult r = run(s, new ListenerDriver(conditional()));
		clean(r);
		var req = r.requests().get(0);
		assertThat(req.outcome()).isEqualTo(RequestOutcome.TIMED_OUT);
		assertThat(req.decidedAt()).isEqualTo(ms(502));
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("CheckAnswer")).extracting(TraceEvent::details)
				.containsExactly("Reputation for [2001:db8::5]:1234 answers accept"); // the driver ignores it
	}

	@Test
	void timeoutDefaultCanAccept() {
		ListenerConfig cfg = conditional();
		cfg.timeoutAccepts = true;
		Scenario s = new Scenario("timeout accepts");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		ScenarioResult r = run(s, new ListenerDriver(cfg));
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.PENDED_THEN_ACCEPTED);
	}

	@Test
	void abortDuringPendCallsWskAbortEventWithAFreshEqualId() {
		List<WskInspectId> seen = new ArrayList<>();
		ListenerDriver d = new ListenerDriver(conditional()) {
			@Override
			protected WskInspectAction inspectEvent(Object sc, SockAddr l, SockAddr rem, WskInspectId id) {
				seen.add(id);
				return super.inspectEvent(sc, l, rem, id);
			}

			@Override
			protected int abortEvent(Object sc, WskInspectId id) {
				seen.add(id);
				return super.abortEvent(sc, id);
			}
		};
		Scenario s = new Scenario("abort");
		s.connect(ms(3), "[2001:db8::6]:1234", "Public", ms(10));
		s.deferredCheckAnswer("Reputation", true, ms(300));
		ScenarioResult r = run(s, d);
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ABORTED);
		assertThat(r.requests().get(0).decidedAt()).isEqualTo(ms(10));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isNotSameAs(seen.get(1)).isEqualTo(seen.get(1));
		assertThat(d.pendingCount()).isZero();
	}

	@Test
	void dropAfterInspectAcceptButBeforeEstablishmentAborts() {
		Scenario s = new Scenario("accept then drop");
		s.connect(ms(3), "192.168.1.10:4000", "Public", ms(3) + 500);
		ScenarioResult r = run(s, new ListenerDriver(conditional()));
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ABORTED);
		assertThat(r.trace().events()).extracting(TraceEvent::kind).contains("WskAbortEvent");
	}

	@Test
	void remoteGivesUpOnALongPendedInspection() {
		ListenerConfig cfg = conditional();
		cfg.pendTimeoutMs = 0;
		Scenario s = new Scenario("remote gives up");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		ScenarioResult r = run(s, new ListenerDriver(cfg));
		clean(r);
		var req = r.requests().get(0);
		assertThat(req.outcome()).isEqualTo(RequestOutcome.ABORTED);
		assertThat(req.decidedAt()).isEqualTo(ms(2) + s(21));
		assertThat(req.reason()).contains("gave up");
	}

	@Test
	void inspectKeysAreReusedWithNewSerialNumbers() {
		List<WskInspectId> ids = new ArrayList<>();
		ListenerDriver d = new ListenerDriver(conditional()) {
			@Override
			protected WskInspectAction inspectEvent(Object sc, SockAddr l, SockAddr rem, WskInspectId id) {
				ids.add(new WskInspectId(id));
				return super.inspectEvent(sc, l, rem, id);
			}
		};
		Scenario s = new Scenario("keys");
		s.connect(ms(1), "10.0.0.1:1000", "Public");
		s.connect(ms(2), "10.0.0.2:1000", "Public");
		clean(run(s, d));
		assertThat(ids.get(0).Key).isEqualTo(ids.get(1).Key);
		assertThat(ids.get(0).SerialNumber).isNotEqualTo(ids.get(1).SerialNumber);
	}

	@Test
	void conditionalAcceptWithIrpDelivery() {
		ListenerConfig cfg = conditional().mode(AcceptMode.IRP).irpQueue(1, true);
		Scenario s = new Scenario("irp");
		s.connect(ms(1), "192.168.1.10:4000", "Public");
		s.connect(ms(2), "192.168.1.11:4000", "Public");
		ScenarioResult r = run(s, new ListenerDriver(cfg));
		clean(r);
		assertThat(r.summary().accepted()).isEqualTo(2);
	}
}

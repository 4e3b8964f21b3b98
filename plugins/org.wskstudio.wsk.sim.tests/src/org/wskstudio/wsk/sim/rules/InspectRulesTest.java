package org.wskstudio.wsk.sim.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.wsk.WskInspectAction.*;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.testdrivers.PointerCompareDriver;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;

/** Conditional-accept rules: WskInspectComplete use, inspect-ID handling, pended inspections. */
class InspectRulesTest {

	/** Pend 2001:db8::/32 with check Reputation and a 500 ms timeout; reject 10/8; accept the rest. */
	static ListenerConfig conditional() {
		return new ListenerConfig().bind("[::]:40007").dualStack().conditional("10.0.0.0/8", "2001:db8::/32", "Reputation",
				500);
	}

	/** The WSKL sketch's scenario. */
	static Scenario burst() {
		Scenario s = new Scenario("Burst").seed(7);
		s.connect(ms(0), "10.1.2.3:5555", "Public");
		s.connect(ms(1), "192.168.1.10:4000", "Public");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		s.deferredCheckAnswer("Reputation", true, ms(300));
		s.connect(ms(3), "[2001:db8::6]:1234", "Public", ms(10));
		return s;
	}

	@Test
	void correctConditionalDriverKeepsEveryRule() {
		Scenario s = burst().expectRejected(0).expectAccepted(1).expectPended(2)
				.expectOutcome(2, RequestOutcome.PENDED_THEN_ACCEPTED).expectAborted(3).expectNoViolations();
		ScenarioResult r = run(s, new ListenerDriver(conditional()));
		assertThat(r.failedExpectations()).as(r.report()).isEmpty();
	}

	@Test
	void completingWithPendIsReported() {
		ListenerDriver bad = new ListenerDriver(conditional()) {
			@Override
			protected void completeInspection(Pending p, WskInspectAction action) {
				super.completeInspection(p, WskInspectPend);
			}
		};
		Violation v = single(run(burst(), bad), "INSPECT_COMPLETE_ACTION");
		assertThat(v.time()).isEqualTo(ms(300));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("WskInspectPend");
	}

	@Test
	void completingAnUnknownIdIsReported() {
		ListenerDriver bad = new ListenerDriver(conditional()) {
			@Override
			protected WskInspectId copyInspectId(WskInspectId id) {
				return new WskInspectId(id.Key, id.SerialNumber + 1); // copied wrongly
			}
		};
		Scenario s = new Scenario("one pend");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		s.deferredCheckAnswer("Reputation", true, ms(300));
		Violation v = single(run(s, bad), "INSPECT_COMPLETE_UNKNOWN");
		assertThat(v.time()).isEqualTo(ms(300));
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void pointerComparisonIsCaughtWhenTheDriverLaterCompletesTheAbortedInspection() {
		Scenario s = new Scenario("abort then timeout");
		s.connect(ms(3), "[2001:db8::6]:1234", "Public", ms(10));
		ScenarioResult r = run(s, new PointerCompareDriver(conditional()));
		Violation v = single(r, "INSPECT_COMPLETE_ABORTED");
		assertThat(v.time()).isEqualTo(ms(503)); // the driver's 500 ms timer fired
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("aborted at 10 ms").contains("not pointers");
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ABORTED);
	}

	@Test
	void pointerComparisonIsCaughtWhenTheEntryIsNeverRemoved() {
		ListenerConfig cfg = conditional();
		cfg.pendTimeoutMs = 0;
		cfg.check = null;
		Scenario s = new Scenario("abort, nothing else");
		s.connect(ms(3), "[2001:db8::6]:1234", "Public", ms(10));
		ScenarioResult r = run(s, new PointerCompareDriver(cfg));
		Violation v = single(r, "INSPECT_ENTRY_NOT_REMOVED");
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.time()).isEqualTo(ms(10));
		assertThat(v.message()).contains("Pending").contains("comparing Key and SerialNumber");
		assertThat(violations(r, "POOL_LEAK")).isEmpty(); // reported once, as the inspection entry
	}

	@Test
	void contentComparisonReleasesTheEntryOnAbort() {
		ListenerConfig cfg = conditional();
		cfg.pendTimeoutMs = 0;
		cfg.check = null;
		Scenario s = new Scenario("abort, nothing else");
		s.connect(ms(3), "[2001:db8::6]:1234", "Public", ms(10));
		ListenerDriver good = new ListenerDriver(cfg);
		ScenarioResult r = run(s, good);
		clean(r);
		assertThat(good.pendingCount()).isZero();
	}

	@Test
	void completingTwiceIsReported() {
		ListenerDriver bad = new ListenerDriver(conditional()) {
			@Override
			protected void completeInspection(Pending p, WskInspectAction action) {
				super.completeInspection(p, action);
				Irp second = k.IoAllocateIrp(1, false);
				k.IoSetCompletionRoutine(second, (d, irp, c) -> {
					k.IoFreeIrp(irp);
					return org.wskstudio.wsk.sim.nt.NtStatus.STATUS_MORE_PROCESSING_REQUIRED;
				}, null, true, true, true);
				((WskProviderListenDispatch) listenSocket.Dispatch).WskInspectComplete(listenSocket, p.id, action,
						second);
			}

			@Override
			protected int inspectCompleteDone(Object dev, Irp irp, Object ctx) {
				k.IoFreeIrp(irp);
				return org.wskstudio.wsk.sim.nt.NtStatus.STATUS_MORE_PROCESSING_REQUIRED;
			}
		};
		ScenarioResult r = run(burst(), bad);
		Violation v = single(r, "INSPECT_COMPLETE_TWICE");
		assertThat(v.time()).isEqualTo(ms(300));
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void keepingTheCallbacksIdPointerIsReported() {
		ListenerDriver bad = new ListenerDriver(conditional()) {
			@Override
			protected WskInspectId copyInspectId(WskInspectId id) {
				return id; // PendingInspectID = InspectID (the pointer, not *InspectID)
			}
		};
		ScenarioResult r = run(burst(), bad);
		Violation v = single(r, "INSPECT_ID_NOT_COPIED");
		assertThat(v.time()).isEqualTo(ms(300));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("copy the contents");
	}

	@Test
	void inspectionStillPendedWhenTheRunEndsIsReported() {
		ListenerConfig cfg = conditional();
		cfg.pendTimeoutMs = 0;
		Scenario s = new Scenario("never answered");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		ScenarioResult r = run(s, new ListenerDriver(cfg), new SimConfig().endTime(ms(100)));
		Violation v = single(r, "INSPECT_PENDING_AT_END");
		assertThat(v.time()).isEqualTo(ms(100));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("WskInspectComplete was never called");
	}

	@Test
	void driverTimeoutCompletesEveryPendedInspection() {
		Scenario s = new Scenario("answered by timeout");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		ScenarioResult r = run(s, new ListenerDriver(conditional()), new SimConfig().endTime(ms(600)));
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.TIMED_OUT);
	}

	@Test
	void invalidInspectEventActionIsReported() {
		ListenerDriver bad = new ListenerDriver(conditional()) {
			@Override
			protected WskInspectAction inspectEvent(Object sc, SockAddr l, SockAddr rem, WskInspectId id) {
				return WskInspectMax;
			}
		};
		Scenario s = new Scenario("max");
		s.connect(ms(1), "192.168.1.10:4000", "Public");
		ScenarioResult r = run(s, bad);
		Violation v = single(r, "INSPECT_EVENT_ACTION");
		assertThat(v.time()).isEqualTo(ms(1));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.REJECTED);
	}

	@Test
	void acceptingTheNullInspectIdOfAFailedListenerIsReported() {
		ListenerDriver bad = new ListenerDriver(conditional()) {
			@Override
			protected WskInspectAction inspectEvent(Object sc, SockAddr l, SockAddr rem, WskInspectId id) {
				return id == null ? WskInspectAccept : super.inspectEvent(sc, l, rem, id);
			}
		};
		Scenario s = new Scenario("failure").failListener("Public", ms(5));
		Violation v = single(run(s, bad), "INSPECT_EVENT_ACTION");
		assertThat(v.time()).isEqualTo(ms(5));
		assertThat(v.message()).contains("InspectID == NULL");
	}
}

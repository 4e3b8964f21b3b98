package org.wskstudio.wsk.sim.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** Callback contracts: WskAcceptEvent out-parameters and status, WskAbortEvent status, missing callbacks. */
class CallbackRulesTest {

	private static Scenario one() {
		Scenario s = new Scenario("one");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		return s;
	}

	@Test
	void acceptEventSettingBothOutParametersIsClean() {
		ScenarioResult r = run(one(), new ListenerDriver());
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ACCEPTED);
	}

	@Test
	void acceptEventSettingANullDispatchExplicitlyIsClean() {
		ListenerConfig cfg = new ListenerConfig();
		cfg.enableConnectionEvents = false;
		ListenerDriver d = new ListenerDriver(cfg) {
			@Override
			protected int acceptEvent(Object sc, int f, SockAddr l, SockAddr rem, WskSocket as, AcceptSocketContext c,
					AcceptSocketDispatch disp) {
				int st = super.acceptEvent(sc, f, l, rem, as, c, disp);
				disp.set(null); // no event callbacks will be enabled on the accepted socket
				return st;
			}
		};
		clean(run(one(), d));
	}

	@Test
	void acceptEventNotSettingTheDispatchIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int acceptEvent(Object sc, int f, SockAddr l, SockAddr rem, WskSocket as, AcceptSocketContext c,
					AcceptSocketDispatch disp) {
				ConnContext ctx = k.ExAllocatePoolWithTag(PoolType.NonPagedPoolNx, new ConnContext(), TAG);
				ctx.socket = as;
				connections.add(ctx);
				c.set(ctx); // forgets *AcceptSocketDispatch
				return STATUS_SUCCESS;
			}
		};
		Violation v = single(run(one(), bad), "ACCEPT_EVENT_OUT_PARAMS");
		assertThat(v.time()).isEqualTo(ms(2));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("*AcceptSocketDispatch").doesNotContain("*AcceptSocketContext and");
	}

	@Test
	void acceptEventReturningAnotherStatusIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int acceptEvent(Object sc, int f, SockAddr l, SockAddr rem, WskSocket as, AcceptSocketContext c,
					AcceptSocketDispatch disp) {
				return STATUS_INSUFFICIENT_RESOURCES;
			}
		};
		ScenarioResult r = run(one(), bad);
		Violation v = single(r, "ACCEPT_EVENT_STATUS");
		assertThat(v.time()).isEqualTo(ms(2));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.RESET);
	}

	@Test
	void abortEventMustReturnSuccess() {
		ListenerConfig cfg = InspectRulesTest.conditional();
		ListenerDriver bad = new ListenerDriver(cfg) {
			@Override
			protected int abortEvent(Object sc, WskInspectId id) {
				super.abortEvent(sc, id);
				return STATUS_UNSUCCESSFUL;
			}
		};
		Scenario s = new Scenario("abort");
		s.connect(ms(3), "[2001:db8::6]:1234", "Public", ms(10));
		Violation v = single(run(s, bad), "ABORT_EVENT_STATUS");
		assertThat(v.time()).isEqualTo(ms(10));
		assertThat(v.element()).isEqualTo("Public");
		clean(run(s, new ListenerDriver(cfg)));
	}

	@Test
	void conditionalAcceptWithoutInspectCallbackIsReported() {
		ListenerConfig cfg = InspectRulesTest.conditional();
		Scenario s = one();
		ScenarioResult r = run(s, new MissingInspectDriver(cfg));
		Violation v = single(r, "CALLBACK_MISSING");
		assertThat(v.time()).isEqualTo(ms(1));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("no WskInspectEvent");
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.REFUSED);
	}

	/** Creates its listener with a dispatch table that lacks WskInspectEvent. */
	static final class MissingInspectDriver extends ListenerDriver {
		MissingInspectDriver(ListenerConfig cfg) {
			super(cfg);
		}

		@Override
		protected WskClientListenDispatch listenDispatch() {
			return new WskClientListenDispatch(this::acceptEvent, null, this::abortEvent);
		}
	}
}

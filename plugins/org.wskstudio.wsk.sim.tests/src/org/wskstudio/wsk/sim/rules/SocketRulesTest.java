package org.wskstudio.wsk.sim.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;
import static org.wskstudio.wsk.sim.wsk.WskControlSocketType.WskSetOption;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig.AcceptMode;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** Socket rules: option order relative to bind, IRP presence, use after close, static callbacks timing. */
class SocketRulesTest {

	private static Scenario pendOne() {
		Scenario s = new Scenario("pend");
		s.connect(ms(1), "[2001:db8::5]:1234", "Public");
		return s;
	}

	@Test
	void optionsSetBeforeBindAreClean() {
		ListenerConfig cfg = InspectRulesTest.conditional();
		cfg.reuseAddress = true;
		ScenarioResult r = run(pendOne(), new ListenerDriver(cfg));
		clean(r);
		assertThat(r.requests().get(0).wasPended()).isTrue();
	}

	@Test
	void conditionalAcceptAfterBindIsReportedAndIgnored() {
		ListenerConfig cfg = InspectRulesTest.conditional();
		ListenerDriver bad = new ListenerDriver(cfg) {
			@Override
			protected int setOptionsBeforeBind(WskProviderListenDispatch d) {
				return STATUS_SUCCESS;
			}

			@Override
			protected int startAccepting(WskProviderListenDispatch d) {
				syncCall(irp -> d.WskControlSocket(listenSocket, WskSetOption, SO_CONDITIONAL_ACCEPT, SOL_SOCKET, 1,
						irp));
				syncCall(irp -> d.WskControlSocket(listenSocket, WskSetOption, IPV6_V6ONLY, IPPROTO_IPV6, 0, irp));
				return super.startAccepting(d);
			}
		};
		ScenarioResult r = run(pendOne(), bad);
		assertThat(violations(r, "OPTION_AFTER_BIND")).hasSize(2).allSatisfy(v -> {
			assertThat(v.time()).isZero();
			assertThat(v.element()).isEqualTo("Public");
		});
		assertThat(violations(r, "OPTION_AFTER_BIND").get(0).message()).contains("SO_CONDITIONAL_ACCEPT");
		// Not conditional and still IPv6-only: the IPv6 request is accepted without inspection.
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ACCEPTED);
	}

	@Test
	void acceptEventEnabledBeforeBindIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int setOptionsBeforeBind(WskProviderListenDispatch d) {
				d.WskControlSocket(listenSocket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
						new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT), null);
				return STATUS_SUCCESS;
			}
		};
		Violation v = single(run(pendOne(), bad), "OPTION_BEFORE_BIND");
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void eventCallbackEnabledWithAnIrpOrOptionWithoutIrpIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int startAccepting(WskProviderListenDispatch d) {
				d.WskControlSocket(listenSocket, WskSetOption, SO_REUSEADDR, SOL_SOCKET, 1, null);
				return syncCall(irp -> d.WskControlSocket(listenSocket, WskSetOption, SO_WSK_EVENT_CALLBACK,
						SOL_SOCKET, new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT), irp));
			}
		};
		ScenarioResult r = run(pendOne(), bad);
		assertThat(violations(r, "OPTION_IRP")).hasSize(2);
		assertThat(violations(r, "OPTION_IRP").get(0).message()).contains("needs an IRP");
		assertThat(violations(r, "OPTION_IRP").get(1).message()).contains("takes no IRP");
	}

	@Test
	void optionOnAClosedSocketIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			public void DriverUnload(Kernel kernel) {
				WskSocket s = listenSocket;
				super.DriverUnload(kernel);
				s.Dispatch.WskControlSocket(s, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
						new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT | WSK_EVENT_DISABLE), null);
			}
		};
		ScenarioResult r = run(pendOne(), bad);
		Violation v = single(r, "SOCKET_CLOSED_USE");
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("after WskCloseSocket");
	}

	@Test
	void staticEventCallbacksAfterASocketExistsAreReported() {
		ListenerDriver bad = new ListenerDriver(new ListenerConfig().mode(AcceptMode.NONE)) {
			@Override
			protected int startAccepting(WskProviderListenDispatch d) {
				return npi.Dispatch.WskControlClient(npi.Client, WSK_SET_STATIC_EVENT_CALLBACKS, 16,
						new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT), 0, null, null, null);
			}
		};
		ScenarioResult r = run(pendOne(), bad);
		Violation v = single(r, "STATIC_EVENTS_TOO_LATE");
		assertThat(v.element()).isEqualTo("Public");
		assertThat(r.driverEntryStatus()).isEqualTo(STATUS_INVALID_DEVICE_STATE);
	}

	@Test
	void staticEventCallbacksBeforeAnySocketAreClean() {
		clean(run(pendOne(), new ListenerDriver(new ListenerConfig().bind("[::]:40007").mode(AcceptMode.EVENT_STATIC))));
	}
}

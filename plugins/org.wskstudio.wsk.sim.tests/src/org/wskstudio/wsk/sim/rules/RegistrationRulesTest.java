package org.wskstudio.wsk.sim.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.nt.KEvent;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.verify.Severity;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** Registration and IRQL rules: NPI captures, sockets at deregistration, deregistration, waits. */
class RegistrationRulesTest {

	private static Scenario one() {
		Scenario s = new Scenario("one");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		return s;
	}

	@Test
	void registerCaptureReleaseDeregisterIsClean() {
		clean(run(one(), new ListenerDriver()));
	}

	@Test
	void captureNotReleasedBeforeDeregisterIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected void unregister() {
				k.WskDeregister(registration);
			}
		};
		Violation v = single(run(one(), bad), "NPI_NOT_RELEASED");
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("WskDeregister");
	}

	@Test
	void releasingMoreThanCapturedIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected void unregister() {
				k.WskReleaseProviderNPI(registration);
				super.unregister();
			}
		};
		Violation v = single(run(one(), bad), "NPI_RELEASE_UNBALANCED");
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void socketStillOpenAtDeregisterIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			public void DriverUnload(Kernel kernel) {
				closeListener(); // forgets the accepted connection
				unregister();
			}
		};
		ScenarioResult r = run(one(), bad);
		Violation v = single(r, "SOCKET_OPEN_AT_DEREGISTER");
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("conn#1");
		assertThat(v.time()).isEqualTo(r.summary().endTime());
	}

	@Test
	void missingDeregistrationIsAWarning() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			public void DriverUnload(Kernel kernel) {
				// does nothing
			}
		};
		ScenarioResult r = run(one(), bad);
		Violation v = single(r, "NOT_DEREGISTERED");
		assertThat(v.severity()).isEqualTo(Severity.WARNING);
		assertThat(v.message()).contains("listener Public").contains("conn#1");
		assertThat(single(r, "NPI_NOT_RELEASED").message()).contains("never released");
	}

	@Test
	void waitingInsideACallbackIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int acceptEvent(Object sc, int f, org.wskstudio.wsk.sim.net.SockAddr l,
					org.wskstudio.wsk.sim.net.SockAddr rem, WskSocket as, AcceptSocketContext c,
					AcceptSocketDispatch d) {
				KEvent e = new KEvent();
				k.KeInitializeEvent(e, NtDef.NotificationEvent, false);
				k.KeWaitForSingleObject(e, NtDef.Executive, NtDef.KernelMode, false, null);
				return super.acceptEvent(sc, f, l, rem, as, c, d);
			}
		};
		Violation v = single(run(one(), bad), "IRQL_TOO_HIGH");
		assertThat(v.time()).isEqualTo(ms(2));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("DISPATCH_LEVEL");
	}

	@Test
	void waitingForAnEventNothingSetsIsADeadlock() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			public int DriverEntry(Kernel kernel) {
				int st = super.DriverEntry(kernel);
				KEvent never = new KEvent();
				k.KeInitializeEvent(never, NtDef.SynchronizationEvent, false);
				int w = k.KeWaitForSingleObject(never, NtDef.Executive, NtDef.KernelMode, false, null);
				assertThat(w).isEqualTo(STATUS_TIMEOUT);
				return st;
			}
		};
		ScenarioResult r = run(one(), bad);
		Violation v = single(r, "WAIT_DEADLOCK");
		assertThat(v.time()).isEqualTo(ms(2)); // the wait let the connection be accepted first
		assertThat(r.requests().get(0).outcome().accepted()).isTrue();
	}
}

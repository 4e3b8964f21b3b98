package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.core.VirtualTime.s;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig.AcceptMode;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** Delivery of established connections: IRP queue, accept event, both, neither (backlog). */
class AcceptSemanticsTest {

	@Test
	void eventModeAcceptsAndClosesOnDisconnect() {
		Scenario s = new Scenario("event");
		s.connect(ConnectSpec.of(ms(1), addr("198.51.100.1:5000"), null, "Public").send(ms(3), 100)
				.disconnectAt(ms(5)));
		s.expectAccepted(0).expectNoViolations();
		ScenarioResult r = run(s, new ListenerDriver());
		assertThat(r.failedExpectations()).isEmpty();
		assertThat(r.trace().events()).extracting(TraceEvent::kind).contains("WskAcceptEvent", "WskReceiveEvent",
				"WskDisconnectEvent", "WskCloseSocket");
		assertThat(r.summary().poolAllocated()).isEqualTo(r.summary().poolFreed());
	}

	@Test
	void staticEventCallbacksAcceptToo() {
		Scenario s = new Scenario("static");
		s.connect(ConnectSpec.of(ms(1), addr("198.51.100.1:5000"), null, "Public").disconnectAt(ms(4)));
		ScenarioResult r = run(s, new ListenerDriver(new ListenerConfig().mode(AcceptMode.EVENT_STATIC)));
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ACCEPTED);
		assertThat(r.trace().events()).extracting(TraceEvent::kind).contains("WskDisconnectEvent");
	}

	@Test
	void queuedIrpsCompleteInFifoOrder() {
		List<Integer> order = new ArrayList<>();
		ListenerDriver d = new ListenerDriver(new ListenerConfig().mode(AcceptMode.IRP).irpQueue(3, false)) {
			@Override
			protected int acceptComplete(Object dev, Irp irp, Object ctx) {
				if (irp.IoStatus.Status == NtStatus.STATUS_SUCCESS) {
					order.add(irp.id());
				}
				return super.acceptComplete(dev, irp, ctx);
			}
		};
		Scenario s = new Scenario("fifo");
		for (int i = 0; i < 3; i++) {
			s.connect(ms(1 + i), "198.51.100." + (i + 1) + ":5000", "Public");
		}
		ScenarioResult r = run(s, d);
		clean(r);
		// IRPs #1..#4 are the synchronous setup IRPs (WskSocket, WskBind); accept IRPs follow in allocation order.
		assertThat(order).hasSize(3).isSorted();
		assertThat(order.get(2) - order.get(0)).isEqualTo(2);
		assertThat(r.summary().accepted()).isEqualTo(3);
	}

	@Test
	void queuedIrpTakesPrecedenceOverEnabledEvent() {
		ListenerConfig cfg = new ListenerConfig().mode(AcceptMode.EVENT_PER_SOCKET);
		cfg.repost = false;
		ListenerDriver d = new ListenerDriver(cfg) {
			@Override
			protected int startAccepting(org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch disp) {
				int st = super.startAccepting(disp);
				Irp irp = k.IoAllocateIrp(1, false);
				acceptIrps.add(irp);
				postAccept(irp);
				return st;
			}
		};
		Scenario s = new Scenario("both");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		s.connect(ms(2), "198.51.100.2:5000", "Public");
		ScenarioResult r = run(s, d);
		clean(r);
		assertThat(r.requests()).extracting(x -> x.reason()).containsExactly("accepted by WskAccept irp#3",
				"accepted by WskAcceptEvent");
	}

	@Test
	void neitherIrpNorEventConnectionWaitsInBacklogUntilAnIrpIsQueued() {
		ListenerConfig cfg = new ListenerConfig().mode(AcceptMode.NONE);
		ListenerDriver d = new ListenerDriver(cfg);
		Scenario s = new Scenario("backlog");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		s.at(ms(50), "queue an accept IRP", k -> {
			Irp irp = k.IoAllocateIrp(1, false);
			d.acceptIrpsForTest().add(irp);
			d.postAcceptForTest(irp);
		});
		ScenarioResult r = run(s, d);
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ACCEPTED);
		assertThat(r.requests().get(0).decidedAt()).isEqualTo(ms(50));
		assertThat(r.trace().events()).extracting(TraceEvent::kind).contains("Backlogged");
		// WskAccept completed at once (STATUS_SUCCESS) because a connection was waiting.
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("WskAccept")).extracting(TraceEvent::result)
				.contains("STATUS_SUCCESS");
	}

	@Test
	void enablingTheAcceptEventHandsOverTheBacklog() {
		ListenerDriver d = new ListenerDriver(new ListenerConfig().mode(AcceptMode.NONE));
		Scenario s = new Scenario("enable later");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		s.connect(ms(2), "198.51.100.2:5000", "Public");
		s.at(ms(20), "enable accept event", k -> d.enableAcceptEventForTest());
		ScenarioResult r = run(s, d);
		clean(r);
		assertThat(r.requests()).extracting(x -> x.outcome()).containsOnly(RequestOutcome.ACCEPTED);
		assertThat(r.requests()).extracting(x -> x.decidedAt()).containsOnly(ms(20));
	}

	@Test
	void backloggedConnectionIsResetAfterTheBacklogTimeout() {
		Scenario s = new Scenario("backlog timeout");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		ScenarioResult r = run(s, new ListenerDriver(new ListenerConfig().mode(AcceptMode.NONE)));
		clean(r);
		var req = r.requests().get(0);
		assertThat(req.outcome()).isEqualTo(RequestOutcome.RESET);
		assertThat(req.decidedAt()).isEqualTo(ms(2) + s(5));
		assertThat(req.reason()).contains("backlog");
	}

	@Test
	void fullBacklogResetsFurtherConnections() {
		Scenario s = new Scenario("backlog full");
		for (int i = 0; i < 5; i++) {
			s.connect(ms(1), "198.51.100." + (i + 1) + ":5000", "Public");
		}
		ScenarioResult r = run(s, new ListenerDriver(new ListenerConfig().mode(AcceptMode.NONE)),
				new SimConfig().backlogLimit(3));
		assertThat(r.requests()).extracting(x -> x.decidedAt()).containsOnly(ms(2), ms(2), ms(2) + s(5));
		assertThat(r.summary().count(RequestOutcome.RESET)).isEqualTo(5);
		assertThat(r.requests().get(3).reason()).contains("backlog of 3 is full");
		assertThat(r.requests().get(0).reason()).contains("waited 5 s");
	}

	@Test
	void acceptEventReturningNotAcceptedResetsTheConnection() {
		ListenerDriver d = new ListenerDriver() {
			@Override
			protected int acceptEvent(Object sc, int flags, SockAddr l, SockAddr rem, WskSocket as,
					org.wskstudio.wsk.sim.wsk.AcceptSocketContext c, org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch dd) {
				return NtStatus.STATUS_REQUEST_NOT_ACCEPTED;
			}
		};
		Scenario s = new Scenario("declined");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		ScenarioResult r = run(s, d);
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.RESET);
		assertThat(r.requests().get(0).reason()).contains("STATUS_REQUEST_NOT_ACCEPTED");
	}

	@Test
	void dualStackListenerSeesV4MappedAddresses() {
		List<SockAddr> seen = new ArrayList<>();
		ListenerDriver d = new ListenerDriver(new ListenerConfig().bind("[::]:40007").dualStack()) {
			@Override
			protected int acceptEvent(Object sc, int flags, SockAddr l, SockAddr rem, WskSocket as,
					org.wskstudio.wsk.sim.wsk.AcceptSocketContext c, org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch dd) {
				seen.add(l);
				seen.add(rem);
				return super.acceptEvent(sc, flags, l, rem, as, c, dd);
			}
		};
		Scenario s = new Scenario("dual");
		s.connect(ms(1), "10.1.2.3:5555", "Public");
		s.connect(ms(2), "[2001:db8::5]:1234", "Public");
		ScenarioResult r = run(s, d);
		clean(r);
		assertThat(seen).extracting(SockAddr::toString).containsExactly("[::ffff:192.0.2.10]:40007",
				"[::ffff:10.1.2.3]:5555", "[2001:db8::10]:40007", "[2001:db8::5]:1234");
	}

	@Test
	void ipv6OnlyListenerRefusesIpv4AndUnknownListenerRefuses() {
		Scenario s = new Scenario("v6only");
		s.connect(ms(1), "10.1.2.3:5555", "Public");
		s.connect(ms(1), "10.1.2.3:5555", "Nobody");
		s.connect(ConnectSpec.of(ms(1), addr("10.1.2.3:5555"), addr("192.0.2.10:9999"), null));
		ScenarioResult r = run(s, new ListenerDriver(new ListenerConfig().bind("[::]:40007")));
		clean(r);
		assertThat(r.requests()).extracting(x -> x.outcome()).containsOnly(RequestOutcome.REFUSED);
		assertThat(r.requests().get(0).reason()).contains("IPV6_V6ONLY");
	}

	@Test
	void routingByLocalAddressFindsTheListener() {
		Scenario s = new Scenario("by address");
		s.connect(ConnectSpec.of(ms(1), addr("10.1.2.3:5555"), addr("192.0.2.10:40007"), null));
		ScenarioResult r = run(s, new ListenerDriver());
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ACCEPTED);
		assertThat(r.requests().get(0).listener()).isEqualTo("Public");
	}

	@Test
	void asyncCompletionModeWorksWithWaitingDriver() {
		Scenario s = new Scenario("async");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		ScenarioResult r = run(s, new ListenerDriver(new ListenerConfig().mode(AcceptMode.IRP)),
				new SimConfig().asyncCompletion(true));
		clean(r);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.ACCEPTED);
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("WskBind")).extracting(TraceEvent::result)
				.containsExactly("STATUS_PENDING");
	}
}

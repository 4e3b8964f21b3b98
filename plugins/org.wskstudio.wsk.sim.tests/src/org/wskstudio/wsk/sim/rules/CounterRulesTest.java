package org.wskstudio.wsk.sim.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskInspectAction.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.DriverCounter;
import org.wskstudio.wsk.sim.net.ListenerCounters;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** COUNTER_MISMATCH: the counters a driver reports against the outcomes the simulator recorded. */
class CounterRulesTest {

	/** Counts at the points where the outcome is final, like the generated drivers. */
	static class CountingDriver extends ListenerDriver {
		final Map<DriverCounter, Long> counts = new EnumMap<>(DriverCounter.class);
		/** The bug: an inspect Accept is counted as accepted too, before the socket is handed over. */
		boolean countInspectAccept;
		/** Declines the connection from this remote in WskAcceptEvent. */
		String declineRemote;

		CountingDriver(ListenerConfig cfg) {
			super(cfg);
			for (DriverCounter c : DriverCounter.values()) {
				counts.put(c, 0L);
			}
		}

		void count(DriverCounter c) {
			counts.merge(c, 1L, Long::sum);
		}

		@Override
		protected int acceptEvent(Object sc, int flags, SockAddr local, SockAddr remote, WskSocket as,
				AcceptSocketContext ctx, AcceptSocketDispatch disp) {
			if (as != null && remote.toString().equals(declineRemote)) {
				count(DriverCounter.DECLINED);
				return STATUS_REQUEST_NOT_ACCEPTED;
			}
			int st = super.acceptEvent(sc, flags, local, remote, as, ctx, disp);
			if (as != null) {
				count(st == STATUS_SUCCESS ? DriverCounter.ACCEPTED : DriverCounter.DECLINED);
			}
			return st;
		}

		@Override
		protected WskInspectAction inspectEvent(Object sc, SockAddr local, SockAddr remote, WskInspectId id) {
			WskInspectAction a = super.inspectEvent(sc, local, remote, id);
			if (id != null) {
				if (a == WskInspectPend) {
					count(DriverCounter.PENDED);
				} else if (a == WskInspectReject) {
					count(DriverCounter.REJECTED);
				} else if (countInspectAccept) {
					count(DriverCounter.ACCEPTED);
				}
			}
			return a;
		}

		private boolean timingOut;

		@Override
		protected void pendTimeout(Pending p) {
			timingOut = true;
			try {
				super.pendTimeout(p);
			} finally {
				timingOut = false;
			}
		}

		@Override
		protected void completeInspection(Pending p, WskInspectAction action) {
			boolean timeout = timingOut;
			outcomes.put(p, new Object[] { action, timeout });
			super.completeInspection(p, action);
		}

		private final Map<Pending, Object[]> outcomes = new java.util.HashMap<>();

		@Override
		protected int inspectCompleteDone(Object deviceObject, Irp irp, Object context) {
			Object[] o = outcomes.remove(context);
			if (o != null && irp.IoStatus.Status == STATUS_SUCCESS) {
				if ((Boolean) o[1]) {
					count(DriverCounter.TIMED_OUT);
				} else if (o[0] == WskInspectReject) {
					count(DriverCounter.REJECTED);
				}
			}
			return super.inspectCompleteDone(deviceObject, irp, context);
		}

		@Override
		protected int abortEvent(Object sc, WskInspectId id) {
			if (pending.containsKey(id)) {
				count(DriverCounter.ABORTED);
			}
			return super.abortEvent(sc, id);
		}

		@Override
		public List<ListenerCounters> listenerCounters() {
			return List.of(new ListenerCounters(cfg.name, counts));
		}
	}

	private static ListenerConfig conditional() {
		return new ListenerConfig().conditional("10.0.0.0/8", "172.16.0.0/12", "Reputation", 500);
	}

	/** Accepted, rejected, pended then accepted by the check, pended then timed out, pended then aborted. */
	private static Scenario mixed() {
		Scenario s = new Scenario("mixed");
		s.connect(ms(1), "192.168.1.10:4000", "Public");
		s.connect(ms(2), "10.1.2.3:5555", "Public");
		s.connect(ms(3), "172.16.0.5:1234", "Public");
		s.deferredCheckAnswer("Reputation", true, "172.16.0.5:1234", ms(100));
		s.connect(ms(4), "172.16.0.6:1234", "Public");
		s.connect(ms(5), "172.16.0.7:1234", "Public", ms(50));
		return s;
	}

	@Test
	void countersThatMatchTheOutcomesAreClean() {
		CountingDriver d = new CountingDriver(conditional());
		ScenarioResult r = run(mixed(), d);
		clean(r);
		assertThat(d.counts).containsEntry(DriverCounter.ACCEPTED, 2L).containsEntry(DriverCounter.REJECTED, 1L)
				.containsEntry(DriverCounter.PENDED, 3L).containsEntry(DriverCounter.TIMED_OUT, 1L)
				.containsEntry(DriverCounter.ABORTED, 1L).containsEntry(DriverCounter.DECLINED, 0L);
	}

	@Test
	void anAcceptCountedInTheInspectPathToo() {
		CountingDriver d = new CountingDriver(conditional());
		d.countInspectAccept = true;
		Violation v = single(run(mixed(), d), "COUNTER_MISMATCH");
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.listener()).isEqualTo("Public");
		assertThat(v.message()).startsWith("Listener Public: the driver's AcceptedCount is 3 but the simulator "
				+ "recorded 2 connections handed to the driver and kept");
	}

	@Test
	void aDeclinedSocketIsNotARejection() {
		Scenario s = new Scenario("declined");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		s.connect(ms(2), "198.51.100.2:5000", "Public");
		CountingDriver d = new CountingDriver(new ListenerConfig());
		d.declineRemote = "198.51.100.2:5000";
		clean(run(s, d));
		assertThat(d.counts).containsEntry(DriverCounter.ACCEPTED, 1L).containsEntry(DriverCounter.DECLINED, 1L);

		CountingDriver wrong = new CountingDriver(new ListenerConfig()) {
			@Override
			void count(DriverCounter c) {
				super.count(c == DriverCounter.DECLINED ? DriverCounter.REJECTED : c);
			}
		};
		wrong.declineRemote = "198.51.100.2:5000";
		ScenarioResult r = run(s, wrong);
		List<Violation> v = violations(r, "COUNTER_MISMATCH");
		assertThat(v).extracting(Violation::message).containsExactlyInAnyOrder(
				"Listener Public: the driver's RejectedCount is 1 but the simulator recorded 0 inspections refused by "
						+ "WskInspectEvent or by a check's answer (outcome rejected).",
				"Listener Public: the driver's DeclinedCount is 0 but the simulator recorded 1 sockets WskAcceptEvent "
						+ "declined (outcome reset by WskAcceptEvent).");
	}

	@Test
	void aDriverWithoutCountersIsNotChecked() {
		clean(run(mixed(), new ListenerDriver(conditional())));
	}
}

package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;
import static org.wskstudio.wsk.sim.wsk.WskControlSocketType.WskSetOption;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig.AcceptMode;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * Connection events enabled on a listening socket with SO_WSK_EVENT_CALLBACK are inherited by the sockets its
 * WskAcceptEvent accepts, not by those a WskAccept IRP accepts (Microsoft's SO_WSK_EVENT_CALLBACK page, referred to
 * by "Enabling and Disabling Event Callback Functions").
 */
class ListenerEventInheritanceTest {

	/** Enables {@code listenerMask} on the listener and never enables events on accepted sockets itself. */
	static class ListenerMaskDriver extends ListenerDriver {
		final int listenerMask;
		final List<Integer> statuses = new ArrayList<>();

		ListenerMaskDriver(AcceptMode mode, int listenerMask) {
			super(config(mode));
			this.listenerMask = listenerMask;
		}

		static ListenerConfig config(AcceptMode mode) {
			ListenerConfig c = new ListenerConfig().mode(mode);
			c.enableConnectionEvents = false;
			return c;
		}

		int setListenerEvents(int mask) {
			int st = listenSocket.Dispatch.WskControlSocket(listenSocket, WskSetOption, SO_WSK_EVENT_CALLBACK,
					SOL_SOCKET, new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, mask), null);
			statuses.add(st);
			return st;
		}

		@Override
		protected int startAccepting(WskProviderListenDispatch d) {
			if (cfg.mode == AcceptMode.EVENT_PER_SOCKET) {
				return setListenerEvents(listenerMask);
			}
			int st = super.startAccepting(d);
			return NT_SUCCESS(st) && listenerMask != 0 ? setListenerEvents(listenerMask) : st;
		}
	}

	private static Scenario sendAndDisconnect(String name) {
		Scenario s = new Scenario(name);
		s.connect(ConnectSpec.of(ms(1), addr("198.51.100.1:5000"), null, "Public").send(ms(3), 100)
				.disconnectAt(ms(5)));
		s.connect(ConnectSpec.of(ms(2), addr("198.51.100.2:5000"), null, "Public").send(ms(4), 10)
				.disconnectAt(ms(6)));
		return s;
	}

	private static long count(ScenarioResult r, String kind) {
		return r.trace().events().stream().map(TraceEvent::kind).filter(kind::equals).count();
	}

	@Test
	void receiveEnabledOnTheListenerReachesSocketsAcceptedByTheEvent() {
		ListenerMaskDriver d = new ListenerMaskDriver(AcceptMode.EVENT_PER_SOCKET,
				WSK_EVENT_ACCEPT | WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT);
		ScenarioResult r = run(sendAndDisconnect("inherit"), d);
		clean(r);
		assertThat(d.statuses).containsExactly(STATUS_SUCCESS);
		assertThat(r.requests()).extracting(q -> q.outcome()).containsOnly(RequestOutcome.ACCEPTED);
		assertThat(count(r, "WskAcceptEvent")).isEqualTo(2);
		assertThat(count(r, "WskReceiveEvent")).isEqualTo(2);
		assertThat(count(r, "WskDisconnectEvent")).isEqualTo(2);
		// the driver closes on disconnect, so every connection went through its connection dispatch
		assertThat(d.connectionCount()).isZero();
	}

	@Test
	void withoutConnectionEventsOnTheListenerAcceptedSocketsGetNone() {
		ListenerMaskDriver d = new ListenerMaskDriver(AcceptMode.EVENT_PER_SOCKET, WSK_EVENT_ACCEPT);
		ScenarioResult r = run(sendAndDisconnect("no-inherit"), d);
		assertThat(d.statuses).containsExactly(STATUS_SUCCESS);
		assertThat(count(r, "WskAcceptEvent")).isEqualTo(2);
		assertThat(count(r, "WskReceiveEvent")).isZero();
		assertThat(count(r, "WskDisconnectEvent")).isZero();
		assertThat(violations(r, "CALLBACK_MISSING")).isEmpty();
	}

	@Test
	void receiveOnlyOnTheListenerIsInheritedWithoutDisconnect() {
		ListenerMaskDriver d = new ListenerMaskDriver(AcceptMode.EVENT_PER_SOCKET, WSK_EVENT_ACCEPT | WSK_EVENT_RECEIVE);
		ScenarioResult r = run(sendAndDisconnect("receive-only"), d);
		assertThat(count(r, "WskReceiveEvent")).isEqualTo(2);
		assertThat(count(r, "WskDisconnectEvent")).isZero();
	}

	@Test
	void socketsAcceptedByAWskAcceptIrpDoNotInherit() {
		ListenerMaskDriver d = new ListenerMaskDriver(AcceptMode.IRP, WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT);
		ScenarioResult r = run(sendAndDisconnect("irp"), d);
		assertThat(d.statuses).containsExactly(STATUS_SUCCESS);
		assertThat(r.requests()).extracting(q -> q.outcome()).containsOnly(RequestOutcome.ACCEPTED);
		assertThat(count(r, "WskAcceptEvent")).isZero();
		assertThat(count(r, "WskReceiveEvent")).isZero();
		assertThat(count(r, "WskDisconnectEvent")).isZero();
	}

	@Test
	void connectionEventsCannotBeDisabledOnTheListenerAndSurviveAcceptReenabling() {
		ListenerMaskDriver d = new ListenerMaskDriver(AcceptMode.EVENT_PER_SOCKET,
				WSK_EVENT_ACCEPT | WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT) {
			@Override
			protected int startAccepting(WskProviderListenDispatch pd) {
				int st = super.startAccepting(pd);
				setListenerEvents(WSK_EVENT_RECEIVE | WSK_EVENT_DISABLE);
				setListenerEvents(WSK_EVENT_ACCEPT | WSK_EVENT_DISABLE);
				setListenerEvents(WSK_EVENT_ACCEPT);
				return st;
			}
		};
		ScenarioResult r = run(sendAndDisconnect("disable"), d);
		assertThat(d.statuses).containsExactly(STATUS_SUCCESS, STATUS_INVALID_PARAMETER, STATUS_SUCCESS,
				STATUS_SUCCESS);
		clean(r);
		assertThat(count(r, "WskReceiveEvent")).isEqualTo(2);
		assertThat(count(r, "WskDisconnectEvent")).isEqualTo(2);
	}

	@Test
	void otherEventsOnAListenerAreRejected() {
		ListenerMaskDriver d = new ListenerMaskDriver(AcceptMode.EVENT_PER_SOCKET,
				WSK_EVENT_ACCEPT | WSK_EVENT_RECEIVE_FROM);
		ScenarioResult r = run(sendAndDisconnect("receive-from"), d);
		assertThat(d.statuses).containsExactly(STATUS_INVALID_PARAMETER);
		assertThat(count(r, "WskAcceptEvent")).isZero();
	}

	@Test
	void inheritedEventsNeedTheCallbacksInTheReturnedDispatch() {
		ListenerMaskDriver d = new ListenerMaskDriver(AcceptMode.EVENT_PER_SOCKET,
				WSK_EVENT_ACCEPT | WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT) {
			@Override
			protected int acceptEvent(Object socketContext, int flags, SockAddr local, SockAddr remote,
					WskSocket acceptSocket, AcceptSocketContext ctx, AcceptSocketDispatch disp) {
				int st = super.acceptEvent(socketContext, flags, local, remote, acceptSocket, ctx, disp);
				disp.set(new WskClientConnectionDispatch(null, null, null));
				return st;
			}
		};
		ScenarioResult r = run(sendAndDisconnect("missing"), d);
		assertThat(violations(r, "CALLBACK_MISSING")).hasSize(2);
		assertThat(count(r, "WskReceiveEvent")).isZero();
	}
}

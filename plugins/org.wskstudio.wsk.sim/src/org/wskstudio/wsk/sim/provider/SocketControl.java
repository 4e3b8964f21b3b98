package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;

import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskControlSocketType;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * Socket control and options (WskControlSocket with WskSetOption): the options a listening
 * socket takes before WskBind (SO_CONDITIONAL_ACCEPT, SO_REUSEADDR, SO_EXCLUSIVEADDRUSE,
 * IPV6_V6ONLY), SO_WSK_EVENT_CALLBACK on listening sockets (after bind; connection events are
 * inherited by sockets the accept event accepts) and on accepted sockets, and the check that an
 * enabled event has its callback.
 */
final class SocketControl {
	private final WskSubsystem wsk;
	private final SimHost host;

	SocketControl(WskSubsystem wsk) {
		this.wsk = wsk;
		this.host = wsk.host;
	}

	/** WskControlSocket after the IRP checks: the option's effect and status. */
	int controlSocket(WskSocket socket, WskControlSocketType type, int code, int level, Object input,
			String opt, String el) {
		if (!wsk.usable(socket, "WskControlSocket(" + opt + ")")) {
			return socket == null ? STATUS_INVALID_PARAMETER : STATUS_INVALID_HANDLE;
		}
		if (type != WskControlSocketType.WskSetOption) {
			return STATUS_NOT_SUPPORTED;
		}
		if (socket instanceof ConnectionSocket cs) {
			return connectionOption(cs, code, level, input, el);
		}
		ListenSocket s = (ListenSocket) socket;
		if (code == SO_WSK_EVENT_CALLBACK && level == SOL_SOCKET) {
			return listenEventOption(s, input);
		}
		boolean known = (level == SOL_SOCKET
				&& (code == SO_CONDITIONAL_ACCEPT || code == SO_REUSEADDR || code == SO_EXCLUSIVEADDRUSE))
				|| (level == IPPROTO_IPV6 && code == IPV6_V6ONLY);
		if (!known) {
			return STATUS_NOT_SUPPORTED;
		}
		if (s.state != ListenState.CREATED) {
			host.verifier.report(Rule.OPTION_AFTER_BIND, s.name, s.name, opt + " set on " + s + " after WskBind. "
					+ "It only takes effect when set before the socket is bound; set it between WskSocket and WskBind.");
			return STATUS_INVALID_DEVICE_STATE;
		}
		boolean on;
		if (input instanceof Number n) {
			on = n.longValue() != 0;
		} else if (input instanceof Boolean b) {
			on = b;
		} else {
			return STATUS_INVALID_PARAMETER;
		}
		if (level == IPPROTO_IPV6) {
			if (s.family != AF_INET6) {
				return STATUS_INVALID_PARAMETER;
			}
			s.v6Only = on;
		} else if (code == SO_CONDITIONAL_ACCEPT) {
			s.conditional = on;
		} else if (code == SO_REUSEADDR) {
			if (on && s.exclusiveAddress) {
				return STATUS_INVALID_PARAMETER;
			}
			s.reuseAddress = on;
		} else {
			if (on && s.reuseAddress) {
				return STATUS_INVALID_PARAMETER;
			}
			s.exclusiveAddress = on;
		}
		return STATUS_SUCCESS;
	}

	private int listenEventOption(ListenSocket s, Object input) {
		if (!(input instanceof WskEventCallbackControl c) || c.NpiId() != NPI_WSK_INTERFACE_ID) {
			return STATUS_INVALID_PARAMETER;
		}
		int mask = c.EventMask();
		// Besides WSK_EVENT_ACCEPT a listening socket takes the connection-oriented events: they are inherited by
		// the sockets its WskAcceptEvent accepts (SO_WSK_EVENT_CALLBACK page; "Enabling and Disabling Event
		// Callback Functions").
		int connectionEvents = WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT | WSK_EVENT_SEND_BACKLOG;
		if ((mask & ~(WSK_EVENT_ACCEPT | connectionEvents | WSK_EVENT_DISABLE)) != 0) {
			return STATUS_INVALID_PARAMETER;
		}
		if (s.state == ListenState.CREATED) {
			host.verifier.report(Rule.OPTION_BEFORE_BIND, s.name, s.name, "SO_WSK_EVENT_CALLBACK on " + s
					+ " before WskBind: a listening socket's event callbacks can only be enabled after it is bound.");
			return STATUS_INVALID_DEVICE_STATE;
		}
		if ((mask & WSK_EVENT_DISABLE) != 0) {
			// "After any connection-oriented event callback functions are enabled on a listening socket, they
			// cannot be disabled on the listening socket." The status is the simulator's choice.
			if ((mask & connectionEvents) != 0) {
				return STATUS_INVALID_PARAMETER;
			}
			s.acceptEventEnabled = false;
			return STATUS_SUCCESS;
		}
		if ((mask & WSK_EVENT_ACCEPT) != 0 && (s.callbacks == null || s.callbacks.acceptEvent() == null)) {
			host.verifier.report(Rule.CALLBACK_MISSING, s.name, s.name, "WSK_EVENT_ACCEPT enabled on " + s
					+ " but its WSK_CLIENT_LISTEN_DISPATCH has no WskAcceptEvent.");
			return STATUS_INVALID_PARAMETER;
		}
		s.inheritedEventMask |= mask & connectionEvents;
		if ((mask & WSK_EVENT_ACCEPT) != 0) {
			s.acceptEventEnabled = true;
			wsk.flow.scheduleBacklogDrain(s);
		}
		return STATUS_SUCCESS;
	}

	private int connectionOption(ConnectionSocket cs, int code, int level, Object input, String el) {
		if (code != SO_WSK_EVENT_CALLBACK || level != SOL_SOCKET || !(input instanceof WskEventCallbackControl c)) {
			return STATUS_NOT_SUPPORTED;
		}
		int mask = c.EventMask();
		int events = mask & (WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT | WSK_EVENT_SEND_BACKLOG);
		if (events != (mask & ~WSK_EVENT_DISABLE)) {
			return STATUS_INVALID_PARAMETER;
		}
		if ((mask & WSK_EVENT_DISABLE) != 0) {
			cs.eventMask &= ~events;
			return STATUS_SUCCESS;
		}
		if (cs.inAcceptEvent) {
			cs.eventMask |= events; // checked against the dispatch table once WskAcceptEvent returns
			return STATUS_SUCCESS;
		}
		if (missingCallbacks(cs, events)) {
			return STATUS_INVALID_PARAMETER;
		}
		cs.eventMask |= events;
		return STATUS_SUCCESS;
	}

	/** Reports CALLBACK_MISSING if an enabled connection event has no callback in the socket's dispatch. */
	boolean missingCallbacks(ConnectionSocket cs, int events) {
		String el = cs.listener.name;
		WskClientConnectionDispatch d = cs.callbacks;
		boolean missing = d == null || ((events & WSK_EVENT_RECEIVE) != 0 && d.receiveEvent() == null)
				|| ((events & WSK_EVENT_DISCONNECT) != 0 && d.disconnectEvent() == null)
				|| ((events & WSK_EVENT_SEND_BACKLOG) != 0 && d.sendBacklogEvent() == null);
		if (missing) {
			host.verifier.report(Rule.CALLBACK_MISSING, el, cs.listener.name, eventMaskName(events) + " enabled on " + cs
					+ " but its WSK_CLIENT_CONNECTION_DISPATCH lacks the callback.");
		}
		return missing;
	}
}

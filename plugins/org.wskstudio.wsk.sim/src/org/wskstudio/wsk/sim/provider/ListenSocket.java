package org.wskstudio.wsk.sim.provider;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.wsk.WskClientListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskConstants;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** A listening socket (WSK_FLAG_LISTEN_SOCKET). */
public final class ListenSocket extends WskSocket {
	final int id;
	final String name;
	final Registration registration;
	final int family;
	final Object context;
	final WskClientListenDispatch callbacks;
	ListenState state = ListenState.CREATED;
	boolean conditional;
	boolean reuseAddress;
	boolean exclusiveAddress;
	boolean v6Only;
	boolean acceptEventEnabled;
	/**
	 * Connection events (WSK_EVENT_RECEIVE / _DISCONNECT / _SEND_BACKLOG) enabled on this listening socket with
	 * SO_WSK_EVENT_CALLBACK: sockets accepted through WskAcceptEvent start with them enabled (not those accepted by a
	 * WskAccept IRP). Once enabled they cannot be disabled on the listener. See the "SO_WSK_EVENT_CALLBACK" page
	 * (learn.microsoft.com/windows-hardware/drivers/network/so-wsk-event-callback), also referred to by
	 * "Enabling and Disabling Event Callback Functions".
	 */
	int inheritedEventMask;
	boolean missingAcceptCallbackReported;
	SockAddr local;
	final ArrayDeque<AcceptRequest> acceptQueue = new ArrayDeque<>();
	final ArrayDeque<Connection> backlog = new ArrayDeque<>();
	/** Requests routed here and not yet decided. */
	final Set<Connection> inflight = new LinkedHashSet<>();

	ListenSocket(WskProviderListenDispatch dispatch, int id, String name, Registration registration, int family,
			Object context, WskClientListenDispatch callbacks) {
		super(dispatch);
		this.id = id;
		this.name = name;
		this.registration = registration;
		this.family = family;
		this.context = context;
		this.callbacks = callbacks;
		this.v6Only = family == WskConstants.AF_INET6;
	}

	/** The model element / listener name. */
	public String name() {
		return name;
	}

	public ListenState state() {
		return state;
	}

	public SockAddr localAddress() {
		return local;
	}

	public boolean conditionalAccept() {
		return conditional;
	}

	public int queuedAcceptIrps() {
		return acceptQueue.size();
	}

	/** The connection events that sockets accepted through WskAcceptEvent inherit. */
	public int inheritedEventMask() {
		return inheritedEventMask;
	}

	public int backlogSize() {
		return backlog.size();
	}

	@Override
	public String toString() {
		return "listener " + name;
	}
}

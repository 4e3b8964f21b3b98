package org.wskstudio.wsk.sim.wsk;

/** WSK_CLIENT_CONNECTION_DISPATCH {WskReceiveEvent, WskDisconnectEvent, WskSendBacklogEvent}; members may be null. */
public record WskClientConnectionDispatch(PFN_WSK_RECEIVE_EVENT receiveEvent, PFN_WSK_DISCONNECT_EVENT disconnectEvent,
		PFN_WSK_SEND_BACKLOG_EVENT sendBacklogEvent) {
}

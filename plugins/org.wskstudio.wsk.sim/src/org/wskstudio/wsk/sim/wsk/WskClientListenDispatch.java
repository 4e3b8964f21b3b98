package org.wskstudio.wsk.sim.wsk;

/** WSK_CLIENT_LISTEN_DISPATCH {WskAcceptEvent, WskInspectEvent, WskAbortEvent}; members may be null. */
public record WskClientListenDispatch(PFN_WSK_ACCEPT_EVENT acceptEvent, PFN_WSK_INSPECT_EVENT inspectEvent,
		PFN_WSK_ABORT_EVENT abortEvent) {
}

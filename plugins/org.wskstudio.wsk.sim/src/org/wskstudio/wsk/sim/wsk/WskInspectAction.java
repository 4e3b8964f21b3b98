package org.wskstudio.wsk.sim.wsk;

/** WSK_INSPECT_ACTION. */
public enum WskInspectAction {
	WskInspectReject, WskInspectAccept, WskInspectPend, WskInspectMax
}

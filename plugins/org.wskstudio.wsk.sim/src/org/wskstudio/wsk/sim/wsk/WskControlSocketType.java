package org.wskstudio.wsk.sim.wsk;

/** WSK_CONTROL_SOCKET_TYPE. */
public enum WskControlSocketType {
	WskSetOption, WskGetOption, WskIoctl
}

package org.wskstudio.wsk.sim.wsk;

import org.wskstudio.wsk.sim.nt.Irp;

/** WSK_PROVIDER_BASIC_DISPATCH {WskControlSocket, WskCloseSocket}. */
public interface WskProviderBasicDispatch {
	int WskControlSocket(WskSocket Socket, WskControlSocketType RequestType, int ControlCode, int Level,
			long InputSize, Object InputBuffer, long OutputSize, Object OutputBuffer, long[] OutputSizeReturned,
			Irp Irp);

	/** Shorthand for setting an option: InputBuffer is an Integer (ULONG) or a WskEventCallbackControl. */
	default int WskControlSocket(WskSocket Socket, WskControlSocketType RequestType, int ControlCode, int Level,
			Object value, Irp Irp) {
		long size = value instanceof WskEventCallbackControl ? 16 : 4;
		return WskControlSocket(Socket, RequestType, ControlCode, Level, size, value, 0, null, null, Irp);
	}

	int WskCloseSocket(WskSocket Socket, Irp Irp);
}

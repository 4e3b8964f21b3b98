package org.wskstudio.wsk.sim.wsk;

import org.wskstudio.wsk.sim.nt.Irp;

/** WSK_PROVIDER_DISPATCH {Version, Reserved, WskSocket, WskSocketConnect, WskControlClient, ...}. */
public interface WskProviderDispatch {
	short Version();

	/**
	 * Creates a socket. The simulator supports WSK_FLAG_LISTEN_SOCKET with SOCK_STREAM/IPPROTO_TCP;
	 * on success Irp.IoStatus.Information is the WskSocket.
	 */
	int WskSocket(WskClient Client, int AddressFamily, int SocketType, int Protocol, int Flags, Object SocketContext,
			Object Dispatch, Object OwningProcess, Object OwningThread, Object SecurityDescriptor, Irp Irp);

	int WskControlClient(WskClient Client, int ControlCode, long InputSize, Object InputBuffer, long OutputSize,
			Object OutputBuffer, long[] OutputSizeReturned, Irp Irp);
}

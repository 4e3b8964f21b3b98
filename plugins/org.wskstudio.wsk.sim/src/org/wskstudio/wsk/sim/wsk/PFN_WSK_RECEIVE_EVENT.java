package org.wskstudio.wsk.sim.wsk;

/**
 * WskReceiveEvent. Simplified: the data indication is a single buffer and there is no
 * BytesAccepted out-parameter; return STATUS_SUCCESS (data consumed) or STATUS_DATA_NOT_ACCEPTED.
 */
@FunctionalInterface
public interface PFN_WSK_RECEIVE_EVENT {
	int receive(Object SocketContext, int Flags, WskDataIndication DataIndication, long BytesIndicated);
}

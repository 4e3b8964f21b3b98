package org.wskstudio.wsk.sim.wsk;

/** WSK_DATA_INDICATION reduced to one buffer of received bytes (contents are zeros). */
public record WskDataIndication(byte[] Buffer) {
}

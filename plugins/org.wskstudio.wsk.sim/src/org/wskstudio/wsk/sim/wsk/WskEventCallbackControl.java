package org.wskstudio.wsk.sim.wsk;

/** WSK_EVENT_CALLBACK_CONTROL {PNPIID NpiId; ULONG EventMask;}. */
public record WskEventCallbackControl(Object NpiId, int EventMask) {
}

package org.wskstudio.wsk.sim.net;

/** Read-only view of one connection request and its fate. */
public interface RequestRecord {
    /** 0-based index in arrival-scheduling order. */
    int index();

    ConnectSpec spec();

    RequestOutcome outcome();

    /** Whether WskInspectEvent returned WskInspectPend for it. */
    boolean wasPended();

    /** Virtual time the outcome was decided, or -1. */
    long decidedAt();

    /** Listener name (model element) it was routed to, or null. */
    String listener();

    /** Short human explanation, e.g. "WskInspectEvent returned WskInspectReject". */
    String reason();
}

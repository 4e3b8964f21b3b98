package org.wskstudio.wsk.sim.testdrivers;

import org.wskstudio.wsk.sim.wsk.WskInspectId;

/**
 * The classic defect: pending inspections looked up by pointer ({@code ==}) instead of by
 * contents. WskAbortEvent receives a different WSK_INSPECT_ID object, so the entry is never found.
 */
public class PointerCompareDriver extends ListenerDriver {
	public PointerCompareDriver(ListenerConfig cfg) {
		super(cfg);
	}

	@Override
	protected Pending takePending(WskInspectId id) {
		for (Pending p : pending.values()) {
			if (p.id == id) {
				pending.remove(p.id);
				return p;
			}
		}
		return null;
	}

	/** Unload cleanup as a pointer-comparing driver would do it (never finds aborted entries either). */
	@Override
	protected void closeListener() {
		if (listenSocket == null) {
			return;
		}
		var s = listenSocket;
		listenSocket = null;
		syncCall(irp -> s.Dispatch.WskCloseSocket(s, irp));
	}
}

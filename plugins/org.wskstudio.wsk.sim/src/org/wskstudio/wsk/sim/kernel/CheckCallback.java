package org.wskstudio.wsk.sim.kernel;

/** Delivers an external check's answer to the driver (runs as a DPC at DISPATCH_LEVEL). */
@FunctionalInterface
public interface CheckCallback {
	void answered(Object QueryContext, boolean Accept);
}

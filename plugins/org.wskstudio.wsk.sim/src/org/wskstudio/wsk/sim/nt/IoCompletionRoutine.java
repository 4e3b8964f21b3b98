package org.wskstudio.wsk.sim.nt;

/** IO_COMPLETION_ROUTINE. DeviceObject is always null for driver-allocated IRPs given to WSK. */
@FunctionalInterface
public interface IoCompletionRoutine {
	int complete(Object DeviceObject, Irp Irp, Object Context);
}

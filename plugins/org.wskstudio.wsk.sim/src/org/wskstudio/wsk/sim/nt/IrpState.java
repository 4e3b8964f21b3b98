package org.wskstudio.wsk.sim.nt;

/** Who owns an IRP, as tracked by the simulator's verifier. */
public enum IrpState {
	/** Allocated (or reinitialised by IoReuseIrp) and owned by the driver, ready to be used. */
	READY,
	/** Handed to WSK and not yet completed. */
	OWNED_BY_WSK,
	/** Its completion routine is running. */
	COMPLETING,
	/** Completed and back with the driver; must be freed or reinitialised by IoReuseIrp. */
	COMPLETED,
	/** Freed by IoFreeIrp. */
	FREED
}

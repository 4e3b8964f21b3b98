package org.wskstudio.wsk.sim.nt;

/** Small C-like definitions so generated Java reads like the C it mirrors. */
public final class NtDef {
	private NtDef() {
	}

	public static final boolean TRUE = true;
	public static final boolean FALSE = false;

	public static final int PASSIVE_LEVEL = 0;
	public static final int APC_LEVEL = 1;
	public static final int DISPATCH_LEVEL = 2;

	/** EVENT_TYPE for KeInitializeEvent. */
	public static final int NotificationEvent = 0;
	public static final int SynchronizationEvent = 1;
	/** KWAIT_REASON / KPROCESSOR_MODE values accepted (and ignored) by KeWaitForSingleObject. */
	public static final int Executive = 0;
	public static final int KernelMode = 0;

	/** KeSetTimer relative due time helper: milliseconds to negative 100 ns units. */
	public static long RELATIVE_MS(long millis) {
		return -millis * 10_000L;
	}
}

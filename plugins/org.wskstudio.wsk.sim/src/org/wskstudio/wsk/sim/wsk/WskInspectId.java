package org.wskstudio.wsk.sim.wsk;

/**
 * WSK_INSPECT_ID {ULONG_PTR Key; ULONG SerialNumber;}. Two IDs denote the same request exactly
 * when their contents are equal ({@link #equals}); never compare them with {@code ==}.
 * <p>
 * The simulator hands every callback a fresh object, valid only during that call (like the C
 * pointer). A driver keeps an inspection by copying it: {@code new WskInspectId(InspectID)}.
 */
public final class WskInspectId {
	public final long Key;
	public final int SerialNumber;
	private final boolean issuedForCallback;

	/** A driver-owned copy of another inspect ID (the C statement {@code Saved = *InspectID;}). */
	public WskInspectId(WskInspectId other) {
		this(other.Key, other.SerialNumber, false);
	}

	/** A driver-owned inspect ID with the given contents. */
	public WskInspectId(long key, int serialNumber) {
		this(key, serialNumber, false);
	}

	private WskInspectId(long key, int serial, boolean issued) {
		this.Key = key;
		this.SerialNumber = serial;
		this.issuedForCallback = issued;
	}

	/** Simulator use: the object passed to one WskInspectEvent/WskAbortEvent call. */
	public static WskInspectId issueForCallback(long key, int serialNumber) {
		return new WskInspectId(key, serialNumber, true);
	}

	/** Whether this object is one the simulator passed to a callback (not a driver's copy). */
	public boolean issuedForCallback() {
		return issuedForCallback;
	}

	/** Content comparison, as the WSK documentation requires. */
	public boolean sameContents(WskInspectId o) {
		return o != null && o.Key == Key && o.SerialNumber == SerialNumber;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof WskInspectId i && sameContents(i);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(Key) * 31 + SerialNumber;
	}

	@Override
	public String toString() {
		return "{Key=0x" + Long.toHexString(Key).toUpperCase() + ", SerialNumber=" + Integer.toUnsignedString(SerialNumber) + "}";
	}
}

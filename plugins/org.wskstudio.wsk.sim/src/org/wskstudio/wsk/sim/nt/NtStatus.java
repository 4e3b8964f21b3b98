package org.wskstudio.wsk.sim.nt;

import java.util.Map;
import java.util.HashMap;

/** NTSTATUS values used by the simulator, as {@code int} like the C type. */
public final class NtStatus {
	private NtStatus() {
	}

	public static final int STATUS_SUCCESS = 0x00000000;
	public static final int STATUS_TIMEOUT = 0x00000102;
	public static final int STATUS_PENDING = 0x00000103;
	public static final int STATUS_DATA_NOT_ACCEPTED = 0xC000021B;
	public static final int STATUS_UNSUCCESSFUL = 0xC0000001;
	public static final int STATUS_NOT_IMPLEMENTED = 0xC0000002;
	public static final int STATUS_INVALID_HANDLE = 0xC0000008;
	public static final int STATUS_INVALID_PARAMETER = 0xC000000D;
	public static final int STATUS_INVALID_DEVICE_REQUEST = 0xC0000010;
	public static final int STATUS_MORE_PROCESSING_REQUIRED = 0xC0000016;
	public static final int STATUS_ACCESS_DENIED = 0xC0000022;
	public static final int STATUS_SHARING_VIOLATION = 0xC0000043;
	public static final int STATUS_INSUFFICIENT_RESOURCES = 0xC000009A;
	public static final int STATUS_DEVICE_NOT_READY = 0xC00000A3;
	public static final int STATUS_FILE_FORCED_CLOSED = 0xC00000B6;
	public static final int STATUS_NOT_SUPPORTED = 0xC00000BB;
	public static final int STATUS_REQUEST_NOT_ACCEPTED = 0xC00000D0;
	public static final int STATUS_CANCELLED = 0xC0000120;
	public static final int STATUS_INVALID_DEVICE_STATE = 0xC0000184;
	public static final int STATUS_ADDRESS_ALREADY_EXISTS = 0xC000020A;
	public static final int STATUS_CONNECTION_RESET = 0xC000020D;
	public static final int STATUS_CONNECTION_REFUSED = 0xC0000236;
	public static final int STATUS_CONNECTION_ABORTED = 0xC0000241;
	public static final int STATUS_ADDRESS_ALREADY_ASSOCIATED = 0xC0000328;

	private static final Map<Integer, String> NAMES = new HashMap<>();

	static {
		for (var f : NtStatus.class.getFields()) {
			if (f.getType() == int.class && f.getName().startsWith("STATUS_")) {
				try {
					NAMES.put(f.getInt(null), f.getName());
				} catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			}
		}
	}

	/** NT_SUCCESS(): severity success or informational (0..0x7FFFFFFF). */
	public static boolean NT_SUCCESS(int status) {
		return status >= 0;
	}

	/** Symbolic name, or the hex value for unknown codes. */
	public static String name(int status) {
		String n = NAMES.get(status);
		return n != null ? n : String.format("0x%08X", status);
	}
}

package org.wskstudio.wsk.sim.nt;

/**
 * Pool tags. {@code PoolTag.of("Echo")} gives the ULONG whose bytes in memory read "Echo", the way
 * pool tools show it (the C literal 'ohcE').
 */
public final class PoolTag {
	private PoolTag() {
	}

	public static int of(String fourChars) {
		if (fourChars.length() != 4) {
			throw new IllegalArgumentException("a pool tag has four characters: '" + fourChars + "'");
		}
		int v = 0;
		for (int i = 3; i >= 0; i--) {
			v = (v << 8) | (fourChars.charAt(i) & 0xFF);
		}
		return v;
	}

	public static String format(int tag) {
		StringBuilder sb = new StringBuilder(4);
		for (int i = 0; i < 4; i++) {
			char c = (char) ((tag >>> (8 * i)) & 0xFF);
			sb.append(c >= 0x20 && c < 0x7F ? c : '?');
		}
		return sb.toString();
	}
}

package org.wskstudio.wsk.model.addressing;

import java.util.Arrays;
import java.util.Optional;

/**
 * Parsing and formatting of IPv4 and IPv6 addresses as 4 or 16 bytes in network order.
 * Strict: no host names, no zone ids, no leading zeros that could be read as octal.
 */
public final class IpAddresses {

	private static final byte[] MAPPED_PREFIX = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff };

	private IpAddresses() {
	}

	/** Parses dotted-quad IPv4 or RFC 4291 IPv6 text (brackets allowed); empty when malformed. */
	public static Optional<byte[]> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip();
		if (t.startsWith("[") && t.endsWith("]")) {
			t = t.substring(1, t.length() - 1);
		}
		return t.indexOf(':') >= 0 ? parseIpv6(t) : parseIpv4(t);
	}

	public static Optional<byte[]> parseIpv4(String text) {
		// by hand, without split or streams: a blocklist of 100,000 ranges is parsed several times
		byte[] result = new byte[4];
		int part = 0;
		int value = 0;
		int digits = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : '.';
			if (c == '.') {
				if (digits == 0 || part == 4) {
					return Optional.empty();
				}
				result[part++] = (byte) value;
				value = 0;
				digits = 0;
			} else if (c >= '0' && c <= '9' && digits < 3 && !(digits == 1 && value == 0)) {
				value = value * 10 + (c - '0');
				digits++;
				if (value > 255) {
					return Optional.empty();
				}
			} else {
				return Optional.empty();
			}
		}
		return part == 4 ? Optional.of(result) : Optional.empty();
	}

	public static Optional<byte[]> parseIpv6(String text) {
		String t = text;
		byte[] tail4 = null;
		int lastColon = t.lastIndexOf(':');
		if (lastColon >= 0 && t.indexOf('.', lastColon) >= 0) {
			Optional<byte[]> v4 = parseIpv4(t.substring(lastColon + 1));
			if (v4.isEmpty()) {
				return Optional.empty();
			}
			tail4 = v4.get();
			// keep the colon(s) before the embedded IPv4 part; a trailing "::" stays "::"
			t = t.substring(0, lastColon + 1) + "0:0";
		}
		int dbl = t.indexOf("::");
		if (dbl >= 0 && t.indexOf("::", dbl + 1) >= 0) {
			return Optional.empty();
		}
		String[] head;
		String[] tail;
		if (dbl >= 0) {
			head = splitGroups(t.substring(0, dbl));
			tail = splitGroups(t.substring(dbl + 2));
			if (head == null || tail == null || head.length + tail.length > 7) {
				return Optional.empty();
			}
		} else {
			head = splitGroups(t);
			tail = new String[0];
			if (head == null || head.length != 8) {
				return Optional.empty();
			}
		}
		int[] groups = new int[8];
		for (int i = 0; i < head.length; i++) {
			Integer g = group(head[i]);
			if (g == null) {
				return Optional.empty();
			}
			groups[i] = g;
		}
		for (int i = 0; i < tail.length; i++) {
			Integer g = group(tail[i]);
			if (g == null) {
				return Optional.empty();
			}
			groups[8 - tail.length + i] = g;
		}
		byte[] result = new byte[16];
		for (int i = 0; i < 8; i++) {
			result[2 * i] = (byte) (groups[i] >> 8);
			result[2 * i + 1] = (byte) groups[i];
		}
		if (tail4 != null) {
			System.arraycopy(tail4, 0, result, 12, 4);
		}
		return Optional.of(result);
	}

	private static String[] splitGroups(String s) {
		if (s.isEmpty()) {
			return new String[0];
		}
		String[] parts = s.split(":", -1);
		for (String p : parts) {
			if (p.isEmpty()) {
				return null;
			}
		}
		return parts;
	}

	private static Integer group(String s) {
		if (s.isEmpty() || s.length() > 4) {
			return null;
		}
		try {
			return Integer.parseInt(s, 16);
		} catch (NumberFormatException e) {
			return null;
		}
	}

	/** Dotted quad for 4 bytes, RFC 5952 canonical text (no brackets) for 16 bytes. */
	public static String format(byte[] address) {
		if (address.length == 4) {
			return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
		}
		if (address.length != 16) {
			throw new IllegalArgumentException("not an IP address: " + address.length + " bytes");
		}
		if (isIpv4Mapped(address)) {
			return "::ffff:" + format(Arrays.copyOfRange(address, 12, 16));
		}
		int[] g = new int[8];
		for (int i = 0; i < 8; i++) {
			g[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLen = 1;
		for (int i = 0; i < 8;) {
			if (g[i] != 0) {
				i++;
				continue;
			}
			int j = i;
			while (j < 8 && g[j] == 0) {
				j++;
			}
			if (j - i > bestLen) {
				bestStart = i;
				bestLen = j - i;
			}
			i = j;
		}
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				sb.append("::");
				i += bestLen - 1;
				continue;
			}
			if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
				sb.append(':');
			}
			sb.append(Integer.toHexString(g[i]));
		}
		return sb.toString();
	}

	public static boolean isIpv4Mapped(byte[] address) {
		return address.length == 16 && Arrays.equals(address, 0, 12, MAPPED_PREFIX, 0, 12);
	}

	public static boolean isUnspecified(byte[] address) {
		for (byte b : address) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}

	/** The IPv4-mapped IPv6 form ::ffff:a.b.c.d of an IPv4 address; IPv6 addresses unchanged. */
	public static byte[] toIpv6(byte[] address) {
		if (address.length == 16) {
			return address.clone();
		}
		byte[] result = Arrays.copyOf(MAPPED_PREFIX, 16);
		System.arraycopy(address, 0, result, 12, 4);
		return result;
	}
}

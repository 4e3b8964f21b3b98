package org.wskstudio.wsk.sim.net;

import java.util.Arrays;

/**
 * An immutable transport address (SOCKADDR_IN / SOCKADDR_IN6): family, 4 or 16 address bytes
 * and a port. Parses and formats "192.0.2.1:80", "[2001:db8::1]:80", "[::ffff:10.0.0.1]:80";
 * the port may be omitted (0).
 */
public final class SockAddr {
	public static final int AF_INET = 2;
	public static final int AF_INET6 = 23;

	private final int family;
	private final byte[] addr;
	private final int port;
	private String text;

	private SockAddr(int family, byte[] addr, int port) {
		if (port < 0 || port > 0xFFFF) {
			throw new IllegalArgumentException("port out of range: " + port);
		}
		this.family = family;
		this.addr = addr;
		this.port = port;
	}

	public static SockAddr of(int family, byte[] address, int port) {
		int len = family == AF_INET ? 4 : family == AF_INET6 ? 16 : -1;
		if (len < 0 || address.length != len) {
			throw new IllegalArgumentException("family " + family + " needs " + len + " address bytes");
		}
		return new SockAddr(family, address.clone(), port);
	}

	public static SockAddr ipv4(int a, int b, int c, int d, int port) {
		return new SockAddr(AF_INET, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, port);
	}

	/** 0.0.0.0 or :: with the given port. */
	public static SockAddr wildcard(int family, int port) {
		return new SockAddr(family, new byte[family == AF_INET ? 4 : 16], port);
	}

	/** Parses an address with optional port. */
	public static SockAddr parse(String s) {
		String t = s.trim();
		try {
			if (t.startsWith("[")) {
				int close = t.indexOf(']');
				if (close < 0) {
					throw new IllegalArgumentException("missing ']'");
				}
				int port = 0;
				String rest = t.substring(close + 1);
				if (!rest.isEmpty()) {
					if (!rest.startsWith(":")) {
						throw new IllegalArgumentException("expected ':port' after ']'");
					}
					port = parsePort(rest.substring(1));
				}
				return new SockAddr(AF_INET6, parseV6(t.substring(1, close)), port);
			}
			int colons = t.length() - t.replace(":", "").length();
			if (colons > 1) {
				return new SockAddr(AF_INET6, parseV6(t), 0);
			}
			int port = 0;
			String host = t;
			if (colons == 1) {
				host = t.substring(0, t.indexOf(':'));
				port = parsePort(t.substring(t.indexOf(':') + 1));
			}
			return new SockAddr(AF_INET, parseV4(host), port);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("not a transport address: '" + s + "' (" + e.getMessage() + ")", e);
		}
	}

	private static int parsePort(String p) {
		int v = Integer.parseInt(p);
		if (v < 0 || v > 0xFFFF) {
			throw new IllegalArgumentException("port out of range");
		}
		return v;
	}

	static byte[] parseV4(String s) {
		String[] parts = s.split("\\.", -1);
		if (parts.length != 4) {
			throw new IllegalArgumentException("IPv4 needs four parts");
		}
		byte[] b = new byte[4];
		for (int i = 0; i < 4; i++) {
			if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
				throw new IllegalArgumentException("bad IPv4 part '" + parts[i] + "'");
			}
			int v = Integer.parseInt(parts[i]);
			if (v > 255) {
				throw new IllegalArgumentException("IPv4 part > 255");
			}
			b[i] = (byte) v;
		}
		return b;
	}

	static byte[] parseV6(String s) {
		byte[] out = new byte[16];
		String head = s;
		String tail = "";
		int dbl = s.indexOf("::");
		if (dbl >= 0) {
			if (s.indexOf("::", dbl + 1) >= 0) {
				throw new IllegalArgumentException("more than one '::'");
			}
			head = s.substring(0, dbl);
			tail = s.substring(dbl + 2);
		}
		int[] h = groups(head);
		int[] t = groups(tail);
		int total = h.length + t.length;
		if (dbl < 0 && total != 16) {
			throw new IllegalArgumentException("IPv6 needs eight groups");
		}
		if (dbl >= 0 && total > 14) {
			throw new IllegalArgumentException("too many IPv6 groups");
		}
		for (int i = 0; i < h.length; i++) {
			out[i] = (byte) h[i];
		}
		for (int i = 0; i < t.length; i++) {
			out[16 - t.length + i] = (byte) t[i];
		}
		return out;
	}

	/** Bytes of colon-separated hex groups, the last of which may be a dotted IPv4 address. */
	private static int[] groups(String s) {
		if (s.isEmpty()) {
			return new int[0];
		}
		String[] parts = s.split(":", -1);
		int n = parts.length;
		boolean v4Tail = parts[n - 1].contains(".");
		int[] out = new int[(v4Tail ? n - 1 : n) * 2 + (v4Tail ? 4 : 0)];
		int k = 0;
		for (int i = 0; i < n; i++) {
			if (i == n - 1 && v4Tail) {
				for (byte b : parseV4(parts[i])) {
					out[k++] = b & 0xFF;
				}
				break;
			}
			String p = parts[i];
			if (p.isEmpty() || p.length() > 4) {
				throw new IllegalArgumentException("bad IPv6 group '" + p + "'");
			}
			int v = Integer.parseInt(p, 16);
			out[k++] = v >> 8;
			out[k++] = v & 0xFF;
		}
		return out;
	}

	public int family() {
		return family;
	}

	public int port() {
		return port;
	}

	/** A copy of the 4 or 16 address bytes. */
	public byte[] address() {
		return addr.clone();
	}

	/** Address byte i (0-based), unsigned. */
	public int addressByte(int i) {
		return addr[i] & 0xFF;
	}

	public boolean isIpv4() {
		return family == AF_INET;
	}

	public boolean isWildcard() {
		for (byte b : addr) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}

	/** ::ffff:a.b.c.d */
	public boolean isV4Mapped() {
		if (family != AF_INET6) {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			if (addr[i] != 0) {
				return false;
			}
		}
		return addr[10] == (byte) 0xFF && addr[11] == (byte) 0xFF;
	}

	/** The IPv4-mapped IPv6 form of an IPv4 address (same port); IPv6 addresses are returned as is. */
	public SockAddr toV4Mapped() {
		if (family == AF_INET6) {
			return this;
		}
		byte[] b = new byte[16];
		b[10] = (byte) 0xFF;
		b[11] = (byte) 0xFF;
		System.arraycopy(addr, 0, b, 12, 4);
		return new SockAddr(AF_INET6, b, port);
	}

	/** The embedded IPv4 address of a v4-mapped address; other addresses are returned as is. */
	public SockAddr unmapV4() {
		if (!isV4Mapped()) {
			return this;
		}
		return new SockAddr(AF_INET, Arrays.copyOfRange(addr, 12, 16), port);
	}

	public SockAddr withPort(int newPort) {
		return newPort == port ? this : new SockAddr(family, addr, newPort);
	}

	/** Same family and address bytes (ports ignored). */
	public boolean sameHost(SockAddr o) {
		return family == o.family && Arrays.equals(addr, o.addr);
	}

	/** The address without port. */
	public String hostString() {
		if (family == AF_INET) {
			return (addr[0] & 0xFF) + "." + (addr[1] & 0xFF) + "." + (addr[2] & 0xFF) + "." + (addr[3] & 0xFF);
		}
		if (isV4Mapped()) {
			return "::ffff:" + unmapV4().hostString();
		}
		int[] g = new int[8];
		for (int i = 0; i < 8; i++) {
			g[i] = ((addr[2 * i] & 0xFF) << 8) | (addr[2 * i + 1] & 0xFF);
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

	@Override
	public String toString() {
		String s = text;
		if (s == null) {
			s = family == AF_INET ? hostString() + ":" + port : "[" + hostString() + "]:" + port;
			text = s;
		}
		return s;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof SockAddr a && a.family == family && a.port == port && Arrays.equals(a.addr, addr);
	}

	@Override
	public int hashCode() {
		return (Arrays.hashCode(addr) * 31 + port) * 31 + family;
	}
}

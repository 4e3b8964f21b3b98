package org.wskstudio.wskl.simulate.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * The simulator's objects for the C driver's memory: one Java object per C address (an IRP, a
 * KEVENT, a socket context...), so that the simulator's identity-based bookkeeping (ownership,
 * tags, leaks) works for C as for Java; sockets by small ids, which the C host maps to its own
 * socket blocks; socket addresses in their Windows layout.
 */
final class HostObjects {
	/** A C pointer the simulator only passes around (a socket context, a completion context). */
	record CPointer(long address) {
		@Override
		public String toString() {
			return "0x" + Long.toHexString(address);
		}
	}

	private final Map<Long, CPointer> pointers = new HashMap<>();
	private final Map<WskSocket, Integer> socketIds = new IdentityHashMap<>();
	private final List<WskSocket> sockets = new ArrayList<>(java.util.Collections.nCopies(1, (WskSocket) null));

	/** The one object of a C address (null for 0). */
	CPointer pointer(long address) {
		return address == 0 ? null : pointers.computeIfAbsent(address, CPointer::new);
	}

	static long address(Object pointer) {
		return pointer instanceof CPointer p ? p.address() : 0;
	}

	int socketId(WskSocket socket) {
		if (socket == null) {
			return 0;
		}
		return socketIds.computeIfAbsent(socket, s -> {
			sockets.add(s);
			return sockets.size() - 1;
		});
	}

	WskSocket socket(long id) {
		return id <= 0 || id >= sockets.size() ? null : sockets.get((int) id);
	}

	static <T> T of(Map<Long, T> map, long address, LongFunction<T> create) {
		return address == 0 ? null : map.computeIfAbsent(address, create::apply);
	}

	// ------------------------------------------------------------------ addresses, Windows layout

	/** SOCKADDR_IN (16 bytes) or SOCKADDR_IN6 (28) in hex; "-" for null. */
	static String hex(SockAddr a) {
		if (a == null) {
			return "-";
		}
		boolean v4 = a.family() == SockAddr.AF_INET;
		byte[] b = new byte[v4 ? 16 : 28];
		b[0] = (byte) a.family();
		b[1] = (byte) (a.family() >> 8);
		b[2] = (byte) (a.port() >> 8);
		b[3] = (byte) a.port();
		System.arraycopy(a.address(), 0, b, v4 ? 4 : 8, v4 ? 4 : 16);
		StringBuilder s = new StringBuilder(b.length * 2);
		for (byte x : b) {
			s.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
		}
		return s.toString();
	}

	/** The address of SOCKADDR bytes in hex, or null ("-", or a family the simulator does not know). */
	static SockAddr sockAddr(String hex) {
		if (hex == null || hex.equals("-") || hex.length() < 8) {
			return null;
		}
		byte[] b = new byte[hex.length() / 2];
		for (int i = 0; i < b.length; i++) {
			b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
		}
		int family = (b[0] & 0xff) | (b[1] & 0xff) << 8;
		int port = (b[2] & 0xff) << 8 | (b[3] & 0xff);
		if (family == SockAddr.AF_INET && b.length >= 8) {
			return SockAddr.of(family, java.util.Arrays.copyOfRange(b, 4, 8), port);
		}
		if (family == SockAddr.AF_INET6 && b.length >= 24) {
			return SockAddr.of(family, java.util.Arrays.copyOfRange(b, 8, 24), port);
		}
		return null;
	}
}

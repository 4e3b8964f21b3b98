package org.wskstudio.wsk.sim.net;

import java.util.SplittableRandom;

/** A CIDR range such as "10.0.0.0/8" or "2001:db8::/32", with an optional port range. */
public final class AddressRange {
	private final SockAddr base;
	private final int prefix;
	private final int portLow;
	private final int portHigh;

	private AddressRange(SockAddr base, int prefix, int portLow, int portHigh) {
		int bits = base.isIpv4() ? 32 : 128;
		if (prefix < 0 || prefix > bits) {
			throw new IllegalArgumentException("prefix length out of range: " + prefix);
		}
		this.base = base;
		this.prefix = prefix;
		this.portLow = portLow;
		this.portHigh = portHigh;
	}

	/** Parses "10.0.0.0/8" (ports 1024..65535 for generated addresses). */
	public static AddressRange parse(String cidr) {
		return parse(cidr, 1024, 65535);
	}

	public static AddressRange parse(String cidr, int portLow, int portHigh) {
		int slash = cidr.indexOf('/');
		String host = slash < 0 ? cidr : cidr.substring(0, slash);
		SockAddr a = host.contains(":") ? SockAddr.parse("[" + host + "]") : SockAddr.parse(host);
		int p = slash < 0 ? (a.isIpv4() ? 32 : 128) : Integer.parseInt(cidr.substring(slash + 1));
		return new AddressRange(a, p, portLow, portHigh);
	}

	public int family() {
		return base.family();
	}

	/** Whether the address lies in the range; an IPv4 range also matches v4-mapped IPv6 addresses. */
	public boolean contains(SockAddr a) {
		SockAddr x = a;
		if (base.isIpv4() && a.isV4Mapped()) {
			x = a.unmapV4();
		}
		if (x.family() != base.family()) {
			return false;
		}
		int full = prefix / 8;
		for (int i = 0; i < full; i++) {
			if (x.addressByte(i) != base.addressByte(i)) {
				return false;
			}
		}
		int rem = prefix % 8;
		if (rem == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rem)) & 0xFF;
		return (x.addressByte(full) & mask) == (base.addressByte(full) & mask);
	}

	/** A uniformly drawn address of the range with a port from the port range. */
	public SockAddr random(SplittableRandom rnd) {
		byte[] b = base.address();
		for (int bit = prefix; bit < b.length * 8; bit++) {
			int i = bit / 8;
			int m = 0x80 >> (bit % 8);
			if (rnd.nextBoolean()) {
				b[i] |= (byte) m;
			} else {
				b[i] &= (byte) ~m;
			}
		}
		int port = portLow + rnd.nextInt(portHigh - portLow + 1);
		return SockAddr.of(base.family(), b, port);
	}

	@Override
	public String toString() {
		return base.hostString() + "/" + prefix;
	}
}

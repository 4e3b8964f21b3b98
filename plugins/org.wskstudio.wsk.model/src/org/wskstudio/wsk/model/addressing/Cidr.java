package org.wskstudio.wsk.model.addressing;

import java.util.Arrays;

/**
 * An address range: a network address (4 or 16 bytes) and a prefix length. Ranges of
 * different families never cover or overlap each other: WSKL treats an IPv4-mapped IPv6
 * address (::ffff:a.b.c.d) as the IPv4 address it carries, so IPv4 clients of a dual-stack
 * listener are matched by IPv4 ranges only.
 */
public record Cidr(byte[] network, int prefixLength) {

	public Cidr {
		network = network.clone();
		if (prefixLength < 0 || prefixLength > network.length * 8) {
			throw new IllegalArgumentException("prefix length " + prefixLength + " for " + network.length * 8 + "-bit address");
		}
	}

	public boolean isIpv4() {
		return network.length == 4;
	}

	@Override
	public byte[] network() {
		return network.clone();
	}

	/** True when the network address has bits set past the prefix. */
	public boolean hasHostBits() {
		return !Arrays.equals(network, masked(network, prefixLength));
	}

	/** The same range with the host bits cleared. */
	public Cidr normalized() {
		return new Cidr(masked(network, prefixLength), prefixLength);
	}

	/** True when every address of {@code other} is in this range; false across families. */
	public boolean covers(Cidr other) {
		if (other.network.length != network.length) {
			return false;
		}
		Cidr a = normalized();
		Cidr b = other.normalized();
		return a.prefixLength <= b.prefixLength
				&& Arrays.equals(masked(b.network, a.prefixLength), a.network);
	}

	/** True when the two ranges share at least one address. */
	public boolean overlaps(Cidr other) {
		return covers(other) || other.covers(this);
	}

	/** True when the address (4 or 16 bytes) lies in this range. */
	public boolean contains(byte[] address) {
		return covers(new Cidr(address, address.length * 8));
	}

	static byte[] masked(byte[] address, int prefixLength) {
		byte[] result = address.clone();
		for (int bit = prefixLength; bit < result.length * 8; bit++) {
			result[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		return result;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(network) + prefixLength;
	}

	@Override
	public String toString() {
		String text = IpAddresses.format(network);
		return (isIpv4() ? text : "[" + text + "]") + "/" + prefixLength;
	}
}

package org.wskstudio.wskl.validation;

import java.util.Optional;

import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.wskl.Family;
import org.wskstudio.wskl.wskl.Listener;

/**
 * The findings about one address range, whether the model writes it in a rule or an address
 * list holds it on a line: the same words for both, so a range in {@code drop.txt} is reported
 * as it would be inline.
 */
final class AddressMessages {

	/** A finding: error or warning, its issue code and its message. */
	record Finding(boolean error, String code, String message) {
	}

	private AddressMessages() {
	}

	static String invalidAddress(String text) {
		return "'" + text + "' is not a valid " + (text.indexOf(':') >= 0 ? "IPv6" : "IPv4") + " address.";
	}

	static String prefixTooLong(int prefixLength, int bits) {
		return "Prefix length /" + prefixLength + " is too long for an " + (bits == 32 ? "IPv4" : "IPv6")
				+ " address (at most /" + bits + ").";
	}

	static String hostBits(String text, Cidr range) {
		return "Address " + text + " has host bits set; it means " + range.normalized() + ".";
	}

	/** What a range of a rule's remote or local side means on the listener's family, if anything. */
	static Optional<Finding> family(Listener listener, Cidr cidr, String side) {
		if (!cidr.isIpv4() && listener.getFamily() == Family.IPV4) {
			return Optional.of(new Finding(true, WsklIssueCodes.RULE_FAMILY_MISMATCH, "IPv6 " + side + " range " + cidr
					+ " on ipv4 listener '" + listener.getName()
					+ "': an AF_INET socket only sees IPv4 addresses, so this rule never matches."));
		}
		if (cidr.isIpv4() && listener.getFamily() == Family.IPV6) {
			return Optional.of(new Finding(true, WsklIssueCodes.RULE_FAMILY_MISMATCH, "IPv4 " + side + " range " + cidr
					+ " on ipv6 listener '" + listener.getName()
					+ "': with IPV6_V6ONLY no IPv4 client reaches it; use 'on dual-stack' or an IPv6 range."));
		}
		if (!cidr.isIpv4() && new Cidr(IpAddresses.toIpv6(new byte[4]), 96).covers(cidr)) {
			return Optional.of(new Finding(false, WsklIssueCodes.RULE_NEVER_MATCHES, "Range " + cidr
					+ " holds only IPv4-mapped addresses, which are matched as IPv4: write the IPv4 range instead."));
		}
		return Optional.empty();
	}
}

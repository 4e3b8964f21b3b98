package org.wskstudio.wskl.address;

import java.util.Optional;

import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.PortRange;

/**
 * What an {@link AddressPattern} of the DSL means: an address range (or any address) and a
 * port range. Shared by the validator and the transformation, so both read a pattern the
 * same way. A missing pattern means any address and any port.
 */
public final class AddressPatterns {

	public static final int MAX_PORT = 65535;

	private AddressPatterns() {
	}

	/** The address range, empty for 'any', for a port-only pattern, and for an invalid address. */
	public static Optional<Cidr> range(AddressPattern pattern) {
		if (pattern == null || pattern.isAny() || pattern.getNetwork() == null) {
			return Optional.empty();
		}
		Optional<byte[]> address = IpAddresses.parse(pattern.getNetwork());
		if (address.isEmpty()) {
			return Optional.empty();
		}
		int bits = address.get().length * 8;
		int prefix = pattern.isHasPrefix() ? pattern.getPrefixLength() : bits;
		if (prefix < 0 || prefix > bits) {
			return Optional.empty();
		}
		return Optional.of(new Cidr(address.get(), prefix));
	}

	/** True when the pattern matches every address (no pattern, 'any', or only a port). */
	public static boolean anyAddress(AddressPattern pattern) {
		return pattern == null || pattern.isAny() || pattern.getNetwork() == null && pattern.getList() == null;
	}

	public static int portLow(AddressPattern pattern) {
		PortRange ports = pattern == null ? null : pattern.getPorts();
		return ports == null ? 0 : ports.getLow();
	}

	public static int portHigh(AddressPattern pattern) {
		PortRange ports = pattern == null ? null : pattern.getPorts();
		if (ports == null) {
			return MAX_PORT;
		}
		return ports.isRange() ? ports.getHigh() : ports.getLow();
	}

	/**
	 * True when every address and port that {@code inner} matches is matched by {@code outer}.
	 * An address list ({@code from "drop.txt"}) covers nothing here and is covered only by a
	 * pattern of any address (its lines are not compared with other rules here).
	 */
	public static boolean covers(AddressPattern outer, AddressPattern inner) {
		if (portLow(outer) > portLow(inner) || portHigh(outer) < portHigh(inner)) {
			return false;
		}
		if (anyAddress(outer)) {
			return true;
		}
		if (anyAddress(inner)) {
			return false;
		}
		Optional<Cidr> o = range(outer);
		Optional<Cidr> i = range(inner);
		return o.isPresent() && i.isPresent() && o.get().covers(i.get());
	}

	/** The pattern as the DSL would write it, for messages and comments. */
	public static String text(AddressPattern pattern) {
		if (anyAddress(pattern) && pattern != null && pattern.getPorts() != null && !pattern.isAny()) {
			return "port " + portText(pattern);
		}
		String address;
		if (AddressLists.isList(pattern)) {
			address = "from \"" + pattern.getList() + "\"";
		} else if (anyAddress(pattern)) {
			address = "any";
		} else {
			address = pattern.getNetwork().indexOf(':') >= 0 ? "[" + pattern.getNetwork() + "]" : pattern.getNetwork();
			if (pattern.isHasPrefix()) {
				address += "/" + pattern.getPrefixLength();
			}
		}
		return pattern != null && pattern.getPorts() != null ? address + " port " + portText(pattern) : address;
	}

	/** {@code " port 80"} or {@code " port 1000-2000"} when the pattern has ports, else "". */
	public static String portsText(AddressPattern pattern) {
		return pattern != null && pattern.getPorts() != null ? " port " + portText(pattern) : "";
	}

	private static String portText(AddressPattern pattern) {
		int low = portLow(pattern);
		int high = portHigh(pattern);
		return low == high ? Integer.toString(low) : low + "-" + high;
	}
}

package org.wskstudio.wskl.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IntervalCover;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.address.AddressLists;
import org.wskstudio.wskl.address.AddressPatterns;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.Family;
import org.wskstudio.wskl.wskl.InspectRule;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.Match;

/**
 * What one inspect rule of a listener matches, read for the reachability sweep: the remote
 * address interval of one family ({@link #ANY} for a rule without a remote address, which also
 * matches peers of unknown family) and the rest of its conditions ({@link Condition}). IPv4 ranges
 * also match IPv4-mapped IPv6 peers, which are compared as IPv4, so an IPv6 range never stands for
 * them. The local port is always the listener's: a local port condition that holds it is no
 * condition.
 *
 * @param index the rule's position in the inspect block (0-based)
 */
public record RuleExtent(int index, int family, BigInteger first, BigInteger last, Condition condition) {

	public static final int ANY = 0;
	public static final int IPV4 = 1;
	public static final int IPV6 = 2;
	/** A rule that takes its remote addresses from a list: covered only by a rule for any address, covering nothing. */
	public static final int LIST = 3;

	/** The IPv4-mapped IPv6 block ::ffff:0:0/96: no IPv6 rule ever sees these peers. */
	public static final Cidr MAPPED = new Cidr(IpAddresses.toIpv6(new byte[4]), 96);

	/**
	 * The remote ports and the local address condition (null: any local address). Rules with
	 * equal conditions form a class; a class covers another when it matches a superset.
	 */
	public record Condition(int portLow, int portHigh, Cidr local) {

		public boolean covers(Condition other) {
			return portLow <= other.portLow && portHigh >= other.portHigh
					&& (local == null || other.local != null && local.covers(other.local));
		}

		public boolean matchesEverything() {
			return portLow == 0 && portHigh == AddressPatterns.MAX_PORT && local == null;
		}
	}

	/** True when this rule's remote interval holds all of the other's (same family, or this one any). */
	public boolean spans(RuleExtent other) {
		return family == ANY || family != LIST && family == other.family && first.compareTo(other.first) <= 0
				&& last.compareTo(other.last) >= 0;
	}

	/**
	 * The extents of a listener's rules in order, leaving out rules that can never match (an
	 * invalid pattern, a range of the wrong family, a range of IPv4-mapped addresses only, a local
	 * port the listener is not bound to): their own checks report them.
	 */
	public static List<RuleExtent> of(Listener listener) {
		List<RuleExtent> extents = new ArrayList<>();
		if (listener.getInspect() == null) {
			return extents;
		}
		List<InspectRule> rules = listener.getInspect().getRules();
		for (int i = 0; i < rules.size(); i++) {
			RuleExtent extent = of(listener, i, rules.get(i).getMatch());
			if (extent != null) {
				extents.add(extent);
			}
		}
		return extents;
	}

	private static RuleExtent of(Listener listener, int index, Match match) {
		AddressPattern remote = match == null ? null : match.getRemote();
		AddressPattern local = match == null ? null : match.getLocal();
		int low = AddressPatterns.portLow(remote);
		int high = AddressPatterns.portHigh(remote);
		if (!validPorts(low, high) || !validPorts(AddressPatterns.portLow(local), AddressPatterns.portHigh(local))
				|| listener.getPort() < AddressPatterns.portLow(local) || listener.getPort() > AddressPatterns.portHigh(local)) {
			return null;
		}
		Cidr localRange = null;
		if (!AddressPatterns.anyAddress(local)) {
			Optional<Cidr> range = AddressPatterns.range(local);
			if (range.isEmpty() || !reachable(listener, range.get())) {
				return null;
			}
			localRange = range.get().normalized();
		}
		Condition condition = new Condition(low, high, localRange);
		if (AddressLists.isList(remote)) {
			return new RuleExtent(index, LIST, BigInteger.ZERO, BigInteger.ZERO, condition);
		}
		if (AddressPatterns.anyAddress(remote)) {
			return new RuleExtent(index, ANY, BigInteger.ZERO, BigInteger.ZERO, condition);
		}
		Optional<Cidr> range = AddressPatterns.range(remote);
		if (range.isEmpty() || !reachable(listener, range.get())) {
			return null;
		}
		BigInteger[] bounds = IntervalCover.bounds(range.get());
		return new RuleExtent(index, range.get().isIpv4() ? IPV4 : IPV6, bounds[0], bounds[1], condition);
	}

	private static boolean validPorts(int low, int high) {
		return low >= 0 && low <= high && high <= AddressPatterns.MAX_PORT;
	}

	/** Whether peers of the range can reach the listener at all, as its family and IPv4 mapping decide. */
	private static boolean reachable(Listener listener, Cidr range) {
		if (range.isIpv4()) {
			return listener.getFamily() != Family.IPV6;
		}
		return listener.getFamily() != Family.IPV4 && !MAPPED.covers(range);
	}
}

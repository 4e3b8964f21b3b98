package org.wskstudio.wskl.rules;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IntervalCover;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.address.AddressLists;
import org.wskstudio.wskl.address.AddressLists.AddressList;
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
 * condition. A rule with an address list ({@code remote from "drop.txt"}) gives one extent per
 * valid line of its list, in the list's order, as the list expands in place.
 *
 * @param index the rule's position in the inspect block (0-based)
 * @param entry the list line the extent comes from, null for a range written in the rule
 */
public record RuleExtent(int index, int family, BigInteger first, BigInteger last, Condition condition, Entry entry) {

	public static final int ANY = 0;
	public static final int IPV4 = 1;
	public static final int IPV6 = 2;

	/** A line of an address list: the list's name as the model writes it, the line, its column and its range's text. */
	public record Entry(String list, int line, int column, String text) {
	}

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
		return family == ANY || family == other.family && first.compareTo(other.first) <= 0
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
			add(listener, i, rules.get(i).getMatch(), extents);
		}
		return extents;
	}

	private static void add(Listener listener, int index, Match match, List<RuleExtent> extents) {
		AddressPattern remote = match == null ? null : match.getRemote();
		AddressPattern local = match == null ? null : match.getLocal();
		int low = AddressPatterns.portLow(remote);
		int high = AddressPatterns.portHigh(remote);
		if (!validPorts(low, high) || !validPorts(AddressPatterns.portLow(local), AddressPatterns.portHigh(local))
				|| listener.getPort() < AddressPatterns.portLow(local) || listener.getPort() > AddressPatterns.portHigh(local)) {
			return;
		}
		Cidr localRange = null;
		if (!AddressPatterns.anyAddress(local)) {
			Optional<Cidr> range = AddressPatterns.range(local);
			if (range.isEmpty() || !reachable(listener, range.get())) {
				return;
			}
			localRange = range.get().normalized();
		}
		Condition condition = new Condition(low, high, localRange);
		if (AddressLists.isList(remote)) {
			addList(listener, index, remote, condition, extents);
		} else if (AddressPatterns.anyAddress(remote)) {
			extents.add(new RuleExtent(index, ANY, BigInteger.ZERO, BigInteger.ZERO, condition, null));
		} else {
			Optional<Cidr> range = AddressPatterns.range(remote);
			if (range.isPresent() && reachable(listener, range.get())) {
				extents.add(extent(index, range.get(), condition, null));
			}
		}
	}

	/** The list's valid lines that can match on this listener (the list's checks report the others). */
	private static void addList(Listener listener, int index, AddressPattern remote, Condition condition,
			List<RuleExtent> extents) {
		AddressList list;
		try {
			list = AddressLists.read(remote);
		} catch (IOException | RuntimeException e) {
			return; // reported by the list's checks
		}
		for (AddressLists.Line line : list.lines()) {
			if (line.rest() != null) {
				continue;
			}
			Optional<Cidr> range = line.range();
			if (range.isPresent() && reachable(listener, range.get())) {
				extents.add(extent(index, range.get(), condition,
						new Entry(list.name(), line.number(), line.column(), line.text())));
			}
		}
	}

	private static RuleExtent extent(int index, Cidr range, Condition condition, Entry entry) {
		BigInteger[] bounds = IntervalCover.bounds(range);
		return new RuleExtent(index, range.isIpv4() ? IPV4 : IPV6, bounds[0], bounds[1], condition, entry);
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

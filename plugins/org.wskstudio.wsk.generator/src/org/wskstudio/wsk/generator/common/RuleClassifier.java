package org.wskstudio.wsk.generator.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskListener;

/**
 * A listener's inspect rules compiled, once, into a classifier both generators emit as data:
 * per remote-address family (IPv4, IPv6) the disjoint address intervals that cover the whole
 * address space, each with the ordered candidate rules whose remote range covers it, cut after
 * the first candidate that matches every request of the interval (any remote port, any local
 * address and port). Most intervals of a blocklist have a single candidate, the winner; port
 * and local-address conditions leave a short ordered list to test. A request of unknown remote
 * family has its own list (rules with {@code remote any}).
 *
 * <p>The lookup is a binary search over the interval starts, then first match over the
 * interval's candidates, which equals first match over the whole rule list: every rule left out
 * of a candidate list either does not cover the interval's addresses or comes after a candidate
 * that matches every request there. IPv4-mapped IPv6 addresses are looked up as IPv4 (the
 * canonical form of the rule evaluation).
 *
 * <p>Built by a sweep over the sorted interval edges ({@link IntervalSweep}): n log n plus the
 * size of the candidate lists, never all pairs of rules.
 */
public final class RuleClassifier {

	/** Kinds of an endpoint's or a match's address, as the rule tables number them. */
	public static final int ANY = 0;
	public static final int IPV4 = 1;
	public static final int IPV6 = 2;

	/** One family's table: interval starts (ascending, the first is 0) and their candidate lists. */
	public static final class Table {
		private final int addressBytes;
		private final List<byte[]> starts;
		private final int[] listStart;
		private final int[] listLength;

		Table(int addressBytes, List<byte[]> starts, int[] listStart, int[] listLength) {
			this.addressBytes = addressBytes;
			this.starts = starts;
			this.listStart = listStart;
			this.listLength = listLength;
		}

		public int addressBytes() {
			return addressBytes;
		}

		public int size() {
			return starts.size();
		}

		/** The first address of interval {@code i}, network order. */
		public byte[] start(int i) {
			return starts.get(i).clone();
		}

		/** Where the candidates of interval {@code i} begin in {@link RuleClassifier#candidates()}. */
		public int listStart(int i) {
			return listStart[i];
		}

		public int listLength(int i) {
			return listLength[i];
		}

		/** The interval holding an address (network order, {@link #addressBytes()} long). */
		public int find(byte[] address) {
			int low = 0;
			int high = starts.size() - 1;
			while (low < high) {
				int mid = (low + high + 1) >>> 1;
				if (Arrays.compareUnsigned(starts.get(mid), address) <= 0) {
					low = mid;
				} else {
					high = mid - 1;
				}
			}
			return low;
		}
	}

	/** A rule's conditions in the form of the rule tables (kind, prefix, ports of remote and local). */
	public record Condition(int kind, byte[] prefix, int prefixLength, int portFirst, int portLast) {

		static final Condition ANY_ENDPOINT = new Condition(ANY, new byte[0], 0, 0, 65535);

		public static Condition of(AddressMatch m) {
			if (m == null) {
				return ANY_ENDPOINT;
			}
			if (m.isAnyAddress()) {
				return new Condition(ANY, new byte[0], 0, m.getPortLow(), m.getPortHigh());
			}
			int kind = m.getFamily() == AddressFamily.INET6 ? IPV6 : IPV4;
			return new Condition(kind, m.getNetwork().clone(), m.getPrefixLength(), m.getPortLow(), m.getPortHigh());
		}

		boolean anyPort() {
			return portFirst == 0 && portLast == 65535;
		}

		boolean matchesEverything() {
			return kind == ANY && anyPort();
		}

		/** The same test as Pfx_Matches: port in range, then same family and prefix. */
		public boolean matches(int endpointKind, byte[] address, int port) {
			if (port < portFirst || port > portLast) {
				return false;
			}
			if (kind == ANY) {
				return true;
			}
			if (endpointKind != kind) {
				return false;
			}
			int full = prefixLength / 8;
			int rest = prefixLength % 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != prefix[i]) {
					return false;
				}
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return rest == 0 || ((address[full] ^ prefix[full]) & mask) == 0;
		}
	}

	private final Condition[] remote;
	private final Condition[] local;
	private final Table ipv4;
	private final Table ipv6;
	private final int[] anyFamily;
	private final int[] candidates;

	private RuleClassifier(Condition[] remote, Condition[] local) {
		this.remote = remote;
		this.local = local;
		IntervalSweep sweep = new IntervalSweep(remote, local);
		this.ipv4 = sweep.table(IPV4, 4);
		this.ipv6 = sweep.table(IPV6, 16);
		List<Integer> any = new ArrayList<>();
		for (int r = 0; r < remote.length; r++) {
			if (remote[r].kind == ANY) {
				any.add(r);
				if (remote[r].anyPort() && local[r].matchesEverything()) {
					break;
				}
			}
		}
		this.anyFamily = any.stream().mapToInt(Integer::intValue).toArray();
		this.candidates = sweep.candidates();
	}

	/** The classifier of the rules in their order. */
	public static RuleClassifier of(List<InspectRule> rules) {
		Condition[] remote = new Condition[rules.size()];
		Condition[] local = new Condition[rules.size()];
		for (int i = 0; i < rules.size(); i++) {
			remote[i] = Condition.of(rules.get(i).getRemote());
			local[i] = Condition.of(rules.get(i).getLocal());
		}
		return new RuleClassifier(remote, local);
	}

	/**
	 * The classifier of a listener's rule table as both generators emit it: the inspect rules in
	 * order, then the default (any remote, any local) as the last rule.
	 */
	public static RuleClassifier of(WskListener listener) {
		List<Condition> remote = new ArrayList<>();
		List<Condition> local = new ArrayList<>();
		for (InspectRule r : listener.getInspectRules()) {
			remote.add(Condition.of(r.getRemote()));
			local.add(Condition.of(r.getLocal()));
		}
		remote.add(Condition.ANY_ENDPOINT);
		local.add(Condition.ANY_ENDPOINT);
		return of(remote, local);
	}

	/** The classifier of rules given by their conditions, remote and local, in order. */
	public static RuleClassifier of(List<Condition> remote, List<Condition> local) {
		return new RuleClassifier(remote.toArray(Condition[]::new), local.toArray(Condition[]::new));
	}

	public Table ipv4() {
		return ipv4;
	}

	public Table ipv6() {
		return ipv6;
	}

	/** Candidates for a remote endpoint of unknown family (rules with {@code remote any}). */
	public int[] anyFamily() {
		return anyFamily.clone();
	}

	/** Every interval's candidate rule indices, one list after the other. */
	public int[] candidates() {
		return candidates.clone();
	}

	public int ruleCount() {
		return remote.length;
	}

	/**
	 * The index of the first rule matching a request, or -1 (no rule: reject). Endpoints are in
	 * canonical form: kind {@link #ANY} (unknown family), {@link #IPV4} or {@link #IPV6}, the
	 * address in network order (4 or 16 bytes), the port in host order.
	 */
	public int lookup(int remoteKind, byte[] remoteAddress, int remotePort, int localKind, byte[] localAddress,
			int localPort) {
		int from;
		int length;
		int[] list;
		if (remoteKind == IPV4 || remoteKind == IPV6) {
			Table t = remoteKind == IPV4 ? ipv4 : ipv6;
			int i = t.find(remoteAddress);
			from = t.listStart[i];
			length = t.listLength[i];
			list = candidates;
		} else {
			from = 0;
			length = anyFamily.length;
			list = anyFamily;
		}
		for (int k = from; k < from + length; k++) {
			int r = list[k];
			if (remote[r].matches(remoteKind, remoteAddress, remotePort)
					&& local[r].matches(localKind, localAddress, localPort)) {
				return r;
			}
		}
		return -1;
	}
}

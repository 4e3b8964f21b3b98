package org.wskstudio.wsk.generator.common;

import static org.wskstudio.wsk.generator.common.RuleClassifier.ANY;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.wskstudio.wsk.generator.common.RuleClassifier.Condition;
import org.wskstudio.wsk.generator.common.RuleClassifier.Table;

/**
 * How a {@link RuleClassifier} is built: one sweep per remote family over the sorted edges of the
 * rules' remote ranges (n log n plus the size of the candidate lists, never all pairs of rules).
 * The tables of one sweep share one candidate list, in which equal lists are stored once.
 */
final class IntervalSweep {

	private final Condition[] remote;
	private final Condition[] local;
	private final List<Integer> flat = new ArrayList<>();
	private final Map<List<Integer>, Integer> shared = new HashMap<>();

	IntervalSweep(Condition[] remote, Condition[] local) {
		this.remote = remote;
		this.local = local;
	}

	/**
	 * The intervals of one family: the edges of every rule's remote range (and of {@code any}, the
	 * whole space) sorted; between two edges the same rules cover every address. Walking the
	 * edges in order, rules enter at their first address and leave after their last; the active
	 * rules, by index, give the interval's candidates up to the first that matches everything
	 * there. Neighbours with equal lists are merged; equal lists are stored once.
	 */
	Table table(int kind, int bytes) {
		return bytes == 4 ? sweep(kind, new Ipv4Keys()) : sweep(kind, new WideKeys(bytes));
	}

	/** The candidate lists of every table made so far, one after the other. */
	int[] candidates() {
		return flat.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Addresses as sweep keys: IPv4 addresses fit a long (compared as numbers, no allocation per
	 * comparison), IPv6 addresses are BigIntegers. {@code end} is the first address after a
	 * condition's range, or null when the range reaches the top of the space.
	 */
	private interface Keys<K extends Comparable<K>> {
		int bytes();

		K zero();

		K first(Condition c);

		K end(Condition c);

		byte[] toBytes(K key);
	}

	private static final class Ipv4Keys implements Keys<Long> {
		@Override
		public int bytes() {
			return 4;
		}

		@Override
		public Long zero() {
			return 0L;
		}

		@Override
		public Long first(Condition c) {
			long address = ((c.prefix()[0] & 0xffL) << 24) | ((c.prefix()[1] & 0xffL) << 16) | ((c.prefix()[2] & 0xffL) << 8)
					| (c.prefix()[3] & 0xffL);
			return address & ~((1L << (32 - c.prefixLength())) - 1);
		}

		@Override
		public Long end(Condition c) {
			long end = first(c) + (1L << (32 - c.prefixLength()));
			return end < (1L << 32) ? end : null;
		}

		@Override
		public byte[] toBytes(Long key) {
			long v = key;
			return new byte[] { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v };
		}
	}

	private static final class WideKeys implements Keys<BigInteger> {
		private final int bytes;
		private final BigInteger top;

		WideKeys(int bytes) {
			this.bytes = bytes;
			this.top = BigInteger.ONE.shiftLeft(bytes * 8);
		}

		@Override
		public int bytes() {
			return bytes;
		}

		@Override
		public BigInteger zero() {
			return BigInteger.ZERO;
		}

		@Override
		public BigInteger first(Condition c) {
			BigInteger size = BigInteger.ONE.shiftLeft(bytes * 8 - c.prefixLength());
			return new BigInteger(1, c.prefix()).and(size.subtract(BigInteger.ONE).not());
		}

		@Override
		public BigInteger end(Condition c) {
			BigInteger end = first(c).add(BigInteger.ONE.shiftLeft(bytes * 8 - c.prefixLength()));
			return end.compareTo(top) < 0 ? end : null;
		}

		@Override
		public byte[] toBytes(BigInteger value) {
			return IntervalSweep.toBytes(value, bytes);
		}
	}

	private <K extends Comparable<K>> Table sweep(int kind, Keys<K> keys) {
		int bytes = keys.bytes();
		TreeMap<K, List<Integer>> enter = new TreeMap<>();
		TreeMap<K, List<Integer>> leave = new TreeMap<>();
		enter.put(keys.zero(), new ArrayList<>());
		for (int r = 0; r < remote.length; r++) {
			Condition c = remote[r];
			K first;
			K end;
			if (c.kind() == ANY) {
				first = keys.zero();
				end = null;
			} else if (c.kind() == kind) {
				first = keys.first(c);
				end = keys.end(c);
			} else {
				continue;
			}
			enter.computeIfAbsent(first, k -> new ArrayList<>()).add(r);
			if (end != null) {
				leave.computeIfAbsent(end, k -> new ArrayList<>()).add(r);
				enter.computeIfAbsent(end, k -> new ArrayList<>());
			}
		}
		TreeSet<Integer> active = new TreeSet<>();
		List<byte[]> starts = new ArrayList<>();
		List<Integer> listStart = new ArrayList<>();
		List<Integer> listLength = new ArrayList<>();
		List<Integer> previous = null;
		for (var edge : enter.entrySet()) {
			List<Integer> gone = leave.get(edge.getKey());
			if (gone != null) {
				active.removeAll(gone);
			}
			active.addAll(edge.getValue());
			List<Integer> list = new ArrayList<>();
			for (int r : active) {
				list.add(r);
				if (remote[r].anyPort() && local[r].matchesEverything()) {
					break;
				}
			}
			if (list.equals(previous)) {
				continue;
			}
			previous = list;
			starts.add(keys.toBytes(edge.getKey()));
			Integer at = shared.get(list);
			if (at == null) {
				at = flat.size();
				shared.put(list, at);
				flat.addAll(list);
			}
			listStart.add(at);
			listLength.add(list.size());
		}
		return new Table(bytes, starts, listStart.stream().mapToInt(Integer::intValue).toArray(),
				listLength.stream().mapToInt(Integer::intValue).toArray());
	}

	private static byte[] toBytes(BigInteger value, int bytes) {
		byte[] raw = value.toByteArray();
		byte[] result = new byte[bytes];
		int n = Math.min(raw.length, bytes);
		System.arraycopy(raw, raw.length - n, result, bytes - n, n);
		return result;
	}
}

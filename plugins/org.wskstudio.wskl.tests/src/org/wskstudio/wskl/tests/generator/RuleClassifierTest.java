package org.wskstudio.wskl.tests.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.generator.common.RuleClassifier;
import org.wskstudio.wsk.generator.common.RuleClassifier.Condition;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wskl.tests.Examples;
import org.wskstudio.wskl.tests.ModelLoading;

/**
 * The compiled classifier gives the same rule as first match over the rule list, for a million
 * random requests per example listener and per large generated rule set: IPv4, IPv6,
 * IPv4-mapped IPv6 and unknown-family peers, edge ports, addresses at interval edges and at the
 * ends of every rule's range. The reference is written here, independently, on {@link Cidr}.
 */
class RuleClassifierTest {

	private static final int REQUESTS = 1_000_000;

	/** A raw peer address as WSK hands it over: null (unknown family), 4 or 16 bytes. */
	private record Raw(byte[] address, int port) {
	}

	// ---- the reference: first match over the list ---------------------------------------

	/** A condition as an address range [low, high] on the canonical address read as a number. */
	private record Range(Condition c, java.math.BigInteger low, java.math.BigInteger high, int bytes) {
		static Range of(Condition c) {
			if (c.kind() == RuleClassifier.ANY) {
				return new Range(c, null, null, 0);
			}
			int bytes = c.kind() == RuleClassifier.IPV4 ? 4 : 16;
			java.math.BigInteger size = java.math.BigInteger.ONE.shiftLeft(bytes * 8 - c.prefixLength());
			java.math.BigInteger low = new java.math.BigInteger(1, c.prefix()).divide(size).multiply(size);
			return new Range(c, low, low.add(size).subtract(java.math.BigInteger.ONE), bytes);
		}

		boolean matches(byte[] canonical, java.math.BigInteger number, int port) {
			if (port < c.portFirst() || port > c.portLast()) {
				return false;
			}
			if (low == null) {
				return true;
			}
			return canonical != null && canonical.length == bytes && low.compareTo(number) <= 0 && number.compareTo(high) <= 0;
		}
	}

	/** First match over the list, rule by rule. */
	private static class Reference {
		final List<Range> remote;
		final List<Range> local;

		Reference(List<Condition> remote, List<Condition> local) {
			this.remote = remote.stream().map(Range::of).toList();
			this.local = local.stream().map(Range::of).toList();
		}

		int firstMatch(Raw r, Raw l) {
			byte[] ra = canonical(r.address);
			byte[] la = canonical(l.address);
			java.math.BigInteger rn = ra == null ? null : new java.math.BigInteger(1, ra);
			java.math.BigInteger ln = la == null ? null : new java.math.BigInteger(1, la);
			return firstMatch(0, remote.size(), ra, rn, r.port, la, ln, l.port);
		}

		int firstMatch(int from, int to, byte[] ra, java.math.BigInteger rn, int rp, byte[] la, java.math.BigInteger ln, int lp) {
			for (int i = from; i < to; i++) {
				if (remote.get(i).matches(ra, rn, rp) && local.get(i).matches(la, ln, lp)) {
					return i;
				}
			}
			return -1;
		}
	}

	/**
	 * First match over a list whose rules [from, to) are IPv4 /24 blocks with no port or local
	 * condition: the first of them is found by its /24 in a map, the others rule by rule.
	 */
	private static final class BlocklistReference extends Reference {
		private final int from;
		private final int to;
		private final java.util.Map<Integer, Integer> first = new java.util.HashMap<>();

		BlocklistReference(List<Condition> remote, List<Condition> local, int from, int to) {
			super(remote, local);
			this.from = from;
			this.to = to;
			for (int i = to - 1; i >= from; i--) {
				Condition c = remote.get(i);
				assertThat(c.prefixLength()).isEqualTo(24);
				first.put(java.nio.ByteBuffer.wrap(c.prefix()).getInt() >>> 8, i);
			}
		}

		@Override
		int firstMatch(Raw r, Raw l) {
			byte[] ra = canonical(r.address);
			byte[] la = canonical(l.address);
			java.math.BigInteger rn = ra == null ? null : new java.math.BigInteger(1, ra);
			java.math.BigInteger ln = la == null ? null : new java.math.BigInteger(1, la);
			int before = firstMatch(0, from, ra, rn, r.port, la, ln, l.port);
			if (before >= 0) {
				return before;
			}
			if (ra != null && ra.length == 4) {
				Integer block = first.get(java.nio.ByteBuffer.wrap(ra).getInt() >>> 8);
				if (block != null) {
					return block;
				}
			}
			return firstMatch(to, remote.size(), ra, rn, r.port, la, ln, l.port);
		}
	}

	/** IPv4-mapped IPv6 becomes the IPv4 address it carries. */
	private static byte[] canonical(byte[] address) {
		if (address == null || address.length == 4) {
			return address;
		}
		for (int i = 0; i < 10; i++) {
			if (address[i] != 0) {
				return address;
			}
		}
		if ((address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff) {
			byte[] v4 = new byte[4];
			System.arraycopy(address, 12, v4, 0, 4);
			return v4;
		}
		return address;
	}

	private static int classify(RuleClassifier c, Raw r, Raw l) {
		byte[] ra = canonical(r.address);
		byte[] la = canonical(l.address);
		return c.lookup(kind(ra), ra, r.port, kind(la), la, l.port);
	}

	private static int kind(byte[] canonical) {
		return canonical == null ? RuleClassifier.ANY : canonical.length == 4 ? RuleClassifier.IPV4 : RuleClassifier.IPV6;
	}

	// ---- random requests ------------------------------------------------------------------

	/** Draws peers from the rules' own ranges and ports, the interval edges, and anywhere. */
	private static final class Draw {
		private final Random random;
		private final List<Condition> conditions;
		private final RuleClassifier classifier;

		Draw(long seed, List<Condition> conditions, RuleClassifier classifier) {
			this.random = new Random(seed);
			this.conditions = conditions;
			this.classifier = classifier;
		}

		Raw next() {
			return new Raw(address(), port());
		}

		private int port() {
			switch (random.nextInt(6)) {
			case 0: return 0;
			case 1: return 1;
			case 2: return 65535;
			case 3: {
				Condition c = conditions.get(random.nextInt(conditions.size()));
				int edge = random.nextBoolean() ? c.portFirst() : c.portLast();
				return Math.max(0, Math.min(65535, edge + random.nextInt(3) - 1));
			}
			default: return random.nextInt(65536);
			}
		}

		private byte[] address() {
			byte[] a;
			switch (random.nextInt(8)) {
			case 0: return null;
			case 1: a = random(4); break;
			case 2: a = random(16); break;
			case 3: case 4: a = intervalEdge(); break;
			default: a = ruleEdge(); break;
			}
			if (a.length == 4 && random.nextInt(3) == 0) {
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xff;
				mapped[11] = (byte) 0xff;
				System.arraycopy(a, 0, mapped, 12, 4);
				return mapped;
			}
			return a;
		}

		private byte[] random(int bytes) {
			byte[] a = new byte[bytes];
			random.nextBytes(a);
			return a;
		}

		/** An interval's first address, or the one before it (the last of its left neighbour). */
		private byte[] intervalEdge() {
			RuleClassifier.Table t = random.nextBoolean() ? classifier.ipv4() : classifier.ipv6();
			byte[] a = t.start(random.nextInt(t.size()));
			return random.nextBoolean() ? a : step(a, -1);
		}

		/** First or last address of a rule's range, or one past it. */
		private byte[] ruleEdge() {
			Condition c = conditions.get(random.nextInt(conditions.size()));
			if (c.kind() == RuleClassifier.ANY) {
				return random(random.nextBoolean() ? 4 : 16);
			}
			byte[] a = new Cidr(c.prefix(), c.prefixLength()).normalized().network();
			boolean last = random.nextBoolean();
			if (last) {
				for (int bit = c.prefixLength(); bit < a.length * 8; bit++) {
					a[bit / 8] |= (byte) (0x80 >>> (bit % 8));
				}
			}
			return switch (random.nextInt(3)) {
			case 0 -> step(a, last ? 1 : -1);
			default -> a;
			};
		}

		private static byte[] step(byte[] address, int delta) {
			byte[] a = address.clone();
			for (int i = a.length - 1; i >= 0; i--) {
				int v = (a[i] & 0xff) + delta;
				a[i] = (byte) v;
				if (v >= 0 && v <= 255) {
					break;
				}
			}
			return a;
		}
	}

	private static void assertSameAsFirstMatch(String what, List<Condition> remote, List<Condition> local, long seed) {
		assertSameAsFirstMatch(what, remote, local, new Reference(remote, local), seed);
	}

	private static void assertSameAsFirstMatch(String what, List<Condition> remote, List<Condition> local,
			Reference reference, long seed) {
		RuleClassifier c = RuleClassifier.of(remote, local);
		List<Condition> all = new ArrayList<>(remote);
		all.addAll(local);
		Draw draw = new Draw(seed, all, c);
		int[] hits = new int[remote.size() + 1];
		for (int i = 0; i < REQUESTS; i++) {
			Raw r = draw.next();
			Raw l = draw.next();
			int expected = reference.firstMatch(r, l);
			int actual = classify(c, r, l);
			if (expected != actual) {
				throw new AssertionError(what + ": request " + i + " remote " + describe(r) + " local " + describe(l)
						+ ": first match is rule " + expected + ", the classifier says " + actual);
			}
			hits[expected + 1]++;
		}
		// the draws reach both matching and non-matching rules, not one rule only
		long distinct = java.util.Arrays.stream(hits).filter(h -> h > 0).count();
		assertThat(distinct).as(what + ": rules reached").isGreaterThan(Math.min(remote.size(), 3));
	}

	private static String describe(Raw e) {
		return e.address == null ? "(unknown family):" + e.port
				: org.wskstudio.wsk.model.addressing.IpAddresses.format(e.address) + ":" + e.port;
	}

	// ---- the cases ----------------------------------------------------------------------

	@Test
	void everyExampleListenerAgreesWithFirstMatch() {
		int listeners = 0;
		for (Path file : Examples.validModels()) {
			WskDriver d = ModelLoading.codeModel(file);
			for (WskListener l : d.getListeners()) {
				if (l.getInspectRules().isEmpty()) {
					continue;
				}
				List<Condition> remote = new ArrayList<>();
				List<Condition> local = new ArrayList<>();
				for (InspectRule r : l.getInspectRules()) {
					remote.add(Condition.of(r.getRemote()));
					local.add(Condition.of(r.getLocal()));
				}
				assertSameAsFirstMatch(file.getFileName() + " " + l.getName(), remote, local, listeners);
				listeners++;
			}
		}
		assertThat(listeners).as("example listeners with inspect rules").isGreaterThanOrEqualTo(2);
	}

	@Test
	void blocklistOf100000RulesAgreesWithFirstMatch() {
		Random random = new Random(100_000);
		List<Condition> remote = new ArrayList<>();
		List<Condition> local = new ArrayList<>();
		add(remote, local, any(22, 22), any(0, 65535));                      // accept ssh from anywhere
		add(remote, local, v4(random, 8), any(0, 65535));                    // a wide range first
		for (int i = 0; i < 100_000; i++) {
			add(remote, local, v4(random, 24), any(0, 65535));
		}
		add(remote, local, any(0, 65535), any(0, 65535));                    // default
		assertSameAsFirstMatch("100,000 /24 blocks", remote, local, new BlocklistReference(remote, local, 2, 100_002), 1);
	}

	@Test
	void mixedRulesWithPortsLocalsAndBothFamiliesAgreeWithFirstMatch() {
		Random random = new Random(7);
		List<Condition> remote = new ArrayList<>();
		List<Condition> local = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			Condition r = switch (random.nextInt(5)) {
			case 0 -> v4(random, 8 + random.nextInt(25));
			case 1 -> v6(random, random.nextInt(129));
			case 2 -> any(random.nextInt(1024), 1024 + random.nextInt(64512));
			default -> random.nextBoolean() ? v4(random, 16 + random.nextInt(17)) : v6(random, 16 + random.nextInt(49));
			};
			if (r.kind() != RuleClassifier.ANY && random.nextInt(4) == 0) {
				int first = random.nextInt(65536);
				r = new Condition(r.kind(), r.prefix(), r.prefixLength(), first, first + random.nextInt(65536 - first));
			}
			Condition l = switch (random.nextInt(6)) {
			case 0 -> v4(random, random.nextInt(33));
			case 1 -> any(40000 + random.nextInt(10), 40010);
			case 2 -> v6(random, random.nextInt(65));
			default -> any(0, 65535);
			};
			add(remote, local, r, l);
		}
		add(remote, local, any(0, 65535), any(0, 65535));
		assertSameAsFirstMatch("1,000 mixed rules", remote, local, 2);
	}

	@Test
	void noDefaultLeavesUnmatchedRequestsUnmatched() {
		List<Condition> remote = List.of(v4(new Random(3), 1), any(80, 80));
		List<Condition> local = List.of(any(0, 65535), any(0, 65535));
		assertSameAsFirstMatch("two rules, no default", remote, local, 3);
		RuleClassifier c = RuleClassifier.of(remote, local);
		assertThat(c.lookup(RuleClassifier.ANY, null, 81, RuleClassifier.ANY, null, 0)).isEqualTo(-1);
		assertThat(c.lookup(RuleClassifier.ANY, null, 80, RuleClassifier.ANY, null, 0)).isEqualTo(1);
	}

	@Test
	void blocklistIntervalsCarryOneCandidateEach() {
		Random random = new Random(11);
		List<Condition> remote = new ArrayList<>();
		List<Condition> local = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			add(remote, local, v4(random, 24), any(0, 65535));
		}
		add(remote, local, any(0, 65535), any(0, 65535));
		RuleClassifier c = RuleClassifier.of(remote, local);
		RuleClassifier.Table t = c.ipv4();
		assertThat(t.size()).isBetween(1000, 2001);
		for (int i = 0; i < t.size(); i++) {
			assertThat(t.listLength(i)).isEqualTo(1);
		}
		assertThat(c.ipv6().size()).isEqualTo(1);
		assertThat(c.candidates()[c.ipv6().listStart(0)]).isEqualTo(1000);
	}

	private static void add(List<Condition> remote, List<Condition> local, Condition r, Condition l) {
		remote.add(r);
		local.add(l);
	}

	private static Condition any(int first, int last) {
		return new Condition(RuleClassifier.ANY, new byte[0], 0, first, last);
	}

	private static Condition v4(Random random, int prefix) {
		byte[] a = new byte[4];
		random.nextBytes(a);
		return new Condition(RuleClassifier.IPV4, new Cidr(a, prefix).normalized().network(), prefix, 0, 65535);
	}

	private static Condition v6(Random random, int prefix) {
		byte[] a = new byte[16];
		random.nextBytes(a);
		if (random.nextBoolean()) {
			a[0] = 0x20; // keep some rules in one region, so they nest and overlap
			a[1] = 0x01;
		}
		return new Condition(RuleClassifier.IPV6, new Cidr(a, prefix).normalized().network(), prefix, 0, 65535);
	}
}

package org.wskstudio.wsk.generator.tests.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.wskstudio.wsk.generator.common.RuleClassifier;
import org.wskstudio.wsk.generator.common.RuleClassifier.Condition;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskFactory;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/**
 * What the classifier tests of both targets share: raw requests as WSK hands them over, the
 * reference (first match over the rule list, written here on address ranges, independently of
 * the classifier), and the random draw of requests (the rules' own range and port edges, the
 * interval edges, anywhere; IPv4, IPv6, IPv4-mapped IPv6, unknown family; ports 0, 1, 65535).
 */
public final class ClassifierFixtures {

	private ClassifierFixtures() {
	}

	/** A raw peer address as WSK hands it over: null (unknown family), 4 or 16 bytes. */
	record Raw(byte[] address, int port) {
	}

	// ---- the reference: first match over the list ---------------------------------------

	/** A condition as an address range [low, high] on the canonical address read as a number. */
	record Range(Condition c, java.math.BigInteger low, java.math.BigInteger high, int bytes) {
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
	static class Reference {
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
	static final class BlocklistReference extends Reference {
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
	static byte[] canonical(byte[] address) {
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

	// ---- random requests ------------------------------------------------------------------

	/** Draws peers from the rules' own ranges and ports, the interval edges, and anywhere. */
	static final class Draw {
		private final Random random;
		private final List<Condition> conditions;
		private final RuleClassifier classifier;

		Draw(long seed, List<Condition> conditions, RuleClassifier classifier) {
			this.random = new Random(seed);
			this.conditions = conditions;
			this.classifier = classifier;
		}

		/** A peer; one without an address (no SOCKADDR) has port 0, as the canonical form gives it. */
		Raw next() {
			byte[] address = address();
			int port = port();
			return new Raw(address, address == null ? 0 : port);
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

	static Condition any(int first, int last) {
		return new Condition(RuleClassifier.ANY, new byte[0], 0, first, last);
	}

	static Condition v4(Random random, int prefix) {
		byte[] a = new byte[4];
		random.nextBytes(a);
		return new Condition(RuleClassifier.IPV4, new Cidr(a, prefix).normalized().network(), prefix, 0, 65535);
	}

	static Condition v6(Random random, int prefix) {
		byte[] a = new byte[16];
		random.nextBytes(a);
		if (random.nextBoolean()) {
			a[0] = 0x20; // keep some rules in one region, so they nest and overlap
			a[1] = 0x01;
		}
		return new Condition(RuleClassifier.IPV6, new Cidr(a, prefix).normalized().network(), prefix, 0, 65535);
	}

	// ---- the listeners both targets' tests run -----------------------------------------

	/** A listener to test, its driver, the reference for its rule table, and the draw's seed. */
	public record Case(String name, WskDriver driver, WskListener listener, Reference reference, long seed) {
	}

	/** Every conditional-accept listener of the examples. */
	static List<Case> exampleListeners() {
		List<Case> cases = new ArrayList<>();
		for (Path file : Examples.validModels()) {
			WskDriver d = ModelLoading.codeModel(file);
			for (WskListener l : d.getListeners()) {
				if (l.isConditionalAccept()) {
					List<Condition>[] table = conditions(l);
					cases.add(new Case(file.getFileName() + " " + l.getName(), d, l, new Reference(table[0], table[1]),
							cases.size()));
				}
			}
		}
		assertThat(cases).as("example listeners with conditional accept").hasSizeGreaterThanOrEqualTo(2);
		return cases;
	}

	/**
	 * conditional_accept's listener with {@code blocks} IPv4 /24 rules (reject and accept in turn)
	 * after an accept of port 22 from anywhere and a /8 reject.
	 */
	public static Case blocklist(int blocks) {
		WskDriver d = ModelLoading.codeModel(Examples.example("conditional_accept.wskl"));
		WskListener l = d.getListeners().stream().filter(WskListener::isConditionalAccept).findFirst().orElseThrow();
		Random random = new Random(100_000);
		List<InspectRule> rules = new ArrayList<>();
		rules.add(rule(InspectAction.ACCEPT, any(22, 22), any(0, 65535)));
		rules.add(rule(InspectAction.REJECT, v4(random, 8), any(0, 65535)));
		for (int i = 0; i < blocks; i++) {
			rules.add(rule(i % 2 == 0 ? InspectAction.REJECT : InspectAction.ACCEPT, v4(random, 24), any(0, 65535)));
		}
		replaceRules(l, rules);
		List<Condition>[] table = conditions(l);
		return new Case(blocks + " /24 blocks", d, l, new BlocklistReference(table[0], table[1], 2, blocks + 2), 1);
	}

	/** dual_stack's listener with 1,000 rules of both families, port ranges and local conditions. */
	static Case mixed() {
		WskDriver d = ModelLoading.codeModel(Examples.example("dual_stack.wskl"));
		WskListener l = d.getListeners().stream().filter(WskListener::isConditionalAccept).findFirst().orElseThrow();
		Random random = new Random(7);
		List<InspectRule> rules = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			Condition r = switch (random.nextInt(4)) {
			case 0 -> v4(random, 8 + random.nextInt(25));
			case 1 -> v6(random, random.nextInt(129));
			case 2 -> any(random.nextInt(1024), 1024 + random.nextInt(64512));
			default -> random.nextBoolean() ? v4(random, 16 + random.nextInt(17)) : v6(random, 16 + random.nextInt(49));
			};
			if (r.kind() != RuleClassifier.ANY && random.nextInt(4) == 0) {
				int first = random.nextInt(65536);
				r = new Condition(r.kind(), r.prefix(), r.prefixLength(), first, first + random.nextInt(65536 - first));
			}
			Condition local = switch (random.nextInt(5)) {
			case 0 -> any(40000 + random.nextInt(10), 40010);
			case 1 -> v6(random, random.nextInt(65));
			case 2 -> v4(random, random.nextInt(33));
			default -> any(0, 65535);
			};
			rules.add(rule(random.nextBoolean() ? InspectAction.ACCEPT : InspectAction.REJECT, r, local));
		}
		replaceRules(l, rules);
		List<Condition>[] table = conditions(l);
		return new Case("1,000 mixed rules", d, l, new Reference(table[0], table[1]), 2);
	}

	/** The requests of a case: pairs (remote, local) drawn from its rules and its classifier's intervals. */
	static List<Raw[]> requests(Case c, int count) {
		List<Condition>[] table = conditions(c.listener());
		List<Condition> all = new ArrayList<>(table[0]);
		all.addAll(table[1]);
		Draw draw = new Draw(c.seed(), all, RuleClassifier.of(c.listener()));
		List<Raw[]> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			requests.add(new Raw[] { draw.next(), draw.next() });
		}
		return requests;
	}

	// ---- rule tables of a listener ------------------------------------------------------

	static void replaceRules(WskListener l, List<InspectRule> rules) {
		for (int i = 0; i < rules.size(); i++) {
			rules.get(i).setIndex(i + 1);
		}
		l.getInspectRules().clear();
		l.getInspectRules().addAll(rules);
	}

	@SuppressWarnings("unchecked")
	static List<Condition>[] conditions(WskListener l) {
		List<Condition> remote = new ArrayList<>();
		List<Condition> local = new ArrayList<>();
		for (InspectRule r : l.getInspectRules()) {
			remote.add(Condition.of(r.getRemote()));
			local.add(Condition.of(r.getLocal()));
		}
		remote.add(any(0, 65535));
		local.add(any(0, 65535));
		return new List[] { remote, local };
	}

	static InspectRule rule(InspectAction action, Condition remote, Condition local) {
		InspectRule r = WskFactory.eINSTANCE.createInspectRule();
		r.setAction(action);
		r.setRemote(match(remote));
		r.setLocal(match(local));
		return r;
	}

	static AddressMatch match(Condition c) {
		AddressMatch m = WskFactory.eINSTANCE.createAddressMatch();
		m.setPortLow(c.portFirst());
		m.setPortHigh(c.portLast());
		if (c.kind() == RuleClassifier.ANY) {
			m.setAnyAddress(true);
		} else {
			m.setFamily(c.kind() == RuleClassifier.IPV4 ? AddressFamily.INET : AddressFamily.INET6);
			m.setNetwork(c.prefix());
			m.setPrefixLength(c.prefixLength());
		}
		return m;
	}
}

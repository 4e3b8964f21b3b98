package org.wskstudio.wsk.generator.tests.common;

import static org.assertj.core.api.Assertions.assertThat;

import static org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.any;
import static org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.canonical;
import static org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.v4;
import static org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.v6;

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
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.BlocklistReference;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Draw;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Raw;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Reference;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/**
 * The compiled classifier gives the same rule as first match over the rule list, for a million
 * random requests per example listener and per large generated rule set: IPv4, IPv6,
 * IPv4-mapped IPv6 and unknown-family peers, edge ports, addresses at interval edges and at the
 * ends of every rule's range ({@link ClassifierFixtures}).
 */
class RuleClassifierTest {

	private static final int REQUESTS = 1_000_000;

	private static int classify(RuleClassifier c, Raw r, Raw l) {
		byte[] ra = canonical(r.address());
		byte[] la = canonical(l.address());
		return c.lookup(kind(ra), ra, r.port(), kind(la), la, l.port());
	}

	private static int kind(byte[] canonical) {
		return canonical == null ? RuleClassifier.ANY : canonical.length == 4 ? RuleClassifier.IPV4 : RuleClassifier.IPV6;
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
		return e.address() == null ? "(unknown family):" + e.port()
				: org.wskstudio.wsk.model.addressing.IpAddresses.format(e.address()) + ":" + e.port();
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
}

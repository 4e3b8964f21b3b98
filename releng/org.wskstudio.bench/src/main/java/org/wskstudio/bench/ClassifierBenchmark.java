package org.wskstudio.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wskstudio.wsk.sim.net.SockAddr;

/**
 * Lookups per second of the generated Java twin's classifier ({@code Block_Evaluate} on
 * {@code BlockPublicClassifier}: binary search over the intervals, then the candidates) beside a
 * linear scan of the same rules (the twin's own rule table, first match rule by rule, as the twin
 * evaluated before the classifier), for the blocklist models of 10, 1,000 and 100,000 rules.
 * The remote addresses: half the first addresses of random rules' ranges (lookups that match),
 * half uniform over IPv4 (almost all reach the default, the scan's worst case).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifierBenchmark {

	private static final int ADDRESSES = 4096;

	@Param({ "10", "1000", "100000" })
	public int rules;

	private MethodHandle evaluate;
	private Object classifier;
	private SockAddr local;
	private SockAddr[] remotes;
	private ScanRule[] scan;
	private int next;

	/** A rule as the scan reads it: remote kind, prefix, prefix length, port range; local address any, its ports. */
	private record ScanRule(int kind, byte[] prefix, int prefixLength, int portFirst, int portLast, int localFirst,
			int localLast) {
	}

	@Setup(Level.Trial)
	public void setUp() throws Throwable {
		GeneratedTwin twin = GeneratedTwin.of(rules);
		Object driver = twin.newDriver();
		classifier = twin.field(driver, "BlockPublicClassifier");
		evaluate = MethodHandles.lookup().unreflect(twin.method("Block_Evaluate"))
				.asType(MethodType.methodType(Object.class, Object.class, SockAddr.class, SockAddr.class));
		Object[] table = (Object[]) twin.field(driver, "BlockPublicRules");
		if (table.length != rules + 1) {
			throw new IllegalStateException("the " + rules + "-rule twin has " + table.length + " rules");
		}
		scan = new ScanRule[table.length];
		for (int i = 0; i < table.length; i++) {
			Object remote = GeneratedTwin.member(table[i], "Remote");
			Object localMatch = GeneratedTwin.member(table[i], "Local");
			if ((int) GeneratedTwin.member(localMatch, "Kind") != 0) {
				throw new IllegalStateException("the blocklist models have no local address conditions");
			}
			scan[i] = new ScanRule((int) GeneratedTwin.member(remote, "Kind"), (byte[]) GeneratedTwin.member(remote, "Prefix"),
					(int) GeneratedTwin.member(remote, "PrefixLength"), (int) GeneratedTwin.member(remote, "PortFirst"),
					(int) GeneratedTwin.member(remote, "PortLast"), (int) GeneratedTwin.member(localMatch, "PortFirst"),
					(int) GeneratedTwin.member(localMatch, "PortLast"));
		}
		local = SockAddr.ipv4(192, 0, 2, 1, 40009);
		SplittableRandom random = new SplittableRandom(1);
		remotes = new SockAddr[ADDRESSES];
		for (int i = 0; i < ADDRESSES; i++) {
			byte[] a = new byte[4];
			if (i % 2 == 0) {
				ScanRule r = scan[random.nextInt(scan.length)];
				System.arraycopy(r.prefix(), 0, a, 0, 4);
			} else {
				int v = random.nextInt();
				a = new byte[] { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v };
			}
			remotes[i] = SockAddr.of(SockAddr.AF_INET, a, 1024 + random.nextInt(60000));
		}
		// both give the same rule for every address
		for (SockAddr remote : remotes) {
			Object rule = evaluate.invokeExact(classifier, local, remote);
			if (rule != table[linearScan(remote)]) {
				throw new IllegalStateException("classifier and scan disagree on " + remote);
			}
		}
	}

	@Benchmark
	public Object classifier() throws Throwable {
		SockAddr remote = remotes[next++ & (ADDRESSES - 1)];
		return (Object) evaluate.invokeExact(classifier, local, remote);
	}

	@Benchmark
	public int linearScan() {
		return linearScan(remotes[next++ & (ADDRESSES - 1)]);
	}

	/** First match rule by rule: the remote's IPv4 address against each rule's prefix and ports. */
	private int linearScan(SockAddr remote) {
		byte[] address = new byte[4];
		for (int i = 0; i < 4; i++) {
			address[i] = (byte) remote.addressByte(i);
		}
		int port = remote.port();
		int localPort = local.port();
		for (int r = 0; r < scan.length; r++) {
			ScanRule rule = scan[r];
			if (port < rule.portFirst() || port > rule.portLast() || localPort < rule.localFirst()
					|| localPort > rule.localLast()) {
				continue;
			}
			if (rule.kind() == 0 || rule.kind() == 1 && prefixMatches(address, rule.prefix(), rule.prefixLength())) {
				return r;
			}
		}
		return -1;
	}

	private static boolean prefixMatches(byte[] address, byte[] prefix, int length) {
		int full = length / 8;
		for (int i = 0; i < full; i++) {
			if (address[i] != prefix[i]) {
				return false;
			}
		}
		int rest = length % 8;
		int mask = (0xff << (8 - rest)) & 0xff;
		return rest == 0 || ((address[full] ^ prefix[full]) & mask) == 0;
	}
}

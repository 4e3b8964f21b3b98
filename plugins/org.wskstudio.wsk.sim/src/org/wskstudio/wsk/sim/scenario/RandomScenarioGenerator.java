package org.wskstudio.wsk.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.net.AddressRange;
import org.wskstudio.wsk.sim.net.ConnectSpec;

/**
 * Generates a seeded random scenario: N connection requests with exponential inter-arrival
 * times from the given address ranges to the given listeners (or along per-listener routes), some of which drop before they
 * are established; optional periodic answers of an external check, fault probabilities and a
 * listener failure. Same settings and seed give the same scenario.
 */
public final class RandomScenarioGenerator {
	private long seed = 1;
	private int requests = 100;
	private final List<AddressRange> ranges = new ArrayList<>();
	private final List<String> listeners = new ArrayList<>();
	private final List<Route> routes = new ArrayList<>();
	private long start = VirtualTime.ms(1);
	private long meanGap = VirtualTime.us(100);
	private double dropProbability;
	private long maxDropDelay = VirtualTime.ms(5);
	private double irpFailureProbability;
	private double poolFailureProbability;
	private String check;
	private long checkPeriod;
	private double checkAcceptProbability = 0.5;
	private String failListener;
	private long failListenerAt;
	private ProgressListener progress;

	public RandomScenarioGenerator seed(long v) {
		seed = v;
		return this;
	}

	public RandomScenarioGenerator requests(int v) {
		requests = v;
		return this;
	}

	/** Remote addresses are drawn uniformly from the ranges (each range equally likely). */
	public RandomScenarioGenerator from(String... cidrs) {
		for (String c : cidrs) {
			ranges.add(AddressRange.parse(c));
		}
		return this;
	}

	/**
	 * A listener and the remote ranges its requests come from. With routes, each request picks a
	 * route uniformly, then one of its ranges; {@link #from} and {@link #to} are not used.
	 */
	public RandomScenarioGenerator route(String listener, String... cidrs) {
		return route(new Route(listener, Route.parse(List.of(cidrs)), List.of()));
	}

	/**
	 * A listener whose requests come half from the {@code inside} ranges (e.g. its rules' own
	 * ranges) and half from the {@code outside} ones (e.g. its families' whole space), each half a
	 * range chosen uniformly: both kinds of lookups keep their share however many ranges there
	 * are. Either list may be empty (then all come from the other).
	 */
	public RandomScenarioGenerator route(String listener, List<String> inside, List<String> outside) {
		return route(new Route(listener, Route.parse(inside), Route.parse(outside)));
	}

	/** A route parsed once, e.g. to generate many scenarios (soak shards) along the same routes. */
	public RandomScenarioGenerator route(Route route) {
		routes.add(route);
		return this;
	}

	/**
	 * A listener and its parsed remote ranges, as {@link #route(String, List, List)} takes them:
	 * with both lists non-empty, each request takes one of the two at even odds, then a range of
	 * it uniformly; with one empty, all come from the other. Immutable, so generators on several
	 * threads may share one.
	 */
	public record Route(String listener, List<AddressRange> inside, List<AddressRange> outside) {
		public Route {
			if (inside.isEmpty() && outside.isEmpty()) {
				throw new IllegalArgumentException("route to " + listener + " without address ranges");
			}
			inside = List.copyOf(inside);
			outside = List.copyOf(outside);
		}

		/** Parses CIDR strings ("10.0.0.0/8", "2001:db8::/32"). */
		public static List<AddressRange> parse(List<String> cidrs) {
			return cidrs.stream().map(AddressRange::parse).toList();
		}

		AddressRange pick(SplittableRandom rnd) {
			List<AddressRange> from = inside.isEmpty() ? outside
					: outside.isEmpty() || rnd.nextBoolean() ? inside : outside;
			return from.get(rnd.nextInt(from.size()));
		}
	}

	/** Target listeners (model element names), chosen uniformly. */
	public RandomScenarioGenerator to(String... names) {
		listeners.addAll(List.of(names));
		return this;
	}

	public RandomScenarioGenerator startAt(long v) {
		start = v;
		return this;
	}

	/** Mean time between arrivals (exponentially distributed). */
	public RandomScenarioGenerator meanInterArrival(long v) {
		meanGap = v;
		return this;
	}

	/** Probability a request drops, uniformly within maxDelay after arrival. */
	public RandomScenarioGenerator drops(double probability, long maxDelay) {
		dropProbability = probability;
		maxDropDelay = maxDelay;
		return this;
	}

	public RandomScenarioGenerator irpFailureProbability(double p) {
		irpFailureProbability = p;
		return this;
	}

	public RandomScenarioGenerator poolFailureProbability(double p) {
		poolFailureProbability = p;
		return this;
	}

	/** The named check answers all outstanding queries every period, accepting with the probability. */
	public RandomScenarioGenerator checkAnswers(String name, long period, double acceptProbability) {
		check = name;
		checkPeriod = period;
		checkAcceptProbability = acceptProbability;
		return this;
	}

	public RandomScenarioGenerator failListener(String name, long at) {
		failListener = name;
		failListenerAt = at;
		return this;
	}

	/** Called while generating (every 10,000 requests and at the end). */
	public RandomScenarioGenerator progress(ProgressListener p) {
		progress = p;
		return this;
	}

	public Scenario generate(String name) {
		if (routes.isEmpty() && (ranges.isEmpty() || listeners.isEmpty())) {
			throw new IllegalStateException("give routes, or at least one address range (from) and one listener (to)");
		}
		SplittableRandom rnd = new SplittableRandom(seed);
		Scenario s = new Scenario(name).seed(seed).irpFailureProbability(irpFailureProbability)
				.poolFailureProbability(poolFailureProbability);
		long t = start;
		for (int i = 0; i < requests; i++) {
			t += Math.max(1, (long) (-Math.log(1 - rnd.nextDouble()) * meanGap));
			AddressRange range;
			String listener;
			if (routes.isEmpty()) {
				range = ranges.get(rnd.nextInt(ranges.size()));
				listener = listeners.get(rnd.nextInt(listeners.size()));
			} else {
				Route route = routes.get(rnd.nextInt(routes.size()));
				listener = route.listener();
				range = route.pick(rnd);
			}
			ConnectSpec spec = ConnectSpec.of(t, range.random(rnd), null, listener);
			if (dropProbability > 0 && rnd.nextDouble() < dropProbability) {
				spec = spec.dropAt(t + 1 + rnd.nextLong(Math.max(1, maxDropDelay)));
			}
			s.connect(spec);
			if (progress != null && (i + 1) % 10_000 == 0) {
				progress.progress(i + 1, requests);
			}
		}
		if (check != null && checkPeriod > 0) {
			for (long a = start + checkPeriod; a <= t + checkPeriod; a += checkPeriod) {
				s.deferredCheckAnswer(check, rnd.nextDouble() < checkAcceptProbability, a);
			}
		}
		if (failListener != null) {
			s.failListener(failListener, failListenerAt);
		}
		if (progress != null) {
			progress.progress(requests, requests);
		}
		return s;
	}
}

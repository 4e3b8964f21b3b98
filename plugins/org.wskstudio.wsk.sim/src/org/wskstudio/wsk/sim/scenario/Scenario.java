package org.wskstudio.wsk.sim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;

/**
 * A programmatic scenario: timed actions against a driver and expectations about the run.
 * Request indexes are given in the order connect() is called, starting at 0. Times are
 * virtual microseconds (use VirtualTime.ms(...)).
 */
public final class Scenario {
	private final String name;
	private OptionalLong seed = OptionalLong.empty();
	private double irpFailureProbability;
	private double poolFailureProbability;
	private final List<ScenarioAction> actions = new ArrayList<>();
	private final List<Expectation> expectations = new ArrayList<>();
	private final List<FaultSweep.Kind> sweeps = new ArrayList<>();
	private int requests;

	public Scenario(String name) {
		this.name = name;
	}

	public String name() {
		return name;
	}

	/** Overrides the configuration's seed. */
	public Scenario seed(long s) {
		seed = OptionalLong.of(s);
		return this;
	}

	public OptionalLong seed() {
		return seed;
	}

	public Scenario irpFailureProbability(double p) {
		irpFailureProbability = p;
		return this;
	}

	public Scenario poolFailureProbability(double p) {
		poolFailureProbability = p;
		return this;
	}

	public double irpFailureProbability() {
		return irpFailureProbability;
	}

	public double poolFailureProbability() {
		return poolFailureProbability;
	}

	// ------------------------------------------------------------------ actions

	/** A connection attempt; returns its request index. */
	public int connect(ConnectSpec spec) {
		actions.add(new ScenarioAction.Connect(spec));
		return requests++;
	}

	/** A connection attempt from remote to the named listener at a time; returns its index. */
	public int connect(long at, String remote, String listener) {
		return connect(ConnectSpec.of(at, SockAddr.parse(remote), null, listener));
	}

	/** As {@link #connect(long, String, String)}, the remote dropping the attempt at dropAt. */
	public int connect(long at, String remote, String listener, long dropAt) {
		return connect(ConnectSpec.of(at, SockAddr.parse(remote), null, listener).dropAt(dropAt));
	}

	/** The named check answers all its outstanding queries at a time. */
	public Scenario deferredCheckAnswer(String check, boolean accept, long at) {
		actions.add(new ScenarioAction.CheckAnswer(check, accept, null, at));
		return this;
	}

	/** The named check answers the outstanding queries about one subject (e.g. a remote address) at a time. */
	public Scenario deferredCheckAnswer(String check, boolean accept, String subject, long at) {
		actions.add(new ScenarioAction.CheckAnswer(check, accept, subject, at));
		return this;
	}

	/** Driver code run at a time at PASSIVE_LEVEL (a callback form of a deferred answer, or any other stimulus). */
	public Scenario at(long at, String label, Consumer<Kernel> action) {
		actions.add(new ScenarioAction.DriverAction(label, at, action));
		return this;
	}

	/** Checks the driver's listener counters against the outcomes recorded so far, at this time (rule COUNTER_MISMATCH). */
	public Scenario checkCountersAt(long at) {
		actions.add(new ScenarioAction.CheckCounters(at));
		return this;
	}

	public Scenario failIrpAllocation(int nth) {
		actions.add(new ScenarioAction.FailIrpAllocation(nth));
		return this;
	}

	public Scenario failPoolAllocation(int nth) {
		actions.add(new ScenarioAction.FailPoolAllocation(nth));
		return this;
	}

	/**
	 * A fault sweep of allocations of a kind: the scenario is run once unfailed, then once per
	 * such allocation point of that run, each failing in turn ({@link FaultSweep}).
	 */
	public Scenario sweep(FaultSweep.Kind kind) {
		if (!sweeps.contains(kind)) {
			sweeps.add(kind);
		}
		return this;
	}

	/** The swept allocation kinds, in the order given; empty for a single run. */
	public List<FaultSweep.Kind> sweeps() {
		return Collections.unmodifiableList(sweeps);
	}

	public Scenario failListener(String listener, long at) {
		actions.add(new ScenarioAction.FailListener(listener, at));
		return this;
	}

	// ------------------------------------------------------------------ expectations

	public Scenario expect(Expectation e) {
		expectations.add(e);
		return this;
	}

	public Scenario expectOutcome(int request, RequestOutcome first, RequestOutcome... more) {
		return expect(new Expectation.Outcome(request, first, more));
	}

	/** Accepted, with or without a pended inspection. */
	public Scenario expectAccepted(int request) {
		return expectOutcome(request, RequestOutcome.ACCEPTED, RequestOutcome.PENDED_THEN_ACCEPTED);
	}

	public Scenario expectRejected(int request) {
		return expectOutcome(request, RequestOutcome.REJECTED);
	}

	public Scenario expectAborted(int request) {
		return expectOutcome(request, RequestOutcome.ABORTED);
	}

	public Scenario expectPended(int request) {
		return expect(new Expectation.Pended(request));
	}

	public Scenario expectCount(RequestOutcome outcome, int n) {
		return expect(new Expectation.Count(outcome, n));
	}

	public Scenario expectNoViolations() {
		return expect(new Expectation.NoViolations());
	}

	/** At least one violation of the rule. */
	public Scenario expectViolation(String ruleId) {
		return expect(new Expectation.Violations(ruleId, 1, Integer.MAX_VALUE));
	}

	public Scenario expectViolations(String ruleId, int exactly) {
		return expect(new Expectation.Violations(ruleId, exactly, exactly));
	}

	public List<ScenarioAction> actions() {
		return Collections.unmodifiableList(actions);
	}

	public List<Expectation> expectations() {
		return Collections.unmodifiableList(expectations);
	}

	public int requestCount() {
		return requests;
	}
}

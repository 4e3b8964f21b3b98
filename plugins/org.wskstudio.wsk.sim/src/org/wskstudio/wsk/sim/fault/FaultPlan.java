package org.wskstudio.wsk.sim.fault;

import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Which allocations fail: the Nth IoAllocateIrp / ExAllocatePoolWithTag call (1-based, counted
 * over the whole run), and/or each with a probability drawn from the run's seeded random source.
 * Listener failures are timed scenario actions (see WskSimulator#failListenerAt).
 */
public final class FaultPlan {
	private final TreeSet<Integer> irpFailures = new TreeSet<>();
	private final TreeSet<Integer> poolFailures = new TreeSet<>();
	private double irpProbability;
	private double poolProbability;

	/** The nth IoAllocateIrp call (1-based) returns NULL. */
	public FaultPlan failIrpAllocation(int nth) {
		irpFailures.add(requirePositive(nth));
		return this;
	}

	/** The nth ExAllocatePoolWithTag call (1-based) returns NULL. */
	public FaultPlan failPoolAllocation(int nth) {
		poolFailures.add(requirePositive(nth));
		return this;
	}

	public FaultPlan irpFailureProbability(double p) {
		irpProbability = requireProbability(p);
		return this;
	}

	public FaultPlan poolFailureProbability(double p) {
		poolProbability = requireProbability(p);
		return this;
	}

	/** A copy to which further faults can be added without changing this plan. */
	public FaultPlan copy() {
		FaultPlan p = new FaultPlan();
		p.irpFailures.addAll(irpFailures);
		p.poolFailures.addAll(poolFailures);
		p.irpProbability = irpProbability;
		p.poolProbability = poolProbability;
		return p;
	}

	/** Adds the other plan's fixed allocation failures (not its probabilities) to this one. */
	public FaultPlan addFixed(FaultPlan other) {
		irpFailures.addAll(other.irpFailures);
		poolFailures.addAll(other.poolFailures);
		return this;
	}

	public boolean failIrp(int nth, SplittableRandom random) {
		return irpFailures.contains(nth) || (irpProbability > 0 && random.nextDouble() < irpProbability);
	}

	public boolean failPool(int nth, SplittableRandom random) {
		return poolFailures.contains(nth) || (poolProbability > 0 && random.nextDouble() < poolProbability);
	}

	private static int requirePositive(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("allocations are counted from 1: " + n);
		}
		return n;
	}

	private static double requireProbability(double p) {
		if (!(p >= 0 && p <= 1)) {
			throw new IllegalArgumentException("probability must be within [0, 1]: " + p);
		}
		return p;
	}
}

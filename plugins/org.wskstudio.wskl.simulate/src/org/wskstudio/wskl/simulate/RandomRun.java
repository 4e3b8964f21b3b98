package org.wskstudio.wskl.simulate;

/**
 * Settings of a seeded random run: how many connection requests, the seed, and the fault
 * probabilities (the remote drops the request before it is established; IoAllocateIrp or
 * ExAllocatePoolWithTag returns NULL). The same settings give the same run, byte for byte.
 */
public record RandomRun(int requests, long seed, double dropProbability, double irpFailureProbability,
		double poolFailureProbability) {

	/** 5 % drops, 0.1 % IRP and pool allocation failures. */
	public static RandomRun of(int requests, long seed) {
		return new RandomRun(requests, seed, 0.05, 0.001, 0.001);
	}

	public RandomRun {
		if (requests < 1) {
			throw new IllegalArgumentException("a random run needs at least one request");
		}
	}
}

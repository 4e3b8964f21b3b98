package org.wskstudio.wskl.simulate;

import java.util.Locale;

/**
 * Which driver a simulation runs: the generated Java twin (compiled in memory), the C driver
 * (built for the host with sanitizers, run in a child process), or both, compared back to back.
 */
public enum SimulationTarget {
	JAVA, C, BOTH;

	public boolean runsJava() {
		return this != C;
	}

	public boolean runsC() {
		return this != JAVA;
	}

	/** "java", "c" or "both" (any case). */
	public static SimulationTarget parse(String s) {
		try {
			return valueOf(s.trim().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("unknown target '" + s + "': use java, c or both");
		}
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}

package org.wskstudio.wsk.sim.core;

/** Told how many connection requests are decided out of how many (called every few thousand and at the end). */
@FunctionalInterface
public interface ProgressListener {
	void progress(long done, long total);
}

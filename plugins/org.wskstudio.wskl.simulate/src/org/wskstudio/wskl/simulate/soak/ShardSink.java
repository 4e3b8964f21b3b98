package org.wskstudio.wskl.simulate.soak;

import java.io.IOException;

import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.TargetResult;

/**
 * Told about each finished shard of a soak, in shard order, on the thread that runs the soak
 * (e.g. {@link SoakTraces}, which appends the shard's traces to the soak's files). The soak lets
 * go of the shard after this call, unless it keeps it as the report's window.
 */
@FunctionalInterface
public interface ShardSink {

	/**
	 * @param javaSeqOffset trace events of the Java twin in the shards before this one (0 when it
	 *        does not run), to number a merged trace's events on
	 * @param cSeqOffset the same for the C driver
	 */
	record Shard(int index, int count, RandomRun run, TargetResult result, long javaSeqOffset, long cSeqOffset) {
	}

	void shard(Shard shard) throws IOException;
}

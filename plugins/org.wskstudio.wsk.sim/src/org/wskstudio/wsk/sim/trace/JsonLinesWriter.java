package org.wskstudio.wsk.sim.trace;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a trace as JSON lines, one object per event with the keys in a fixed order:
 * seq, t (virtual microseconds), actor, to, kind, listener, element, details, result, rule.
 * Output depends only on the trace, so equal runs give equal bytes. A soak's shards are written
 * one after the other with {@link #writeShard}.
 */
public final class JsonLinesWriter {
	private JsonLinesWriter() {
	}

	public static void write(Trace trace, Writer out) throws IOException {
		StringBuilder sb = new StringBuilder(256);
		for (TraceEvent e : trace.events()) {
			sb.setLength(0);
			line(sb, e);
			sb.append('\n');
			out.write(sb.toString());
		}
		out.flush();
	}

	/**
	 * Writes the trace of one shard of a soak (a run split into seeded shards): each line as
	 * {@link #write(Trace, Writer)} writes it, its seq moved by seqOffset (the events of the shards
	 * before it) and a last key "shard" with the shard's index. Does not flush.
	 */
	public static void writeShard(Trace trace, Writer out, long seqOffset, int shard) throws IOException {
		StringBuilder sb = new StringBuilder(256);
		for (TraceEvent e : trace.events()) {
			sb.setLength(0);
			line(sb, e, seqOffset);
			sb.setLength(sb.length() - 1);
			sb.append(",\"shard\":").append(shard).append("}\n");
			out.write(sb.toString());
		}
	}

	public static String toString(Trace trace) {
		StringBuilder sb = new StringBuilder();
		for (TraceEvent e : trace.events()) {
			line(sb, e);
			sb.append('\n');
		}
		return sb.toString();
	}

	static void line(StringBuilder sb, TraceEvent e) {
		line(sb, e, 0);
	}

	private static void line(StringBuilder sb, TraceEvent e, long seqOffset) {
		sb.append("{\"seq\":").append(seqOffset + e.seq());
		sb.append(",\"t\":").append(e.time());
		sb.append(",\"actor\":\"").append(e.actor()).append('"');
		sb.append(",\"to\":\"").append(e.target()).append('"');
		sb.append(",\"kind\":");
		Json.string(sb, e.kind());
		sb.append(",\"listener\":");
		Json.string(sb, e.listener());
		sb.append(",\"element\":");
		Json.string(sb, e.element());
		sb.append(",\"details\":");
		Json.string(sb, e.details());
		if (e.result() != null) {
			sb.append(",\"result\":");
			Json.string(sb, e.result());
		}
		if (e.rule() != null) {
			sb.append(",\"rule\":");
			Json.string(sb, e.rule());
		}
		sb.append('}');
	}
}

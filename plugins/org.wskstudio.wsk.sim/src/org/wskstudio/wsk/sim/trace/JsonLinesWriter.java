package org.wskstudio.wsk.sim.trace;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a trace as JSON lines, one object per event with the keys in a fixed order:
 * seq, t (virtual microseconds), actor, to, kind, listener, element, details, result, rule.
 * Output depends only on the trace, so equal runs give equal bytes.
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

    public static String toString(Trace trace) {
        StringBuilder sb = new StringBuilder();
        for (TraceEvent e : trace.events()) {
            line(sb, e);
            sb.append('\n');
        }
        return sb.toString();
    }

    static void line(StringBuilder sb, TraceEvent e) {
        sb.append("{\"seq\":").append(e.seq());
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

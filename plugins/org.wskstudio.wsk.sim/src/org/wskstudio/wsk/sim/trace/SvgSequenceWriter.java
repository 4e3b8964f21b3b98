package org.wskstudio.wsk.sim.trace;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.wskstudio.wsk.sim.core.VirtualTime;

/**
 * Writes a trace as an SVG sequence diagram with three lifelines (remote client, WSK subsystem,
 * driver). Each event is one row: an arrow from its actor to its target labelled with kind,
 * details and result (shortened; the full text is the row's tooltip); self-events are small
 * loops; violations are red. At most maxRows rows
 * are drawn; a final note says how many were left out. Output is deterministic.
 */
public final class SvgSequenceWriter {
	private static final int LEFT = 110;
	private static final int GAP = 330;
	private static final int TOP = 60;
	private static final int ROW = 24;
	/** Characters of an arrow label (between two lifelines) and of a self-event label (right of the driver). */
	private static final int MAX_LABEL = 78;
	private static final int MAX_SELF_LABEL = 84;

	private SvgSequenceWriter() {
	}

	public static void write(Trace trace, Writer out, String title, int maxRows) throws IOException {
		out.write(toSvg(trace, title, maxRows));
		out.flush();
	}

	public static String toSvg(Trace trace, String title, int maxRows) {
		List<TraceEvent> events = trace.events();
		int rows = Math.min(events.size(), maxRows);
		long omitted = trace.total() - rows;
		int width = LEFT + 2 * GAP + 30 + MAX_SELF_LABEL * 7;
		int height = TOP + (rows + 2) * ROW + 20;
		StringBuilder sb = new StringBuilder(4096 + rows * 200);
		sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
				.append(height).append("\" font-family=\"monospace\" font-size=\"11\">\n");
		sb.append("<defs><marker id=\"a\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\">"
				+ "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#333\"/></marker>"
				+ "<marker id=\"r\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\">"
				+ "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#c00\"/></marker></defs>\n");
		sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		text(sb, 10, 18, "start", "#000", "bold", title == null ? "WSK simulation" : title);
		String[] names = {"Remote client", "WSK subsystem", "Driver"};
		for (Actor a : Actor.values()) {
			int x = x(a);
			sb.append("<rect x=\"").append(x - 60).append("\" y=\"28\" width=\"120\" height=\"22\" fill=\"#eef\" "
					+ "stroke=\"#336\"/>\n");
			text(sb, x, 43, "middle", "#000", "bold", names[a.ordinal()]);
			sb.append("<line x1=\"").append(x).append("\" y1=\"50\" x2=\"").append(x).append("\" y2=\"")
					.append(height - 10).append("\" stroke=\"#99a\" stroke-dasharray=\"4,3\"/>\n");
		}
		int y = TOP;
		for (int i = 0; i < rows; i++) {
			TraceEvent e = events.get(i);
			y += ROW;
			boolean red = e.isViolation();
			String color = red ? "#c00" : "#333";
			text(sb, 4, y - 4, "start", "#666", "normal", VirtualTime.format(e.time()));
			String full = label(e);
			int x1 = x(e.actor());
			int x2 = x(e.target());
			String label = shorten(full, x1 == x2 ? MAX_SELF_LABEL : MAX_LABEL);
			sb.append("<g><title>");
			escape(sb, VirtualTime.format(e.time()) + " " + full);
			sb.append("</title>\n");
			if (x1 == x2) {
				sb.append("<path d=\"M").append(x1).append(',').append(y - 10).append(" h24 v10 h-24\" fill=\"none\" "
						+ "stroke=\"").append(color).append("\" marker-end=\"url(#").append(red ? 'r' : 'a')
						.append(")\"/>\n");
				text(sb, x1 + 30, y - 2, "start", color, red ? "bold" : "normal", label);
			} else {
				sb.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(x2)
						.append("\" y2=\"").append(y).append("\" stroke=\"").append(color)
						.append("\" marker-end=\"url(#").append(red ? 'r' : 'a').append(")\"/>\n");
				text(sb, Math.min(x1, x2) + 6, y - 4, "start", color, red ? "bold" : "normal", label);
			}
			sb.append("</g>\n");
		}
		if (omitted > 0) {
			y += ROW;
			text(sb, 10, y, "start", "#666", "italic", "... " + omitted + " more events not drawn");
		}
		sb.append("</svg>\n");
		return sb.toString();
	}

	private static int x(Actor a) {
		return LEFT + a.ordinal() * GAP;
	}

	private static String label(TraceEvent e) {
		StringBuilder l = new StringBuilder();
		if (e.isViolation()) {
			l.append(e.rule()).append(": ");
		} else {
			l.append(e.kind());
			if (!e.details().isEmpty()) {
				l.append(' ');
			}
		}
		l.append(e.details());
		if (e.result() != null) {
			l.append(" => ").append(e.result());
		}
		return l.toString();
	}

	private static String shorten(String s, int max) {
		return s.length() > max ? s.substring(0, max - 3) + "..." : s;
	}

	private static void text(StringBuilder sb, int x, int y, String anchor, String color, String weight, String s) {
		sb.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
				.append("\" fill=\"").append(color).append('"');
		if ("bold".equals(weight)) {
			sb.append(" font-weight=\"bold\"");
		} else if ("italic".equals(weight)) {
			sb.append(" font-style=\"italic\"");
		}
		sb.append('>');
		escape(sb, s);
		sb.append("</text>\n");
	}

	static void escape(StringBuilder sb, String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '"' -> sb.append("&quot;");
				default -> {
					if (c >= 0x20 || c == '\t') {
						sb.append(c);
					}
				}
			}
		}
	}
}

package org.wskstudio.wsk.generator.java;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.generator.common.ModelTrace;
import org.wskstudio.wsk.generator.common.ModelWords;
import org.wskstudio.wsk.generator.common.WskEvent;
import org.wskstudio.wsk.model.ConnectionDispatch;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.Traceable;
import org.wskstudio.wsk.model.WskListener;

/**
 * Java literals and comment text for model values: string literals, byte arrays, event masks,
 * and the model text of {@link ModelTrace} and {@link ModelWords} made safe for a Java comment
 * (the Java twin shows addresses in their normalized form). The constant names both targets use
 * are {@link org.wskstudio.wsk.generator.common.WskNames}'.
 */
final class JavaLiterals {

	private JavaLiterals() {
	}

	/** A Java string literal. */
	static String string(String s) {
		if (s == null) {
			return "null";
		}
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
			case '"' -> sb.append("\\\"");
			case '\\' -> sb.append("\\\\");
			case '\n' -> sb.append("\\n");
			case '\r' -> sb.append("\\r");
			case '\t' -> sb.append("\\t");
			default -> {
				if (c < 0x20 || c > 0x7e) {
					sb.append(String.format("\\u%04x", (int) c));
				} else {
					sb.append(c);
				}
			}
			}
		}
		return sb.append('"').toString();
	}

	/** Comment text: no line breaks, no comment terminators, ASCII only. */
	static String commentSafe(String s) {
		StringBuilder sb = new StringBuilder();
		for (char c : (s == null ? "" : s).toCharArray()) {
			sb.append(c < 0x20 || c > 0x7e ? ' ' : c);
		}
		return sb.toString().replace("*/", "* /").replace("\\u", "\\ u");
	}

	/** {@code new byte[] { 10, 0, 0, 0 }} */
	static String bytes(byte[] address) {
		StringBuilder sb = new StringBuilder("new byte[] { ");
		for (int i = 0; i < address.length; i++) {
			sb.append(i == 0 ? "" : ", ").append(address[i]);
		}
		return sb.append(" }").toString();
	}

	/** The event mask of an SO_WSK_EVENT_CALLBACK value, in constant names; other bits (or 0) in hex. */
	static String eventMask(int value) {
		List<String> names = new ArrayList<>(WskEvent.in(value).stream().map(e -> e.constant).toList());
		int rest = WskEvent.unknownBits(value);
		if (rest != 0 || names.isEmpty()) {
			names.add(String.format("0x%X", rest));
		}
		return String.join(" | ", names);
	}

	/** The connection events a dispatch table handles, as an OR of WSK_EVENT_* (or 0). */
	static String connectionEvents(ConnectionDispatch d) {
		List<String> events = WskEvent.handledBy(d).stream().map(e -> e.constant).toList();
		return events.isEmpty() ? "0" : String.join(" | ", events);
	}

	// ---- model text ----------------------------------------------------------------------

	/** {@code listener Public (x.wskl:6)}, or the origin alone when the model has no location. */
	static String of(Traceable element) {
		return commentSafe(ModelTrace.text(element));
	}

	static String from(Traceable element) {
		return "from " + of(element);
	}

	static String endpoint(WskListener l) {
		return commentSafe(ModelWords.endpoint(l, false));
	}

	static String listenerSummary(WskListener l) {
		return ModelWords.listenerSummary(l, endpoint(l), "inspect rule(s)");
	}

	/** {@code pend remote 172.16.0.0/12 with check Reputation timeout 500 ms else reject} */
	static String rule(InspectRule r) {
		StringBuilder sb = new StringBuilder(ModelWords.ruleMatch(r, false));
		if (r.getAction() == InspectAction.PEND) {
			sb.append(" with check ").append(r.getCheck() == null ? "?" : r.getCheck().getName());
			if (r.getTimeoutMillis() > 0) {
				sb.append(" timeout ").append(r.getTimeoutMillis()).append(" ms");
			}
			sb.append(" else ").append(ModelWords.actionWord(r.getTimeoutAction()));
		}
		return commentSafe(sb.toString());
	}
}

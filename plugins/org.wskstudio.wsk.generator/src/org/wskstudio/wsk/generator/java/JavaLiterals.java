package org.wskstudio.wsk.generator.java;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.ConnectionDispatch;
import org.wskstudio.wsk.model.EventAccept;
import org.wskstudio.wsk.model.EventEnabling;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.IrpAccept;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.Traceable;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.IpAddresses;

/**
 * Java literals and comment text for model values: string literals, byte arrays, actions,
 * option codes, event masks, and the "from ..." text that ties generated code to the model.
 */
final class JavaLiterals {

	static final int WSK_EVENT_ACCEPT = 0x200;

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

	static String action(InspectAction a) {
		return switch (a) {
		case ACCEPT -> "WskInspectAccept";
		case REJECT -> "WskInspectReject";
		case PEND -> "WskInspectPend";
		};
	}

	static String actionWord(InspectAction a) {
		return a == null ? "none" : a.name().toLowerCase();
	}

	static String family(AddressFamily f) {
		return f == AddressFamily.INET6 ? "AF_INET6" : "AF_INET";
	}

	static String optionCode(SocketOptionKind kind) {
		return switch (kind) {
		case CONDITIONAL_ACCEPT -> "SO_CONDITIONAL_ACCEPT";
		case REUSE_ADDRESS -> "SO_REUSEADDR";
		case EXCLUSIVE_ADDRESS_USE -> "SO_EXCLUSIVEADDRUSE";
		case IPV6_V6ONLY -> "IPV6_V6ONLY";
		case WSK_EVENT_CALLBACK -> "SO_WSK_EVENT_CALLBACK";
		};
	}

	static String optionLevel(SocketOptionKind kind) {
		return kind == SocketOptionKind.IPV6_V6ONLY ? "IPPROTO_IPV6" : "SOL_SOCKET";
	}

	/** The event mask of an SO_WSK_EVENT_CALLBACK value, in constant names. */
	static String eventMask(int value) {
		List<String> names = new ArrayList<>();
		int rest = value;
		int[] bits = { WSK_EVENT_ACCEPT, 0x40, 0x80, 0x10 };
		String[] text = { "WSK_EVENT_ACCEPT", "WSK_EVENT_RECEIVE", "WSK_EVENT_DISCONNECT", "WSK_EVENT_SEND_BACKLOG" };
		for (int i = 0; i < bits.length; i++) {
			if ((rest & bits[i]) != 0) {
				names.add(text[i]);
				rest &= ~bits[i];
			}
		}
		if (rest != 0 || names.isEmpty()) {
			names.add(String.format("0x%X", rest));
		}
		return String.join(" | ", names);
	}

	static String connectionEvents(ConnectionDispatch d) {
		List<String> events = new ArrayList<>();
		if (d != null && d.isReceive()) {
			events.add("WSK_EVENT_RECEIVE");
		}
		if (d != null && d.isDisconnect()) {
			events.add("WSK_EVENT_DISCONNECT");
		}
		if (d != null && d.isSendBacklog()) {
			events.add("WSK_EVENT_SEND_BACKLOG");
		}
		return events.isEmpty() ? "0" : String.join(" | ", events);
	}

	// ---- model text ----------------------------------------------------------------------

	/** {@code listener Public (x.wskl:6)}, or the origin alone when the model has no location. */
	static String of(Traceable element) {
		String where = where(element);
		String origin = origin(element);
		return commentSafe(where.isEmpty() ? origin : origin + " (" + where + ")");
	}

	static String from(Traceable element) {
		return "from " + of(element);
	}

	/** The model element's origin ("rule 2 of listener Public"), or its class name. */
	static String origin(Traceable element) {
		return element.getOrigin() != null && !element.getOrigin().isBlank() ? element.getOrigin()
				: element.eClass().getName();
	}

	/** {@code x.wskl:6}, or "" when unknown; only the file's last path segment. */
	static String where(Traceable element) {
		String file = element.getSourceFile();
		if (file == null || file.isBlank()) {
			return element.getSourceLine() > 0 ? "line " + element.getSourceLine() : "";
		}
		String name = file.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		return element.getSourceLine() > 0 ? name + ":" + element.getSourceLine() : name;
	}

	static String endpoint(WskListener l) {
		String family = l.isDualStack() ? "dual-stack" : l.getFamily() == AddressFamily.INET6 ? "ipv6" : "ipv4";
		String address = l.getLocalAddress() != null ? IpAddresses.format(l.getLocalAddress())
				: l.getFamily() == AddressFamily.INET6 ? "::" : "0.0.0.0";
		if (l.getFamily() == AddressFamily.INET6) {
			address = "[" + address + "]";
		}
		return commentSafe(family + " " + address + ":" + l.getPort());
	}

	static String acceptMode(WskListener l) {
		if (l.getAcceptMode() instanceof IrpAccept irp) {
			return "accept by irp queue " + irp.getQueueDepth() + (irp.isReuseIrps() ? " reuse" : " free");
		}
		if (l.getAcceptMode() instanceof EventAccept e) {
			return "accept by event " + (e.getEnabling() == EventEnabling.STATIC ? "static" : "per-socket");
		}
		return "no accept mode";
	}

	static String handles(ConnectionDispatch d) {
		List<String> events = new ArrayList<>();
		if (d != null && d.isReceive()) {
			events.add("receive");
		}
		if (d != null && d.isDisconnect()) {
			events.add("disconnect");
		}
		if (d != null && d.isSendBacklog()) {
			events.add("send-backlog");
		}
		return events.isEmpty() ? "nothing" : String.join(", ", events);
	}

	static String listenerSummary(WskListener l) {
		List<String> parts = new ArrayList<>();
		parts.add("on " + endpoint(l));
		List<String> options = new ArrayList<>();
		for (SocketOption o : l.getOptions()) {
			switch (o.getKind()) {
			case REUSE_ADDRESS -> options.add("reuse-address");
			case EXCLUSIVE_ADDRESS_USE -> options.add("exclusive-address-use");
			case CONDITIONAL_ACCEPT -> options.add("conditional-accept");
			default -> {
			}
			}
		}
		if (!options.isEmpty()) {
			parts.add("options " + String.join(", ", options));
		}
		parts.add(acceptMode(l));
		if (l.isConditionalAccept()) {
			parts.add(l.getInspectRules().size() + " inspect rule(s), default " + actionWord(l.getDefaultAction())
					+ ", max pending " + JavaDriverFacts.pendingCapacity(l));
		}
		parts.add("connection handles " + handles(l.getConnectionDispatch()));
		return String.join(", ", parts);
	}

	/** {@code pend remote 172.16.0.0/12 with check Reputation timeout 500 ms else reject} */
	static String rule(InspectRule r) {
		StringBuilder sb = new StringBuilder(actionWord(r.getAction()));
		String remote = side(r.getRemote());
		String local = side(r.getLocal());
		if (!remote.isEmpty()) {
			sb.append(" remote ").append(remote);
		}
		if (!local.isEmpty()) {
			sb.append(" local ").append(local);
		}
		if (remote.isEmpty() && local.isEmpty()) {
			sb.append(" any");
		}
		if (r.getAction() == InspectAction.PEND) {
			sb.append(" with check ").append(r.getCheck() == null ? "?" : r.getCheck().getName());
			if (r.getTimeoutMillis() > 0) {
				sb.append(" timeout ").append(r.getTimeoutMillis()).append(" ms");
			}
			sb.append(" else ").append(actionWord(r.getTimeoutAction()));
		}
		return commentSafe(sb.toString());
	}

	private static String side(AddressMatch m) {
		if (isAll(m)) {
			return "";
		}
		String address = m.isAnyAddress() ? "" : IpAddresses.format(m.getNetwork()) + "/" + m.getPrefixLength();
		if (!m.isAnyAddress() && m.getFamily() == AddressFamily.INET6) {
			address = "[" + IpAddresses.format(m.getNetwork()) + "]/" + m.getPrefixLength();
		}
		String ports = m.getPortLow() == 0 && m.getPortHigh() == 65535 ? ""
				: m.getPortLow() == m.getPortHigh() ? "port " + m.getPortLow()
						: "port " + m.getPortLow() + "-" + m.getPortHigh();
		return (address + " " + ports).strip();
	}

	/** Any address and every port. */
	static boolean isAll(AddressMatch m) {
		return m == null || m.isAnyAddress() && m.getPortLow() == 0 && m.getPortHigh() == 65535;
	}
}

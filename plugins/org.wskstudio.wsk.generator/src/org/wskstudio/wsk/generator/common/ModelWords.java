package org.wskstudio.wsk.generator.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.ConnectionDispatch;
import org.wskstudio.wsk.model.EventAccept;
import org.wskstudio.wsk.model.EventEnabling;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.IrpAccept;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.IpAddresses;

/**
 * Model elements written back in WSKL words, for the comments of both targets (the model summary,
 * the rule table, the open sequence), so that the C and its Java twin describe a model alike.
 * Comment text only, not yet safe for a comment: each target escapes it its own way. Where the
 * targets word a thing differently (the C quotes an address as the model wrote it, the Java twin
 * shows the normalized form) the difference is a parameter here, not a second copy.
 */
public final class ModelWords {

	private ModelWords() {
	}

	/** {@code on dual-stack [::]:40007, options reuse-address, accept by event per-socket, ...} */
	public static String listenerSummary(WskListener l, String endpoint, String rulesNoun) {
		List<String> parts = new ArrayList<>();
		parts.add("on " + endpoint);
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
			parts.add(l.getInspectRules().size() + " " + rulesNoun + ", default " + actionWord(l.getDefaultAction())
					+ ", max pending " + DriverFacts.pendingCapacity(l));
		}
		parts.add("connection handles " + handles(l.getConnectionDispatch()));
		return String.join(", ", parts);
	}

	/**
	 * {@code ipv6 [::1]:8080}; with {@code asWritten} the local address is the model's text of it
	 * where it has one, else its normalized form.
	 */
	public static String endpoint(WskListener l, boolean asWritten) {
		String family = l.isDualStack() ? "dual-stack" : l.getFamily() == AddressFamily.INET6 ? "ipv6" : "ipv4";
		String address;
		if (asWritten && l.getLocalAddressText() != null && !l.getLocalAddressText().isBlank()) {
			address = l.getLocalAddressText();
		} else if (l.getLocalAddress() != null) {
			address = IpAddresses.format(l.getLocalAddress());
		} else {
			address = l.getFamily() == AddressFamily.INET6 ? "::" : "0.0.0.0";
		}
		if (l.getFamily() == AddressFamily.INET6) {
			address = "[" + address + "]";
		}
		return family + " " + address + ":" + l.getPort();
	}

	/** {@code accept by irp queue 2 reuse}, {@code accept by event per-socket}. */
	public static String acceptMode(WskListener l) {
		if (l.getAcceptMode() instanceof IrpAccept irp) {
			return "accept by irp queue " + irp.getQueueDepth() + (irp.isReuseIrps() ? " reuse" : " free");
		}
		if (l.getAcceptMode() instanceof EventAccept e) {
			return "accept by event " + (e.getEnabling() == EventEnabling.STATIC ? "static" : "per-socket");
		}
		return "no accept mode";
	}

	/** {@code receive, disconnect}, or {@code nothing}. */
	public static String handles(ConnectionDispatch d) {
		List<String> words = WskEvent.handledBy(d).stream().map(e -> e.word).toList();
		return words.isEmpty() ? "nothing" : String.join(", ", words);
	}

	/** {@code accept}, {@code reject}, {@code pend}. */
	public static String actionWord(InspectAction action) {
		return action == null ? "none" : action.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A rule's action and what it matches: {@code reject remote 10.0.0.0/8 local port 80}, or
	 * {@code accept any}. With {@code asWritten} a side is the model's text of it where it has one.
	 */
	public static String ruleMatch(InspectRule r, boolean asWritten) {
		StringBuilder sb = new StringBuilder(actionWord(r.getAction()));
		String remote = side(r.getRemote(), asWritten);
		String local = side(r.getLocal(), asWritten);
		if (!remote.isEmpty()) {
			sb.append(" remote ").append(remote);
		}
		if (!local.isEmpty()) {
			sb.append(" local ").append(local);
		}
		if (remote.isEmpty() && local.isEmpty()) {
			sb.append(" any");
		}
		return sb.toString();
	}

	/** True when a match takes every address and every port (so a rule side says nothing). */
	public static boolean isAll(AddressMatch m) {
		return m == null || m.isAnyAddress() && m.getPortLow() == 0 && m.getPortHigh() == 65535;
	}

	/** One side of a rule: {@code [2001:db8::]/32 port 1-1023}, {@code port 80}; "" when it matches everything. */
	private static String side(AddressMatch m, boolean asWritten) {
		if (isAll(m)) {
			return "";
		}
		if (asWritten && m.getText() != null && !m.getText().isBlank()) {
			return m.getText();
		}
		String ports = m.getPortLow() == 0 && m.getPortHigh() == 65535 ? ""
				: "port " + (m.getPortLow() == m.getPortHigh() ? "" + m.getPortLow() : m.getPortLow() + "-" + m.getPortHigh());
		if (m.isAnyAddress()) {
			return ports;
		}
		String address = IpAddresses.format(m.getNetwork());
		String network = (m.getFamily() == AddressFamily.INET6 ? "[" + address + "]" : address) + "/" + m.getPrefixLength();
		return ports.isEmpty() ? network : network + " " + ports;
	}
}

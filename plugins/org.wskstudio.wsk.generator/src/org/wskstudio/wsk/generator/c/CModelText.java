package org.wskstudio.wsk.generator.c;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.IpAddresses;

/**
 * Model elements written back in WSKL-like words, for the comments of the generated C (the
 * header's model summary, the rule table). Comment text only; no C semantics depend on it.
 */
final class CModelText {

	private CModelText() {
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
			parts.add(l.getInspectRules().size() + " inspect rules, default "
					+ CLiterals.actionWord(l.getDefaultAction()) + ", max pending " + CDriverFacts.pendingCapacity(l));
		}
		parts.add("connection handles " + handles(l.getConnectionDispatch()));
		return String.join(", ", parts);
	}

	static String endpoint(WskListener l) {
		String family = l.isDualStack() ? "dual-stack" : l.getFamily() == AddressFamily.INET6 ? "ipv6" : "ipv4";
		String address;
		if (l.getLocalAddressText() != null && !l.getLocalAddressText().isBlank()) {
			address = l.getLocalAddressText();
		} else if (l.getLocalAddress() != null) {
			address = IpAddresses.format(l.getLocalAddress());
		} else {
			address = l.getFamily() == AddressFamily.INET6 ? "::" : "0.0.0.0";
		}
		if (l.getFamily() == AddressFamily.INET6) {
			address = "[" + address + "]";
		}
		return CLiterals.commentSafe(family + " " + address + ":" + l.getPort());
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

	/** {@code pend remote 172.16.0.0/12 with check Reputation timeout 500 ms else reject} */
	static String rule(InspectRule r) {
		StringBuilder sb = new StringBuilder(CLiterals.actionWord(r.getAction()));
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
			if (r.getCheck() != null) {
				sb.append(" with check ").append(r.getCheck().getName());
			}
			if (r.getTimeoutMillis() > 0) {
				sb.append(" timeout ").append(r.getTimeoutMillis()).append(" ms else ")
						.append(CLiterals.actionWord(r.getTimeoutAction()));
			} else {
				sb.append(" (no timeout)");
			}
		}
		return CLiterals.commentSafe(sb.toString());
	}

	/** The text of one side of a rule, "" when it matches everything. */
	static String side(AddressMatch m) {
		if (m == null || isAll(m)) {
			return "";
		}
		if (m.getText() != null && !m.getText().isBlank()) {
			return m.getText();
		}
		String ports = m.getPortLow() == 0 && m.getPortHigh() == 65535 ? ""
				: " port " + (m.getPortLow() == m.getPortHigh() ? "" + m.getPortLow() : m.getPortLow() + "-" + m.getPortHigh());
		if (m.isAnyAddress()) {
			return ports.isEmpty() ? "any" : ports.substring(1);
		}
		String address = IpAddresses.format(m.getNetwork());
		return (m.getNetwork().length == 16 ? "[" + address + "]" : address) + "/" + m.getPrefixLength() + ports;
	}

	/** True when a match takes every address and every port. */
	static boolean isAll(AddressMatch m) {
		return m == null || m.isAnyAddress() && m.getPortLow() == 0 && m.getPortHigh() == 65535;
	}

	static String ruleList(List<InspectRule> rules) {
		return rules.stream().map(CTrace::of).collect(Collectors.joining(", "));
	}

	static boolean hasKind(WskListener l, SocketOptionKind kind) {
		return l.getOptions().stream().anyMatch(o -> o.getKind() == kind);
	}
}

package org.wskstudio.wsk.generator.common;

import java.util.List;
import java.util.function.Function;

import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.Traceable;
import org.wskstudio.wsk.model.WskListener;

/**
 * The part of {@link ModelGuard} about conditional accept: inspect rules only on a
 * conditional-accept listener, a default that decides (accept or reject), a bounded table of
 * pending inspections, and rules whose address patterns and pend settings both targets can turn
 * into a rule table.
 */
final class RuleGuard {

	/** Largest table of pending inspections per listener. */
	static final int MAX_PENDING = 4096;

	private RuleGuard() {
	}

	static void check(WskListener l, Function<Traceable, String> describe, String where, List<String> problems) {
		if (!l.isConditionalAccept()) {
			if (!l.getInspectRules().isEmpty()) {
				problems.add(where + ": inspect rules without conditional accept");
			}
			return;
		}
		if (l.getDefaultAction() == InspectAction.PEND || l.getDefaultAction() == null) {
			problems.add(where + ": the default action must be accept or reject");
		}
		if (DriverFacts.pendingCapacity(l) > MAX_PENDING) {
			problems.add(where + ": pending capacity above " + MAX_PENDING);
		}
		for (InspectRule r : l.getInspectRules()) {
			String what = describe.apply(r);
			if (r.getAction() == null) {
				problems.add(what + ": no action");
				continue;
			}
			checkMatch(r.getRemote(), what + ", remote", problems);
			checkMatch(r.getLocal(), what + ", local", problems);
			if (r.getAction() == InspectAction.PEND) {
				if (r.getCheck() == null) {
					problems.add(what + ": pend without a deferred check");
				}
				if (r.getTimeoutMillis() < 0) {
					problems.add(what + ": negative timeout");
				}
				if (r.getTimeoutAction() == InspectAction.PEND) {
					problems.add(what + ": the timeout action must be accept or reject");
				}
			}
		}
	}

	private static void checkMatch(AddressMatch m, String what, List<String> problems) {
		if (m == null) {
			return; // any address, any port
		}
		if (m.getPortLow() < 0 || m.getPortHigh() > 65535 || m.getPortLow() > m.getPortHigh()) {
			problems.add(what + ": port range " + m.getPortLow() + "-" + m.getPortHigh());
		}
		if (!m.isAnyAddress()) {
			int bytes = m.getFamily() == AddressFamily.INET6 ? 16 : 4;
			if (m.getNetwork() == null || m.getNetwork().length != bytes) {
				problems.add(what + ": network address must have " + bytes + " bytes");
			}
			if (m.getPrefixLength() < 0 || m.getPrefixLength() > bytes * 8) {
				problems.add(what + ": prefix length " + m.getPrefixLength());
			}
		}
	}
}

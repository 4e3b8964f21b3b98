package org.wskstudio.wsk.generator.c;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.EventAccept;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.IrpAccept;
import org.wskstudio.wsk.model.OptionPhase;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * What the C generator relies on, checked before any text is produced: a model that breaks
 * one of these would give C that does not compile or does not do what the model says. The
 * DSL validator should reject such models first; this is the generator's own guard, and its
 * messages name the model element.
 */
final class CModelCheck {

	/** Most WskAccept IRPs one listener keeps queued. */
	static final int MAX_QUEUE_DEPTH = 64;
	/** Largest table of pending inspections per listener. */
	static final int MAX_PENDING = 4096;

	private CModelCheck() {
	}

	static void check(WskDriver driver, CNaming naming) {
		List<String> problems = new ArrayList<>();
		naming.checkUnique(driver);
		String tag = driver.getPoolTag();
		if (driver.getPoolTagValue() == 0) {
			problems.add("driver " + driver.getName() + ": pool tag value is 0");
		}
		if (tag != null && tag.length() == 4) {
			int expected = 0;
			for (int i = 0; i < 4; i++) {
				expected |= (tag.charAt(i) & 0xff) << (8 * i);
			}
			if (expected != driver.getPoolTagValue()) {
				problems.add("driver " + driver.getName() + ": pool tag value does not match '" + tag + "'");
			}
		}
		if (driver.getListeners().isEmpty()) {
			problems.add("driver " + driver.getName() + ": no listener");
		}
		CDriverFacts facts = new CDriverFacts(driver);
		Set<String> names = new HashSet<>();
		for (WskListener l : driver.getListeners()) {
			String where = CTrace.of(l);
			if (!names.add(l.getName())) {
				problems.add(where + ": listener name used twice");
			}
			checkListener(l, facts, where, problems);
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("the C generator cannot implement this model:\n  - "
					+ String.join("\n  - ", problems));
		}
	}

	private static void checkListener(WskListener l, CDriverFacts facts, String where, List<String> problems) {
		if (l.getPort() < 0 || l.getPort() > 65535) {
			problems.add(where + ": port " + l.getPort() + " out of range");
		}
		int length = l.getFamily() == AddressFamily.INET6 ? 16 : 4;
		if (l.getLocalAddress() != null && l.getLocalAddress().length != length) {
			problems.add(where + ": local address has " + l.getLocalAddress().length + " bytes, family needs " + length);
		}
		if (l.isDualStack() && l.getFamily() != AddressFamily.INET6) {
			problems.add(where + ": dual stack needs AF_INET6");
		}
		if (l.getConnectionDispatch() == null) {
			problems.add(where + ": no connection dispatch");
		}
		if (l.getAcceptMode() instanceof IrpAccept irp) {
			if (irp.getQueueDepth() < 1 || irp.getQueueDepth() > MAX_QUEUE_DEPTH) {
				problems.add(where + ": IRP queue depth " + irp.getQueueDepth() + " not in 1.." + MAX_QUEUE_DEPTH);
			}
			if (facts.staticEvents) {
				problems.add(where + ": accept by irp in a driver with static event callbacks (the static accept"
						+ " event would be enabled on this socket without a WskAcceptEvent)");
			}
		} else if (l.getAcceptMode() instanceof EventAccept) {
			// static vs. per-socket is decided per driver (CDriverFacts)
		} else {
			problems.add(where + ": no accept mode");
		}
		checkOptions(l, facts, where, problems);
		checkRules(l, where, problems);
	}

	private static void checkOptions(WskListener l, CDriverFacts facts, String where, List<String> problems) {
		boolean afterBind = false;
		boolean v6only = false;
		boolean conditional = false;
		boolean events = false;
		for (SocketOption o : l.getOptions()) {
			String what = CTrace.of(o);
			if (o.getKind() == null || o.getPhase() == null) {
				problems.add(what + ": option kind or phase missing");
				continue;
			}
			if (o.getLevel() != 0 && o.getLevel() != CLiterals.optionLevelValue(o.getKind())
					|| o.getCode() != 0 && o.getCode() != CLiterals.optionCodeValue(o.getKind())) {
				problems.add(what + ": level/code do not match " + CLiterals.optionCode(o.getKind()));
			}
			if (o.getPhase() == OptionPhase.AFTER_BIND) {
				afterBind = true;
			} else if (afterBind) {
				problems.add(what + ": a before-bind option follows an after-bind one");
			}
			switch (o.getKind()) {
			case CONDITIONAL_ACCEPT, REUSE_ADDRESS, EXCLUSIVE_ADDRESS_USE, IPV6_V6ONLY -> {
				if (o.getPhase() != OptionPhase.BEFORE_BIND) {
					problems.add(what + ": must be set before WskBind");
				}
				if (o.getKind() == SocketOptionKind.IPV6_V6ONLY) {
					v6only |= o.getValue() == 0;
					if (l.getFamily() != AddressFamily.INET6) {
						problems.add(what + ": IPV6_V6ONLY on an AF_INET socket");
					}
				}
				conditional |= o.getKind() == SocketOptionKind.CONDITIONAL_ACCEPT;
			}
			case WSK_EVENT_CALLBACK -> {
				events = true;
				if (o.getPhase() != OptionPhase.AFTER_BIND) {
					problems.add(what + ": SO_WSK_EVENT_CALLBACK is enabled after WskBind");
				}
				if (!(l.getAcceptMode() instanceof EventAccept) || facts.staticEvents) {
					problems.add(what + ": SO_WSK_EVENT_CALLBACK on a listener without per-socket accept events");
				}
				if ((o.getValue() & CLiterals.WSK_EVENT_ACCEPT) == 0) {
					problems.add(what + ": the per-socket event mask lacks WSK_EVENT_ACCEPT");
				}
			}
			}
		}
		if (l.isDualStack() && !v6only) {
			problems.add(where + ": dual stack without IPV6_V6ONLY = 0 before bind");
		}
		if (l.isConditionalAccept() != conditional) {
			problems.add(where + ": conditional accept and SO_CONDITIONAL_ACCEPT disagree");
		}
		if (l.getAcceptMode() instanceof EventAccept && !facts.staticEvents && !events) {
			problems.add(where + ": per-socket accept events but no SO_WSK_EVENT_CALLBACK option");
		}
	}

	private static void checkRules(WskListener l, String where, List<String> problems) {
		if (!l.isConditionalAccept()) {
			if (!l.getInspectRules().isEmpty()) {
				problems.add(where + ": inspect rules without conditional accept");
			}
			return;
		}
		if (l.getDefaultAction() == InspectAction.PEND) {
			problems.add(where + ": the default action must be accept or reject");
		}
		if (CDriverFacts.pendingCapacity(l) > MAX_PENDING) {
			problems.add(where + ": pending capacity above " + MAX_PENDING);
		}
		for (InspectRule r : l.getInspectRules()) {
			String what = CTrace.of(r);
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

package org.wskstudio.wsk.generator.java;

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
 * What the Java generator relies on, checked before any text is produced (the same guards as
 * the C generator's, plus the limits of a Java class file). Messages name the model element.
 */
final class JavaModelCheck {

	static final int MAX_QUEUE_DEPTH = 64;
	static final int MAX_PENDING = 4096;
	/**
	 * Inspect rules per listener: each rule is one object in a table built by methods of at most
	 * {@link JavaGenerator#RULES_PER_METHOD} rules; the class file's constant pool (65,535 entries,
	 * a few per rule) bounds the total.
	 */
	static final int MAX_RULES = 8000;

	private JavaModelCheck() {
	}

	static void check(WskDriver driver, JavaNaming naming) {
		List<String> problems = new ArrayList<>();
		naming.checkUnique(driver, problems);
		if (driver.getPoolTag() == null || driver.getPoolTag().length() != 4) {
			problems.add("driver " + driver.getName() + ": the pool tag must have four characters");
		}
		if (driver.getListeners().isEmpty()) {
			problems.add("driver " + driver.getName() + ": no listener");
		}
		JavaDriverFacts facts = new JavaDriverFacts(driver);
		Set<String> names = new HashSet<>();
		int rules = 0;
		for (WskListener l : driver.getListeners()) {
			String where = JavaLiterals.of(l);
			if (!names.add(l.getName())) {
				problems.add(where + ": listener name used twice");
			}
			rules += l.getInspectRules().size();
			checkListener(l, facts, where, problems);
		}
		if (rules > MAX_RULES) {
			problems.add("driver " + driver.getName() + ": " + rules + " inspect rules; the Java twin holds at most "
					+ MAX_RULES + " (a Java class file's constant pool limit)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("the Java generator cannot implement this model:\n  - "
					+ String.join("\n  - ", problems));
		}
	}

	private static void checkListener(WskListener l, JavaDriverFacts facts, String where, List<String> problems) {
		if (l.getPort() < 0 || l.getPort() > 65535) {
			problems.add(where + ": port " + l.getPort() + " out of range");
		}
		int length = l.getFamily() == AddressFamily.INET6 ? 16 : 4;
		if (l.getLocalAddress() == null || l.getLocalAddress().length != length) {
			problems.add(where + ": the local address must have " + length + " bytes");
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
		} else if (!(l.getAcceptMode() instanceof EventAccept)) {
			problems.add(where + ": no accept mode");
		}
		boolean afterBind = false;
		boolean conditional = false;
		for (SocketOption o : l.getOptions()) {
			String what = JavaLiterals.of(o);
			if (o.getKind() == null || o.getPhase() == null) {
				problems.add(what + ": option kind or phase missing");
				continue;
			}
			if (o.getPhase() == OptionPhase.AFTER_BIND) {
				afterBind = true;
				if (o.getKind() != SocketOptionKind.WSK_EVENT_CALLBACK) {
					problems.add(what + ": must be set before WskBind");
				}
			} else if (afterBind) {
				problems.add(what + ": a before-bind option follows an after-bind one");
			} else if (o.getKind() == SocketOptionKind.WSK_EVENT_CALLBACK) {
				problems.add(what + ": SO_WSK_EVENT_CALLBACK is enabled after WskBind");
			}
			conditional |= o.getKind() == SocketOptionKind.CONDITIONAL_ACCEPT;
			if (o.getKind() == SocketOptionKind.WSK_EVENT_CALLBACK
					&& (!(l.getAcceptMode() instanceof EventAccept) || facts.staticEvents)) {
				problems.add(what + ": SO_WSK_EVENT_CALLBACK on a listener without per-socket accept events");
			}
		}
		if (l.isConditionalAccept() != conditional) {
			problems.add(where + ": conditional accept and SO_CONDITIONAL_ACCEPT disagree");
		}
		if (!l.isConditionalAccept()) {
			if (!l.getInspectRules().isEmpty()) {
				problems.add(where + ": inspect rules without conditional accept");
			}
			return;
		}
		if (l.getDefaultAction() == InspectAction.PEND || l.getDefaultAction() == null) {
			problems.add(where + ": the default action must be accept or reject");
		}
		if (JavaDriverFacts.pendingCapacity(l) > MAX_PENDING) {
			problems.add(where + ": pending capacity above " + MAX_PENDING);
		}
		for (InspectRule r : l.getInspectRules()) {
			String what = JavaLiterals.of(r);
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
			return;
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

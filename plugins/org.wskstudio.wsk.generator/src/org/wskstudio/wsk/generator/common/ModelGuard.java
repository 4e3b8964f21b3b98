package org.wskstudio.wsk.generator.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.EventAccept;
import org.wskstudio.wsk.model.IrpAccept;
import org.wskstudio.wsk.model.OptionPhase;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.Traceable;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * What a generator relies on, checked before any text is produced: a model that breaks one of
 * these would give code that does not compile or does not do what the model says. The DSL
 * validator should reject such models first; this is the generators' own guard. The guards both
 * targets share live here, in the order they are reported; the subclass adds the target's own
 * (names, pool tag, local address, what its options carry) at the hooks. All problems are
 * collected and reported in one {@link IllegalArgumentException} whose lines name the model
 * element.
 */
public abstract class ModelGuard {

	/** Most WskAccept IRPs one listener keeps queued. */
	static final int MAX_QUEUE_DEPTH = 64;

	private final String target;

	/** @param target the target's name in the message ("C": "the C generator cannot implement ...") */
	protected ModelGuard(String target) {
		this.target = target;
	}

	/** Fails with every problem of the model, or returns when the target can implement it. */
	public final void check(WskDriver driver) {
		List<String> problems = new ArrayList<>();
		checkNames(driver, problems);
		checkPoolTag(driver, problems);
		if (driver.getListeners().isEmpty()) {
			problems.add("driver " + driver.getName() + ": no listener");
		}
		DriverFacts facts = new DriverFacts(driver);
		Set<String> names = new HashSet<>();
		for (WskListener l : driver.getListeners()) {
			String where = describe(l);
			if (!names.add(l.getName())) {
				problems.add(where + ": listener name used twice");
			}
			checkListener(l, facts, where, problems);
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("the " + target + " generator cannot implement this model:\n  - "
					+ String.join("\n  - ", problems));
		}
	}

	// ---- hooks -------------------------------------------------------------------------

	/** A model element as the messages name it, e.g. {@code listener Public (x.wskl:6)}. */
	protected abstract String describe(Traceable element);

	/** The names the target derives from the model's, before anything else. */
	protected abstract void checkNames(WskDriver driver, List<String> problems);

	protected abstract void checkPoolTag(WskDriver driver, List<String> problems);

	protected abstract void checkLocalAddress(WskListener l, String where, List<String> problems);

	/** What the target checks of an option's level, code or value before its place; nothing by default. */
	protected void checkOptionValue(SocketOption o, String what, List<String> problems) {
	}

	/** What the target checks of an option of a given kind after its place; nothing by default. */
	protected void checkOptionKind(WskListener l, SocketOption o, String what, List<String> problems) {
	}

	/**
	 * Whether a before-bind option that follows an after-bind one is also checked for its own phase
	 * (an SO_WSK_EVENT_CALLBACK there is then reported twice); not by default.
	 */
	protected boolean checksPhaseOfMisplacedOption() {
		return false;
	}

	/** The listener's options taken together: conditional accept and SO_CONDITIONAL_ACCEPT agree. */
	protected void checkOptionSet(WskListener l, DriverFacts facts, String where, List<String> problems) {
		boolean option = l.getOptions().stream().anyMatch(o -> o.getKind() == SocketOptionKind.CONDITIONAL_ACCEPT);
		if (l.isConditionalAccept() != option) {
			problems.add(where + ": conditional accept and SO_CONDITIONAL_ACCEPT disagree");
		}
	}

	// ---- shared guards -----------------------------------------------------------------

	private void checkListener(WskListener l, DriverFacts facts, String where, List<String> problems) {
		if (l.getPort() < 0 || l.getPort() > 65535) {
			problems.add(where + ": port " + l.getPort() + " out of range");
		}
		checkLocalAddress(l, where, problems);
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
		checkOptions(l, facts, problems);
		checkOptionSet(l, facts, where, problems);
		RuleGuard.check(l, this::describe, where, problems);
	}

	/**
	 * Options one by one: SO_WSK_EVENT_CALLBACK is enabled after WskBind (and only where the
	 * listener has per-socket accept events), every other option is set before it, and the model's
	 * order is the order of the calls, so no before-bind option may follow an after-bind one.
	 */
	private void checkOptions(WskListener l, DriverFacts facts, List<String> problems) {
		boolean afterBind = false;
		for (SocketOption o : l.getOptions()) {
			String what = describe(o);
			if (o.getKind() == null || o.getPhase() == null) {
				problems.add(what + ": option kind or phase missing");
				continue;
			}
			checkOptionValue(o, what, problems);
			boolean misplaced = o.getPhase() == OptionPhase.BEFORE_BIND && afterBind;
			afterBind |= o.getPhase() == OptionPhase.AFTER_BIND;
			if (misplaced) {
				problems.add(what + ": a before-bind option follows an after-bind one");
			}
			boolean events = o.getKind() == SocketOptionKind.WSK_EVENT_CALLBACK;
			OptionPhase required = events ? OptionPhase.AFTER_BIND : OptionPhase.BEFORE_BIND;
			if (o.getPhase() != required && (!misplaced || checksPhaseOfMisplacedOption())) {
				problems.add(what + (events ? ": SO_WSK_EVENT_CALLBACK is enabled after WskBind"
						: ": must be set before WskBind"));
			}
			if (events && (!(l.getAcceptMode() instanceof EventAccept) || facts.staticEvents)) {
				problems.add(what + ": SO_WSK_EVENT_CALLBACK on a listener without per-socket accept events");
			}
			checkOptionKind(l, o, what, problems);
		}
	}
}

package org.wskstudio.wsk.generator.java;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.EventAccept;
import org.wskstudio.wsk.model.EventEnabling;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.IrpAccept;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * What a driver uses, decided once: which runtime parts the Java needs. Each part is emitted
 * exactly when some listener needs it, as the C generator does (there for -Werror).
 */
final class JavaDriverFacts {

	final WskDriver driver;
	final List<WskListener> listeners;
	final boolean irp;
	final boolean event;
	final boolean staticEvents;
	final boolean perSocketEvents;
	final boolean conditional;
	final boolean checks;
	final boolean receive;
	final boolean disconnect;
	final boolean sendBacklog;
	final boolean setOption;

	JavaDriverFacts(WskDriver driver) {
		this.driver = driver;
		this.listeners = List.copyOf(driver.getListeners());
		boolean irp = false, event = false, staticEvents = driver.isStaticEventCallbacks();
		boolean conditional = false, checks = false, receive = false, disconnect = false, backlog = false;
		boolean setOption = false;
		for (WskListener l : listeners) {
			if (l.getAcceptMode() instanceof IrpAccept) {
				irp = true;
			} else if (l.getAcceptMode() instanceof EventAccept e) {
				event = true;
				staticEvents |= e.getEnabling() == EventEnabling.STATIC;
			}
			conditional |= l.isConditionalAccept();
			checks |= !checks(l).isEmpty();
			if (l.getConnectionDispatch() != null) {
				receive |= l.getConnectionDispatch().isReceive();
				disconnect |= l.getConnectionDispatch().isDisconnect();
				backlog |= l.getConnectionDispatch().isSendBacklog();
			}
			for (SocketOption o : l.getOptions()) {
				setOption |= o.getKind() != SocketOptionKind.WSK_EVENT_CALLBACK;
			}
		}
		this.irp = irp;
		this.event = event;
		this.staticEvents = staticEvents && event;
		this.perSocketEvents = event && !this.staticEvents;
		this.conditional = conditional;
		this.checks = checks;
		this.receive = receive;
		this.disconnect = disconnect;
		this.sendBacklog = backlog;
		this.setOption = setOption;
	}

	/** A rundown reference guards WskAccept arming and WskInspectComplete against the close. */
	boolean rundown() {
		return irp || conditional;
	}

	/** RequestClose is called by the receive / disconnect events and by IRP-mode starts. */
	boolean requestClose() {
		return irp || receive || disconnect;
	}

	static boolean isIrp(WskListener l) {
		return l.getAcceptMode() instanceof IrpAccept;
	}

	static boolean isEvent(WskListener l) {
		return l.getAcceptMode() instanceof EventAccept;
	}

	/** The deferred checks a listener's pend rules use, in rule order, each once. */
	static List<DeferredCheck> checks(WskListener l) {
		Set<DeferredCheck> result = new LinkedHashSet<>();
		if (l.isConditionalAccept()) {
			for (InspectRule r : l.getInspectRules()) {
				if (r.getAction() == InspectAction.PEND && r.getCheck() != null) {
					result.add(r.getCheck());
				}
			}
		}
		return new ArrayList<>(result);
	}

	static List<InspectRule> rulesUsing(WskListener l, DeferredCheck check) {
		return l.getInspectRules().stream().filter(r -> r.getAction() == InspectAction.PEND && r.getCheck() == check)
				.toList();
	}

	/** Size of a listener's table of pending inspections. */
	static int pendingCapacity(WskListener l) {
		return l.getPendingCapacity() > 0 ? l.getPendingCapacity() : 16;
	}

	static int queueDepth(WskListener l) {
		return l.getAcceptMode() instanceof IrpAccept irp ? irp.getQueueDepth() : 0;
	}

	static boolean reuseIrps(WskListener l) {
		return l.getAcceptMode() instanceof IrpAccept irp && irp.isReuseIrps();
	}

	List<WskListener> conditionalListeners() {
		return listeners.stream().filter(WskListener::isConditionalAccept).toList();
	}

	List<WskListener> eventListeners() {
		return listeners.stream().filter(JavaDriverFacts::isEvent).toList();
	}

	List<WskListener> irpListeners() {
		return listeners.stream().filter(JavaDriverFacts::isIrp).toList();
	}
}

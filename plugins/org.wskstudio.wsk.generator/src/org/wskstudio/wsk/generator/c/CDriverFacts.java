package org.wskstudio.wsk.generator.c;

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
 * What a driver uses, decided once: which runtime parts the C needs. Every static function
 * the generator emits is referenced (the compile runs with -Wall -Werror), so each part of the
 * runtime is emitted exactly when some listener needs it.
 */
final class CDriverFacts {

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

	CDriverFacts(WskDriver driver) {
		this.driver = driver;
		this.listeners = List.copyOf(driver.getListeners());
		boolean irp = false, event = false, staticEvents = driver.isStaticEventCallbacks(), perSocket = false;
		boolean conditional = false, checks = false, receive = false, disconnect = false, backlog = false;
		boolean setOption = false;
		for (WskListener l : listeners) {
			if (l.getAcceptMode() instanceof IrpAccept) {
				irp = true;
			} else if (l.getAcceptMode() instanceof EventAccept e) {
				event = true;
				if (e.getEnabling() == EventEnabling.STATIC) {
					staticEvents = true;
				}
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
		for (WskListener l : listeners) {
			perSocket |= !staticEvents && l.getAcceptMode() instanceof EventAccept;
		}
		this.irp = irp;
		this.event = event;
		this.staticEvents = staticEvents && event;
		this.perSocketEvents = perSocket;
		this.conditional = conditional;
		this.checks = checks;
		this.receive = receive;
		this.disconnect = disconnect;
		this.sendBacklog = backlog;
		this.setOption = setOption;
	}

	/** An EX_RUNDOWN_REF guards WskAccept arming and WskInspectComplete against the close. */
	boolean rundown() {
		return irp || conditional;
	}

	/** Pfx_ConnectionRequestClose is called by receive/disconnect events and by IRP-mode starts. */
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

	/** The pend rules of a listener that use a check. */
	static List<InspectRule> rulesUsing(WskListener l, DeferredCheck check) {
		List<InspectRule> result = new ArrayList<>();
		for (InspectRule r : l.getInspectRules()) {
			if (r.getAction() == InspectAction.PEND && r.getCheck() == check) {
				result.add(r);
			}
		}
		return result;
	}

	/** Size of a listener's table of pending inspections. */
	static int pendingCapacity(WskListener l) {
		return l.getPendingCapacity() > 0 ? l.getPendingCapacity() : 16;
	}

	List<WskListener> conditionalListeners() {
		return listeners.stream().filter(WskListener::isConditionalAccept).toList();
	}

	List<WskListener> eventListeners() {
		return listeners.stream().filter(CDriverFacts::isEvent).toList();
	}
}

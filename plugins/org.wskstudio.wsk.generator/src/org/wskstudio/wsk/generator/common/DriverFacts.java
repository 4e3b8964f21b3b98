package org.wskstudio.wsk.generator.common;

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
 * What a driver uses, decided once for both targets: which runtime parts the generated driver
 * needs. The C and the Java twin emit each part exactly when some listener needs it (the C must:
 * it compiles with -Wall -Werror, so an unreferenced static function fails the build), and both
 * must agree on it so that the twin simulates the driver the C is. An immutable value; the fields
 * are final.
 */
public final class DriverFacts {

	public final WskDriver driver;
	public final List<WskListener> listeners;
	/** Some listener accepts with WskAccept IRPs. */
	public final boolean irp;
	/** Some listener accepts with WskAcceptEvent. */
	public final boolean event;
	/** The accept event is enabled for the client (WSK_SET_STATIC_EVENT_CALLBACKS). */
	public final boolean staticEvents;
	/** The accept event is enabled per socket (SO_WSK_EVENT_CALLBACK). */
	public final boolean perSocketEvents;
	/** Some listener uses conditional accept (WskInspectEvent / WskAbortEvent). */
	public final boolean conditional;
	/** Some pend rule names a deferred check. */
	public final boolean checks;
	/** Some listener handles receive / disconnect / send-backlog on its connections. */
	public final boolean receive;
	public final boolean disconnect;
	public final boolean sendBacklog;
	/** Some listener sets a socket option other than SO_WSK_EVENT_CALLBACK. */
	public final boolean setOption;

	public DriverFacts(WskDriver driver) {
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
		// One static listener makes the whole driver static: the static accept event is per client.
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
	public boolean rundown() {
		return irp || conditional;
	}

	/** RequestClose is called by the receive / disconnect events and by IRP-mode starts. */
	public boolean requestClose() {
		return irp || receive || disconnect;
	}

	public List<WskListener> conditionalListeners() {
		return listeners.stream().filter(WskListener::isConditionalAccept).toList();
	}

	public List<WskListener> eventListeners() {
		return listeners.stream().filter(DriverFacts::isEvent).toList();
	}

	public List<WskListener> irpListeners() {
		return listeners.stream().filter(DriverFacts::isIrp).toList();
	}

	// ---- per listener ------------------------------------------------------------------

	public static boolean isIrp(WskListener l) {
		return l.getAcceptMode() instanceof IrpAccept;
	}

	public static boolean isEvent(WskListener l) {
		return l.getAcceptMode() instanceof EventAccept;
	}

	/** WskAccept IRPs the listener keeps queued; 0 for an event listener. */
	public static int queueDepth(WskListener l) {
		return l.getAcceptMode() instanceof IrpAccept irp ? irp.getQueueDepth() : 0;
	}

	/** True when the listener's completed accept IRPs are rearmed with IoReuseIrp, not freed. */
	public static boolean reuseIrps(WskListener l) {
		return l.getAcceptMode() instanceof IrpAccept irp && irp.isReuseIrps();
	}

	/** Size of a listener's table of pending inspections. */
	public static int pendingCapacity(WskListener l) {
		return l.getPendingCapacity();
	}

	/** The deferred checks a listener's pend rules use, in rule order, each once. */
	public static List<DeferredCheck> checks(WskListener l) {
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

	/** The pend rules of a listener that use a check, in rule order. */
	public static List<InspectRule> rulesUsing(WskListener l, DeferredCheck check) {
		return l.getInspectRules().stream().filter(r -> r.getAction() == InspectAction.PEND && r.getCheck() == check)
				.toList();
	}
}

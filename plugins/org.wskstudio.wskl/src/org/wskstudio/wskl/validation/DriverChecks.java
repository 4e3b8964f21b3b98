package org.wskstudio.wskl.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.wskstudio.wskl.wskl.DeferredCheck;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.EventAccept;
import org.wskstudio.wskl.wskl.EventEnabling;
import org.wskstudio.wskl.wskl.InspectRule;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.PendRule;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/** Checks of the driver as a whole: pool tag, names, client-wide settings. */
public class DriverChecks extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into WsklValidator
	}

	@Check
	public void checkDriverPoolTag(Driver driver) {
		String tag = driver.getPoolTag();
		if (tag == null) {
			return;
		}
		boolean ascii = tag.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
		if (tag.length() != 4 || !ascii) {
			error("The pool tag must be exactly four printable ASCII characters (ExAllocatePoolWithTag takes them as one ULONG); '"
					+ tag + "' has " + tag.length() + (ascii ? "" : " and is not plain ASCII") + ".",
					Literals.DRIVER__POOL_TAG, WsklIssueCodes.INVALID_POOL_TAG, tag);
		}
	}

	@Check
	public void checkDriverNamesUnique(Driver driver) {
		Map<String, EObject> seen = new HashMap<>();
		for (DeferredCheck check : driver.getChecks()) {
			duplicate(seen, check.getName(), check, Literals.DEFERRED_CHECK__NAME, "deferred check");
		}
		seen.clear();
		for (Listener listener : driver.getListeners()) {
			duplicate(seen, listener.getName(), listener, Literals.LISTENER__NAME, "listener");
		}
	}

	private void duplicate(Map<String, EObject> seen, String name, EObject element,
			org.eclipse.emf.ecore.EAttribute feature, String kind) {
		if (name == null) {
			return;
		}
		if (seen.putIfAbsent(name, element) != null) {
			error("Duplicate " + kind + " name '" + name + "': generated C symbols are derived from it.", element, feature,
					WsklIssueCodes.DUPLICATE_NAME, name);
		}
	}

	@Check
	public void checkDriverStaticEventsNotMixed(Driver driver) {
		boolean anyStatic = driver.getListeners().stream().anyMatch(DriverChecks::isStaticEvent);
		if (!anyStatic) {
			return;
		}
		for (Listener listener : driver.getListeners()) {
			if (!isStaticEvent(listener)) {
				error("Listener '" + listener.getName() + "' does not use 'accept by event static', but another listener does: "
						+ "WSK_SET_STATIC_EVENT_CALLBACKS enables WskAcceptEvent on every socket of the client, so all listeners "
						+ "of this driver must use static event callbacks.", listener.getAccept(), null,
						WsklIssueCodes.STATIC_EVENTS_MIXED);
			}
		}
	}

	private static boolean isStaticEvent(Listener listener) {
		return listener.getAccept() instanceof EventAccept e && e.getEnabling() == EventEnabling.STATIC;
	}

	/** One pass over the rules for all checks (a check per rule would walk the model once per check). */
	@Check
	public void checkDeferredCheckUsed(Driver driver) {
		Set<DeferredCheck> used = new HashSet<>();
		for (Listener listener : driver.getListeners()) {
			if (listener.getInspect() != null) {
				for (InspectRule rule : listener.getInspect().getRules()) {
					if (rule instanceof PendRule pend) {
						used.add(pend.getCheck());
					}
				}
			}
		}
		for (DeferredCheck check : driver.getChecks()) {
			if (!used.contains(check)) {
				warning("Deferred check '" + check.getName() + "' is not used by any pend rule.", check,
						Literals.DEFERRED_CHECK__NAME, WsklIssueCodes.UNUSED_DEFERRED_CHECK, check.getName());
			}
		}
	}
}

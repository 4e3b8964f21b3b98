package org.wskstudio.wskl.transform;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.model.OptionPhase;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.WskFactory;
import org.wskstudio.wsk.model.constants.SocketOptionNumbers;
import org.wskstudio.wskl.wskl.EventAccept;
import org.wskstudio.wskl.wskl.EventEnabling;
import org.wskstudio.wskl.wskl.Family;
import org.wskstudio.wskl.wskl.Listener;

/**
 * The WskControlSocket calls a listener needs, in the order WSK needs them: address sharing,
 * IPV6_V6ONLY and SO_CONDITIONAL_ACCEPT before WskBind; the per-socket accept event after it.
 */
final class SocketOptions {

	private SocketOptions() {
	}

	static List<SocketOption> of(Listener listener) {
		List<SocketOption> result = new ArrayList<>();
		String where = "listener " + listener.getName();
		if (listener.getOptions().contains(org.wskstudio.wskl.wskl.SocketOptionKind.EXCLUSIVE_ADDRESS_USE)) {
			result.add(option(SocketOptionKind.EXCLUSIVE_ADDRESS_USE, 1, OptionPhase.BEFORE_BIND, listener, where));
		}
		if (listener.getOptions().contains(org.wskstudio.wskl.wskl.SocketOptionKind.REUSE_ADDRESS)) {
			result.add(option(SocketOptionKind.REUSE_ADDRESS, 1, OptionPhase.BEFORE_BIND, listener, where));
		}
		if (listener.getFamily() == Family.DUAL_STACK) {
			result.add(option(SocketOptionKind.IPV6_V6ONLY, 0, OptionPhase.BEFORE_BIND, listener, where));
		}
		if (listener.getOptions().contains(org.wskstudio.wskl.wskl.SocketOptionKind.CONDITIONAL_ACCEPT)) {
			result.add(option(SocketOptionKind.CONDITIONAL_ACCEPT, 1, OptionPhase.BEFORE_BIND, listener, where));
		}
		if (listener.getAccept() instanceof EventAccept event && event.getEnabling() == EventEnabling.PER_SOCKET) {
			result.add(option(SocketOptionKind.WSK_EVENT_CALLBACK, SocketOptionNumbers.WSK_EVENT_ACCEPT, OptionPhase.AFTER_BIND, listener, where));
		}
		return result;
	}

	private static SocketOption option(SocketOptionKind kind, int value, OptionPhase phase, Listener listener,
			String where) {
		SocketOption option = WskFactory.eINSTANCE.createSocketOption();
		option.setKind(kind);
		option.setLevel(SocketOptionNumbers.level(kind));
		option.setCode(SocketOptionNumbers.code(kind));
		option.setValue(value);
		option.setPhase(phase);
		return SourceTrace.trace(option, listener, kind.getLiteral() + " of " + where);
	}
}

package org.wskstudio.wskl.transform;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.model.OptionPhase;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.WskFactory;
import org.wskstudio.wskl.wskl.EventAccept;
import org.wskstudio.wskl.wskl.EventEnabling;
import org.wskstudio.wskl.wskl.Family;
import org.wskstudio.wskl.wskl.Listener;

/**
 * The WskControlSocket calls a listener needs, in the order WSK needs them: address sharing,
 * IPV6_V6ONLY and SO_CONDITIONAL_ACCEPT before WskBind; the per-socket accept event after it.
 */
final class SocketOptions {

	static final int SOL_SOCKET = 0xffff;
	static final int IPPROTO_IPV6 = 41;
	static final int SO_REUSEADDR = 4;
	static final int SO_EXCLUSIVEADDRUSE = ~SO_REUSEADDR;
	static final int IPV6_V6ONLY = 27;
	static final int SO_CONDITIONAL_ACCEPT = 0x3002;
	static final int SO_WSK_EVENT_CALLBACK = 0x4002;
	static final int WSK_EVENT_ACCEPT = 0x200;

	private SocketOptions() {
	}

	static List<SocketOption> of(Listener listener) {
		List<SocketOption> result = new ArrayList<>();
		String where = "listener " + listener.getName();
		if (listener.getOptions().contains(org.wskstudio.wskl.wskl.SocketOptionKind.EXCLUSIVE_ADDRESS_USE)) {
			result.add(option(SocketOptionKind.EXCLUSIVE_ADDRESS_USE, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1, OptionPhase.BEFORE_BIND, listener, where));
		}
		if (listener.getOptions().contains(org.wskstudio.wskl.wskl.SocketOptionKind.REUSE_ADDRESS)) {
			result.add(option(SocketOptionKind.REUSE_ADDRESS, SOL_SOCKET, SO_REUSEADDR, 1, OptionPhase.BEFORE_BIND, listener, where));
		}
		if (listener.getFamily() == Family.DUAL_STACK) {
			result.add(option(SocketOptionKind.IPV6_V6ONLY, IPPROTO_IPV6, IPV6_V6ONLY, 0, OptionPhase.BEFORE_BIND, listener, where));
		}
		if (listener.getOptions().contains(org.wskstudio.wskl.wskl.SocketOptionKind.CONDITIONAL_ACCEPT)) {
			result.add(option(SocketOptionKind.CONDITIONAL_ACCEPT, SOL_SOCKET, SO_CONDITIONAL_ACCEPT, 1, OptionPhase.BEFORE_BIND, listener, where));
		}
		if (listener.getAccept() instanceof EventAccept event && event.getEnabling() == EventEnabling.PER_SOCKET) {
			result.add(option(SocketOptionKind.WSK_EVENT_CALLBACK, SOL_SOCKET, SO_WSK_EVENT_CALLBACK, WSK_EVENT_ACCEPT, OptionPhase.AFTER_BIND, listener, where));
		}
		return result;
	}

	private static SocketOption option(SocketOptionKind kind, int level, int code, int value, OptionPhase phase,
			Listener listener, String where) {
		SocketOption option = WskFactory.eINSTANCE.createSocketOption();
		option.setKind(kind);
		option.setLevel(level);
		option.setCode(code);
		option.setValue(value);
		option.setPhase(phase);
		return SourceTrace.trace(option, listener, kind.getLiteral() + " of " + where);
	}
}

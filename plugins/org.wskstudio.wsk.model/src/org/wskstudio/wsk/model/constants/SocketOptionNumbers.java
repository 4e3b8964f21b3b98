package org.wskstudio.wsk.model.constants;

import org.wskstudio.wsk.model.SocketOptionKind;

/**
 * The documented numbers of the WskControlSocket options the code model uses (level and option
 * code, wsk-listen-semantics.md), in one place for the transformation that writes them into the
 * model and the generators that check them. The simulator keeps its own copy on purpose
 * ({@code org.wskstudio.wsk.sim.wsk.WskConstants}): it depends on nothing, and a generator that
 * disagrees with it shows up as a rule violation.
 */
public final class SocketOptionNumbers {

	public static final int SOL_SOCKET = 0xffff;
	public static final int IPPROTO_IPV6 = 41;
	public static final int SO_REUSEADDR = 4;
	public static final int SO_EXCLUSIVEADDRUSE = ~SO_REUSEADDR;
	public static final int IPV6_V6ONLY = 27;
	public static final int SO_CONDITIONAL_ACCEPT = 0x3002;
	public static final int SO_WSK_EVENT_CALLBACK = 0x4002;
	/** The event bit SO_WSK_EVENT_CALLBACK enables for a listening socket in per-socket event mode. */
	public static final int WSK_EVENT_ACCEPT = 0x200;

	private SocketOptionNumbers() {
	}

	/** The option's level: IPPROTO_IPV6 for IPV6_V6ONLY, SOL_SOCKET for the others. */
	public static int level(SocketOptionKind kind) {
		return kind == SocketOptionKind.IPV6_V6ONLY ? IPPROTO_IPV6 : SOL_SOCKET;
	}

	/** The option's code at its level. */
	public static int code(SocketOptionKind kind) {
		return switch (kind) {
		case CONDITIONAL_ACCEPT -> SO_CONDITIONAL_ACCEPT;
		case REUSE_ADDRESS -> SO_REUSEADDR;
		case EXCLUSIVE_ADDRESS_USE -> SO_EXCLUSIVEADDRUSE;
		case IPV6_V6ONLY -> IPV6_V6ONLY;
		case WSK_EVENT_CALLBACK -> SO_WSK_EVENT_CALLBACK;
		};
	}
}

package org.wskstudio.wsk.generator.common;

import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.SocketOptionKind;

/**
 * The names of WSK and Winsock constants for model values: address families, option levels and
 * codes, inspect actions. The C uses them as its identifiers and the Java twin declares constants
 * of the same names, so that the two read side by side; this is the one place that maps the
 * model to them.
 */
public final class WskNames {

	private WskNames() {
	}

	public static String family(AddressFamily family) {
		return family == AddressFamily.INET6 ? "AF_INET6" : "AF_INET";
	}

	/** The level constant of an option kind. */
	public static String optionLevel(SocketOptionKind kind) {
		return kind == SocketOptionKind.IPV6_V6ONLY ? "IPPROTO_IPV6" : "SOL_SOCKET";
	}

	/** The option constant of an option kind. */
	public static String optionCode(SocketOptionKind kind) {
		return switch (kind) {
		case CONDITIONAL_ACCEPT -> "SO_CONDITIONAL_ACCEPT";
		case REUSE_ADDRESS -> "SO_REUSEADDR";
		case EXCLUSIVE_ADDRESS_USE -> "SO_EXCLUSIVEADDRUSE";
		case IPV6_V6ONLY -> "IPV6_V6ONLY";
		case WSK_EVENT_CALLBACK -> "SO_WSK_EVENT_CALLBACK";
		};
	}

	/** The WSK_INSPECT_ACTION value of an action. */
	public static String action(InspectAction action) {
		return switch (action) {
		case ACCEPT -> "WskInspectAccept";
		case REJECT -> "WskInspectReject";
		case PEND -> "WskInspectPend";
		};
	}
}

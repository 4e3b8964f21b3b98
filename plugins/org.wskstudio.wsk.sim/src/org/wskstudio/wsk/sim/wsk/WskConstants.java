package org.wskstudio.wsk.sim.wsk;

/** WSK, Winsock and socket-option constants with their C values. */
public final class WskConstants {
	private WskConstants() {
	}

	public static final int AF_INET = 2;
	public static final int AF_INET6 = 23;
	public static final int SOCK_STREAM = 1;
	public static final int IPPROTO_TCP = 6;
	public static final int IPPROTO_IPV6 = 41;
	public static final int SOL_SOCKET = 0xFFFF;

	public static final int WSK_FLAG_BASIC_SOCKET = 0x00000000;
	public static final int WSK_FLAG_LISTEN_SOCKET = 0x00000001;
	public static final int WSK_FLAG_CONNECTION_SOCKET = 0x00000002;
	public static final int WSK_FLAG_DATAGRAM_SOCKET = 0x00000004;
	public static final int WSK_FLAG_AT_DISPATCH_LEVEL = 0x00000008;

	public static final int SO_REUSEADDR = 0x0004;
	public static final int SO_EXCLUSIVEADDRUSE = ~SO_REUSEADDR;
	public static final int SO_CONDITIONAL_ACCEPT = 0x3002;
	public static final int SO_WSK_EVENT_CALLBACK = 0x4002;
	public static final int IPV6_V6ONLY = 27;

	public static final int WSK_EVENT_SEND_BACKLOG = 0x00000010;
	public static final int WSK_EVENT_RECEIVE = 0x00000040;
	public static final int WSK_EVENT_DISCONNECT = 0x00000080;
	public static final int WSK_EVENT_RECEIVE_FROM = 0x00000100;
	public static final int WSK_EVENT_ACCEPT = 0x00000200;
	public static final int WSK_EVENT_DISABLE = 0x80000000;

	/** WskControlClient control code. */
	public static final int WSK_SET_STATIC_EVENT_CALLBACKS = 7;

	public static final int WSK_NO_WAIT = 0;
	public static final int WSK_INFINITE_WAIT = 0xFFFFFFFF;

	/** MAKE_WSK_VERSION(1, 0). */
	public static final short WSK_VERSION_1_0 = 0x0100;

	/** NPI_WSK_INTERFACE_ID: the only NPI id the simulator knows. */
	public static final Object NPI_WSK_INTERFACE_ID = new Object() {
		@Override
		public String toString() {
			return "NPI_WSK_INTERFACE_ID";
		}
	};

	public static String eventMaskName(int mask) {
		StringBuilder sb = new StringBuilder();
		int[] bits = {WSK_EVENT_ACCEPT, WSK_EVENT_RECEIVE, WSK_EVENT_DISCONNECT, WSK_EVENT_SEND_BACKLOG,
			WSK_EVENT_RECEIVE_FROM, WSK_EVENT_DISABLE};
		String[] names = {"WSK_EVENT_ACCEPT", "WSK_EVENT_RECEIVE", "WSK_EVENT_DISCONNECT", "WSK_EVENT_SEND_BACKLOG",
			"WSK_EVENT_RECEIVE_FROM", "WSK_EVENT_DISABLE"};
		for (int i = 0; i < bits.length; i++) {
			if ((mask & bits[i]) != 0) {
				sb.append(sb.length() == 0 ? "" : "|").append(names[i]);
			}
		}
		return sb.length() == 0 ? "0" : sb.toString();
	}

	public static String optionName(int level, int option) {
		if (level == IPPROTO_IPV6 && option == IPV6_V6ONLY) {
			return "IPV6_V6ONLY";
		}
		return switch (option) {
			case SO_REUSEADDR -> "SO_REUSEADDR";
			case SO_EXCLUSIVEADDRUSE -> "SO_EXCLUSIVEADDRUSE";
			case SO_CONDITIONAL_ACCEPT -> "SO_CONDITIONAL_ACCEPT";
			case SO_WSK_EVENT_CALLBACK -> "SO_WSK_EVENT_CALLBACK";
			default -> String.format("option 0x%X", option);
		};
	}
}

package org.wskstudio.wsk.generator.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.wskstudio.wsk.generator.common.WskEvent;
import org.wskstudio.wsk.generator.common.WskNames;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.ConnectionDispatch;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.WskDriver;

/**
 * C types and literals for model values: the pool tag's reversed multichar literal, address
 * byte initializers, option values and the numbers of option levels and codes, event masks,
 * string literals. The constant names both targets use are {@link WskNames}' and
 * {@link WskEvent}'s; the option numbers are the code model's
 * ({@link org.wskstudio.wsk.model.constants.SocketOptionNumbers}), which {@link CModelCheck} checks.
 */
public final class CLiterals {

	private CLiterals() {
	}

	// ---- pool tag ----------------------------------------------------------------------

	/**
	 * The pool tag as C: poolTagValue has the tag's first character in its lowest byte, and a
	 * multichar literal puts its last character there, so 'Echo' becomes {@code ((ULONG)'ohcE')}.
	 * A tag with a character that cannot stand in a character literal is written in hex.
	 */
	public static String poolTag(WskDriver driver) {
		int value = driver.getPoolTagValue();
		StringBuilder reversed = new StringBuilder();
		boolean printable = true;
		for (int shift = 24; shift >= 0; shift -= 8) {
			int c = (value >>> shift) & 0xff;
			printable &= c >= 0x20 && c < 0x7f && c != '\'' && c != '\\';
			reversed.append((char) c);
		}
		return printable ? "((ULONG)'" + reversed + "')" : String.format(Locale.ROOT, "((ULONG)0x%08XUL)", value);
	}

	/** The tag as pool tools show it (first character = lowest byte), non-printables as '.'. */
	public static String poolTagDisplay(WskDriver driver) {
		int value = driver.getPoolTagValue();
		StringBuilder sb = new StringBuilder();
		for (int shift = 0; shift < 32; shift += 8) {
			int c = (value >>> shift) & 0xff;
			sb.append(c >= 0x20 && c < 0x7f && c != '*' && c != '/' ? (char) c : '.');
		}
		return sb.toString();
	}

	// ---- addresses ---------------------------------------------------------------------

	public static String sockaddrType(AddressFamily family) {
		return family == AddressFamily.INET6 ? "SOCKADDR_IN6" : "SOCKADDR_IN";
	}

	/** {@code { 10, 0, 0, 0 }} for 4 bytes, {@code { 0x20, 0x01, ... }} (16 entries) for 16 bytes. */
	public static String bytes(byte[] address) {
		StringJoiner joiner = new StringJoiner(", ", "{ ", " }");
		for (byte b : address) {
			joiner.add(address.length == 4 ? Integer.toString(b & 0xff) : String.format(Locale.ROOT, "0x%02x", b & 0xff));
		}
		return joiner.toString();
	}

	public static boolean isZero(byte[] address) {
		if (address == null) {
			return true;
		}
		for (byte b : address) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}

	// ---- socket options ----------------------------------------------------------------

	/** A ULONG option value. */
	public static String ulong(SocketOption option) {
		return Integer.toUnsignedString(option.getValue());
	}

	// ---- events ------------------------------------------------------------------------

	/** The connection events a dispatch table handles, as an OR of WSK_EVENT_* (or 0), parenthesized. */
	public static String connectionEvents(ConnectionDispatch dispatch) {
		List<String> events = WskEvent.handledBy(dispatch).stream().map(e -> e.constant).toList();
		return events.isEmpty() ? "0" : events.size() == 1 ? events.get(0) : "(" + String.join(" | ", events) + ")";
	}

	/** A listening socket's event mask value as WSK_EVENT_* names; unknown bits stay hex. */
	public static String eventMask(int value) {
		List<String> parts = new ArrayList<>(WskEvent.in(value).stream().map(e -> e.constant).toList());
		int rest = WskEvent.unknownBits(value);
		if (rest != 0) {
			parts.add(String.format(Locale.ROOT, "0x%xUL", rest));
		}
		return parts.isEmpty() ? "0" : String.join(" | ", parts);
	}

	// ---- misc --------------------------------------------------------------------------

	public static String bool(boolean value) {
		return value ? "TRUE" : "FALSE";
	}

	/** A C string literal (ASCII; anything else escaped in octal). */
	public static String string(String text) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
			case '"' -> sb.append("\\\"");
			case '\\' -> sb.append("\\\\");
			case '\n' -> sb.append("\\n");
			default -> {
				if (c >= 0x20 && c < 0x7f && c != '?') {
					sb.append(c);
				} else {
					sb.append(String.format(Locale.ROOT, "\\%03o", c & 0xff));
				}
			}
			}
		}
		return sb.append('"').toString();
	}

	/** Text that is safe inside a C block comment. */
	public static String commentSafe(String text) {
		return text == null ? "" : text.replace("*/", "* /").replace("/*", "/ *").replace('\n', ' ');
	}
}

package org.wskstudio.wsk.generator.c;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * Every C name the generator emits, derived from the driver's prefix and the listener names
 * (the scheme of c-reference/NOTES.md "Names and layout"):
 * <ul>
 * <li>driver-level functions {@code <Prefix>_<Role>} ({@code IrpAcc_AcceptComplete}),
 * driver-level data {@code <Prefix><Thing>} ({@code IrpAccRegistration}), enumerators
 * {@code <Prefix><Value>} ({@code IrpAccConnOpen});</li>
 * <li>types and macros {@code <PREFIX>_...} ({@code IRPACC_LISTENER}, {@code PIRPACC_LISTENER},
 * {@code IRPACC_POOL_TAG});</li>
 * <li>per listener {@code <Prefix><Listener>_<Role>} ({@code EvtAccPublic_AcceptEvent}),
 * {@code <Prefix><Listener><Thing>} ({@code EvtAccPublicConnectionDispatch}) and
 * {@code <PREFIX>_<LISTENER>_<THING>} ({@code EVTACC_PUBLIC_PORT});</li>
 * <li>per listener and deferred check {@code <Prefix><Listener>_Start<Check>Check} and
 * {@code <Prefix><Listener>_Complete<Check>Check};</li>
 * <li>files {@code <prefix>_driver.h}, {@code <prefix>_driver.c}, {@code <prefix>_checks.c}
 * (prefix in lower case) and {@code wsk_decls.h}.</li>
 * </ul>
 * Templates are written with placeholder tokens that {@link #expand} replaces in one pass:
 * {@code Pfx} (prefix), {@code PFX} (macro prefix), {@code Lsn} (listener part of a symbol),
 * {@code LSN} (listener part of a macro). {@link #checkUnique} rejects a model whose names
 * would give two equal C symbols.
 */
public final class CNaming {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
	private static final Pattern TOKENS = Pattern.compile("PFX|Pfx|LSN|Lsn");

	/** Driver-level file-scope names other than functions ({@code <Prefix><Thing>}). */
	static final List<String> DRIVER_THINGS = List.of("ClientDispatch", "DriverObject", "Registration",
			"ProviderNpi", "Registered", "NpiCaptured", "IrpCount", "IrpsDrained", "Connections",
			"ConnectionLock", "ConnectionsClosed", "ConnOpen", "ConnClosing", "ConnStarting",
			"ConnStartingCloseRequested", "SlotIdle", "SlotQueued", "SlotCancelling", "SlotCancelDone",
			"SlotCompleted", "AddressAny", "AddressIpv4", "AddressIpv6", "PendingFree", "PendingAnnouncing",
			"PendingWaiting", "PendingCompleting");

	/** Per-listener file-scope names ({@code <Prefix><Listener><Thing>}; "" is the listener object). */
	static final List<String> LISTENER_THINGS = List.of("", "Slots", "Pending", "ListenDispatch",
			"ConnectionDispatch", "Rules");

	/** Per-listener macros ({@code <PREFIX>_<LISTENER>_<THING>}). */
	static final List<String> LISTENER_MACROS = List.of("PORT", "ACCEPT_DEPTH", "REUSE_IRP", "PENDING_MAX",
			"CONNECTION_EVENTS");

	/** Driver-level macros and types ({@code <PREFIX>_<THING>}). */
	static final List<String> DRIVER_MACROS = List.of("DRIVER_H", "POOL_TAG", "TIMEOUT_TICK_MS", "MATCH_ANY",
			"MATCH_ANY_PORTS", "STATIC_EVENT_MASK", "LISTENER", "LISTENER_OPEN", "CONNECTION", "CONNECTION_STATE",
			"ACCEPT_SLOT", "SLOT_STATE", "ADDRESS_KIND", "MATCH", "ENDPOINT", "CHECK_START", "RULE", "PENDING",
			"PENDING_STATE");

	private final String prefix;
	private final String macroPrefix;

	public CNaming(WskDriver driver) {
		this(driver.getPrefix());
	}

	public CNaming(String prefix) {
		if (prefix == null || !IDENTIFIER.matcher(prefix).matches()) {
			throw new IllegalArgumentException("prefix '" + prefix + "' is not a C identifier");
		}
		this.prefix = prefix;
		this.macroPrefix = prefix.toUpperCase(Locale.ROOT);
	}

	public String prefix() {
		return prefix;
	}

	public String macroPrefix() {
		return macroPrefix;
	}

	// ---- files -------------------------------------------------------------------------

	public String headerFile() {
		return prefix.toLowerCase(Locale.ROOT) + "_driver.h";
	}

	public String sourceFile() {
		return prefix.toLowerCase(Locale.ROOT) + "_driver.c";
	}

	public String checksFile() {
		return prefix.toLowerCase(Locale.ROOT) + "_checks.c";
	}

	public static String declarationsFile() {
		return "wsk_decls.h";
	}

	// ---- driver level ------------------------------------------------------------------

	/** {@code IrpAcc_<role>} */
	public String function(String role) {
		return prefix + "_" + role;
	}

	/** {@code IrpAcc<thing>}: driver-level data and enumerators. */
	public String global(String thing) {
		return prefix + thing;
	}

	/** {@code IRPACC_<name>}: types and macros. */
	public String macro(String name) {
		return macroPrefix + "_" + name;
	}

	// ---- listeners ---------------------------------------------------------------------

	/** The listener's part of symbols: its name with the first letter in upper case. */
	public String listenerPart(WskListener listener) {
		return capitalized(listener.getName());
	}

	/** The listener's part of macros: its name in upper snake case ("AdminPort" gives ADMIN_PORT). */
	public String listenerMacroPart(WskListener listener) {
		return upperSnake(listener.getName());
	}

	/** {@code IrpAccPublic}: the listener object. */
	public String listener(WskListener listener) {
		return prefix + listenerPart(listener);
	}

	/** {@code IrpAccPublic_<role>} */
	public String listenerFunction(WskListener listener, String role) {
		return listener(listener) + "_" + role;
	}

	/** {@code IrpAccPublic<thing>} */
	public String listenerGlobal(WskListener listener, String thing) {
		return listener(listener) + thing;
	}

	/** {@code IRPACC_PUBLIC_<thing>} */
	public String listenerMacro(WskListener listener, String thing) {
		return macroPrefix + "_" + listenerMacroPart(listener) + "_" + thing;
	}

	/** {@code IrpAccPublic_Start<Check>Check}: the hook that starts a deferred check. */
	public String checkStart(WskListener listener, DeferredCheck check) {
		return listenerFunction(listener, "Start" + capitalized(check.getName()) + "Check");
	}

	/** {@code IrpAccPublic_Complete<Check>Check}: the driver's logic reports the outcome here. */
	public String checkComplete(WskListener listener, DeferredCheck check) {
		return listenerFunction(listener, "Complete" + capitalized(check.getName()) + "Check");
	}

	// ---- templates ---------------------------------------------------------------------

	/** Replaces {@code Pfx} and {@code PFX} in a driver-level template. */
	public String expand(String template) {
		return expand(template, null);
	}

	/** Replaces {@code Pfx}, {@code PFX}, {@code Lsn} and {@code LSN} in one pass. */
	public String expand(String template, WskListener listener) {
		Matcher m = TOKENS.matcher(template);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			String replacement = switch (m.group()) {
			case "Pfx" -> prefix;
			case "PFX" -> macroPrefix;
			case "Lsn" -> listenerPart(require(listener));
			case "LSN" -> listenerMacroPart(require(listener));
			default -> throw new IllegalStateException(m.group());
			};
			m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	private static WskListener require(WskListener listener) {
		if (listener == null) {
			throw new IllegalStateException("listener placeholder in a driver-level template");
		}
		return listener;
	}

	// ---- uniqueness --------------------------------------------------------------------

	/**
	 * Fails when two model elements would give the same C name (e.g. listeners "AdminPort" and
	 * "Admin_Port" both give ADMIN_PORT macros, or a listener named "Registration" gives the
	 * driver's own IrpAccRegistration).
	 */
	public void checkUnique(WskDriver driver) {
		Map<String, String> owners = new LinkedHashMap<>();
		List<String> clashes = new ArrayList<>();
		for (String thing : DRIVER_THINGS) {
			claim(owners, clashes, global(thing), "driver " + driver.getName());
		}
		for (String thing : DRIVER_MACROS) {
			claim(owners, clashes, macro(thing), "driver " + driver.getName());
		}
		for (WskListener listener : driver.getListeners()) {
			if (listener.getName() == null || !IDENTIFIER.matcher(listener.getName()).matches()) {
				throw new IllegalArgumentException("listener name '" + listener.getName() + "' is not a C identifier");
			}
			String owner = "listener " + listener.getName();
			for (String thing : LISTENER_THINGS) {
				claim(owners, clashes, listenerGlobal(listener, thing), owner);
			}
			for (String thing : LISTENER_MACROS) {
				claim(owners, clashes, listenerMacro(listener, thing), owner);
			}
			claim(owners, clashes, listenerFunction(listener, "Open"), owner);
		}
		for (DeferredCheck check : driver.getDeferredChecks()) {
			if (check.getName() == null || !IDENTIFIER.matcher(check.getName()).matches()) {
				throw new IllegalArgumentException("deferred check name '" + check.getName() + "' is not a C identifier");
			}
		}
		if (!clashes.isEmpty()) {
			throw new IllegalArgumentException("generated C names clash: " + String.join("; ", clashes));
		}
	}

	private static void claim(Map<String, String> owners, List<String> clashes, String name, String owner) {
		String previous = owners.putIfAbsent(name, owner);
		if (previous != null) {
			clashes.add(name + " (" + previous + " and " + owner + ")");
		}
	}

	// ---- helpers -----------------------------------------------------------------------

	static String capitalized(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	static String upperSnake(String name) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean boundary = i > 0 && Character.isUpperCase(c)
					&& (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1))
							|| (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
									&& Character.isUpperCase(name.charAt(i - 1))));
			if (boundary && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
				sb.append('_');
			}
			sb.append(Character.toUpperCase(c));
		}
		return sb.toString();
	}
}

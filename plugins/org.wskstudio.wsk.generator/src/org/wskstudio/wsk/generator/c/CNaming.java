package org.wskstudio.wsk.generator.c;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wskstudio.wsk.generator.common.SymbolNaming;
import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * Every C name the generator emits, derived from the driver's prefix and the listener names
 * (the scheme of docs/c-driver-design.md, "Names and layout"). The names the Java twin shares
 * (functions, the listener object, check hooks, templates) are {@link SymbolNaming}'s; the C
 * adds:
 * <ul>
 * <li>driver-level data {@code <Prefix><Thing>} ({@code IrpAccRegistration}), enumerators
 * {@code <Prefix><Value>} ({@code IrpAccConnOpen});</li>
 * <li>types and macros {@code <PREFIX>_...} ({@code IRPACC_LISTENER}, {@code PIRPACC_LISTENER},
 * {@code IRPACC_POOL_TAG});</li>
 * <li>per listener {@code <Prefix><Listener><Thing>} ({@code EvtAccPublicConnectionDispatch}) and
 * {@code <PREFIX>_<LISTENER>_<THING>} ({@code EVTACC_PUBLIC_PORT}), the listener's part of a macro
 * splitting acronyms ("HTTPServer" gives HTTP_SERVER);</li>
 * <li>files {@code <prefix>_driver.h}, {@code <prefix>_driver.c}, {@code <prefix>_checks.c}
 * (prefix in lower case) and {@code wsk_decls.h}.</li>
 * </ul>
 * {@link #checkUnique} rejects a model whose names would give two equal C symbols.
 */
public final class CNaming extends SymbolNaming {

	private static final String C_IDENTIFIER = "a C identifier";

	/** Driver-level file-scope names other than functions ({@code <Prefix><Thing>}). */
	static final List<String> DRIVER_THINGS = List.of("ClientDispatch", "DriverObject", "Registration",
			"ProviderNpi", "Registered", "NpiCaptured", "IrpCount", "IrpsDrained", "Connections",
			"ConnectionLock", "ConnectionsClosed", "ConnOpen", "ConnClosing", "ConnStarting",
			"ConnStartingCloseRequested", "SlotIdle", "SlotQueued", "SlotCancelling", "SlotCancelDone",
			"SlotCompleted", "AddressAny", "AddressIpv4", "AddressIpv6", "PendingFree", "PendingAnnouncing",
			"PendingWaiting", "PendingCompleting");

	/** Per-listener file-scope names ({@code <Prefix><Listener><Thing>}; "" is the listener object). */
	static final List<String> LISTENER_THINGS = List.of("", "Slots", "Pending", "ListenDispatch",
			"ConnectionDispatch", "Rules", "Ipv4Starts", "Ipv4Intervals", "Ipv6Intervals", "Candidates", "AnyFamily", "Classifier");

	/** Per-listener macros ({@code <PREFIX>_<LISTENER>_<THING>}). */
	static final List<String> LISTENER_MACROS = List.of("PORT", "ACCEPT_DEPTH", "REUSE_IRP", "PENDING_MAX",
			"CONNECTION_EVENTS");

	/** Driver-level macros and types ({@code <PREFIX>_<THING>}). */
	static final List<String> DRIVER_MACROS = List.of("DRIVER_H", "POOL_TAG", "INTERRUPT_TIME_PER_MS", "REARM_RETRY_FIRST_MS",
			"REARM_RETRY_MAX_MS", "MATCH_ANY", "MATCH_ANY_PORTS", "STATIC_EVENT_MASK", "LISTENER", "LISTENER_OPEN",
			"CONNECTION", "CONNECTION_STATE", "ACCEPT_SLOT", "SLOT_STATE", "ADDRESS_KIND", "MATCH", "ENDPOINT",
			"CHECK_START", "RULE", "ORIGIN", "INTERVAL", "CLASSIFIER", "PENDING", "PENDING_STATE");

	public CNaming(WskDriver driver) {
		this(driver.getPrefix());
	}

	public CNaming(String prefix) {
		super(prefix, C_IDENTIFIER);
	}

	// ---- files -------------------------------------------------------------------------

	public String headerFile() {
		return prefix().toLowerCase(Locale.ROOT) + "_driver.h";
	}

	public String sourceFile() {
		return prefix().toLowerCase(Locale.ROOT) + "_driver.c";
	}

	public String checksFile() {
		return prefix().toLowerCase(Locale.ROOT) + "_checks.c";
	}

	/** {@code <prefix>.sys}: the driver image the Makefile links. */
	public String imageFile() {
		return prefix().toLowerCase(Locale.ROOT) + ".sys";
	}

	/**
	 * {@code <prefix>.mk}: the makefile that links the image ({@code make -f <prefix>.mk}); named
	 * after the driver so that several drivers can be generated into one folder.
	 */
	public String makeFile() {
		return prefix().toLowerCase(Locale.ROOT) + ".mk";
	}

	public static String declarationsFile() {
		return "wsk_decls.h";
	}

	/** The module-definition file of netio.sys's exports, for making its import library. */
	public static String netioDefinitionsFile() {
		return "netio.def";
	}

	// ---- C-only names ------------------------------------------------------------------

	/** {@code IrpAcc<thing>}: driver-level data and enumerators. */
	public String global(String thing) {
		return prefix() + thing;
	}

	/** The listener's part of macros: its name in upper snake case, acronyms split. */
	@Override
	public String listenerMacroPart(WskListener listener) {
		return upperSnake(listener.getName(), true);
	}

	/** {@code IrpAccPublic<thing>} */
	public String listenerGlobal(WskListener listener, String thing) {
		return listener(listener) + thing;
	}

	/** {@code IRPACC_PUBLIC_<thing>} */
	public String listenerMacro(WskListener listener, String thing) {
		return macroPrefix() + "_" + listenerMacroPart(listener) + "_" + thing;
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
			if (!isIdentifier(listener.getName())) {
				throw new IllegalArgumentException("listener name '" + listener.getName() + "' is not " + C_IDENTIFIER);
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
			if (!isIdentifier(check.getName())) {
				throw new IllegalArgumentException("deferred check name '" + check.getName() + "' is not " + C_IDENTIFIER);
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
}

package org.wskstudio.wsk.generator.common;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.WskListener;

/**
 * The names both targets give the same things, so that the C driver and its Java twin can be
 * read side by side: driver-level functions {@code <Prefix>_<Role>} ({@code IrpAcc_AcceptComplete}),
 * the listener object {@code <Prefix><Listener>} ({@code IrpAccPublic}), per-listener functions
 * {@code <Prefix><Listener>_<Role>} ({@code EvtAccPublic_AcceptEvent}), the deferred checks' hooks
 * {@code <Prefix><Listener>_Start<Check>Check} / {@code _Complete<Check>Check}, and macros or
 * constants {@code <PREFIX>_<NAME>}.
 * <p>
 * Templates are written with placeholder tokens that {@link #expand} replaces in one pass:
 * {@code Pfx} (prefix), {@code PFX} (upper-case prefix), {@code Lsn} (listener part of a symbol),
 * {@code LSN} (listener part of a macro, which is the target's: {@link #listenerMacroPart}). Files,
 * the names a target has alone, and which clashes it rejects are the subclass's.
 */
public abstract class SymbolNaming {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
	private static final Pattern TOKENS = Pattern.compile("PFX|Pfx|LSN|Lsn");

	private final String prefix;
	private final String macroPrefix;

	/**
	 * @param identifier how the target's messages say what a name must be ("a C identifier"), for
	 *                   the message when the prefix is not one
	 */
	protected SymbolNaming(String prefix, String identifier) {
		if (!isIdentifier(prefix)) {
			throw new IllegalArgumentException("prefix '" + prefix + "' is not " + identifier);
		}
		this.prefix = prefix;
		this.macroPrefix = prefix.toUpperCase(Locale.ROOT);
	}

	/** True for a name both targets can use in a symbol: a letter, then letters, digits and '_'. */
	protected static boolean isIdentifier(String name) {
		return name != null && IDENTIFIER.matcher(name).matches();
	}

	public String prefix() {
		return prefix;
	}

	/** The prefix in upper case, for macros and constants. */
	public String macroPrefix() {
		return macroPrefix;
	}

	// ---- driver level ------------------------------------------------------------------

	/** {@code IrpAcc_<role>} */
	public String function(String role) {
		return prefix + "_" + role;
	}

	/** {@code IRPACC_<name>}: C types and macros, Java constants. */
	public String macro(String name) {
		return macroPrefix + "_" + name;
	}

	// ---- listeners ---------------------------------------------------------------------

	/** The listener's part of symbols: its name with the first letter in upper case. */
	public String listenerPart(WskListener listener) {
		return capitalized(listener.getName());
	}

	/** The listener's part of macros and constants ("AdminPort" gives ADMIN_PORT). */
	public abstract String listenerMacroPart(WskListener listener);

	/** {@code IrpAccPublic}: the listener object. */
	public String listener(WskListener listener) {
		return prefix + listenerPart(listener);
	}

	/** {@code IrpAccPublic_<role>} */
	public String listenerFunction(WskListener listener, String role) {
		return listener(listener) + "_" + role;
	}

	/** {@code IrpAccPublic_Start<Check>Check}: the hook that starts (asks) a deferred check. */
	public String checkStart(WskListener listener, DeferredCheck check) {
		return listenerFunction(listener, "Start" + capitalized(check.getName()) + "Check");
	}

	/** {@code IrpAccPublic_Complete<Check>Check}: the check's outcome completes the inspection here. */
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

	// ---- helpers -----------------------------------------------------------------------

	protected static String capitalized(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * {@code name} in upper snake case: a '_' before an upper-case letter that follows a lower-case
	 * letter or a digit ("AdminPort" gives ADMIN_PORT, "Port2Fa" PORT2_FA); with
	 * {@code splitAcronyms} also before the last capital of a run that starts a word ("HTTPServer"
	 * gives HTTP_SERVER rather than HTTPSERVER).
	 */
	protected static String upperSnake(String name, boolean splitAcronyms) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean boundary = i > 0 && Character.isUpperCase(c)
					&& (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1))
							|| splitAcronyms && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
									&& Character.isUpperCase(name.charAt(i - 1)));
			if (boundary && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
				sb.append('_');
			}
			sb.append(Character.toUpperCase(c));
		}
		return sb.toString();
	}
}

package org.wskstudio.wsk.generator.java;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * Every Java name the generator emits. The generated driver mirrors the C generator's names so
 * that the two can be read side by side: driver-level methods {@code <Prefix>_<Role>}
 * ({@code Echo_AllocateIrp}), per-listener methods {@code <Prefix><Listener>_<Role>}
 * ({@code EchoPublic_InspectEvent}), per-listener objects {@code <Prefix><Listener><Thing>}
 * ({@code EchoPublicRules}) and constants {@code <PREFIX>_<THING>} ({@code ECHO_POOL_TAG}).
 * The class is {@code <Prefix>Driver} in the package {@code wskstudio.generated.<prefix in lower
 * case>}, in the file {@code wskstudio/generated/<prefix>/<Prefix>Driver.java}.
 * <p>
 * Templates use the tokens {@code Pfx}, {@code PFX}, {@code Lsn} and {@code LSN}, replaced in
 * one pass by {@link #expand}.
 */
public final class JavaNaming {

	public static final String BASE_PACKAGE = "wskstudio.generated";

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
	private static final Pattern TOKENS = Pattern.compile("PFX|Pfx|LSN|Lsn");

	private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
			"interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
			"static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
			"void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
			"_");

	/** Per-listener members ({@code <Prefix><Listener><Thing>}; "" is the listener object). */
	static final List<String> LISTENER_THINGS = List.of("", "Slots", "Pending", "ListenDispatch",
			"ConnectionDispatch", "Rules", "Address");

	private final String prefix;
	private final String macroPrefix;

	public JavaNaming(WskDriver driver) {
		this(driver.getPrefix());
	}

	JavaNaming(String prefix) {
		if (prefix == null || !IDENTIFIER.matcher(prefix).matches()) {
			throw new IllegalArgumentException("prefix '" + prefix + "' is not an identifier");
		}
		this.prefix = prefix;
		this.macroPrefix = prefix.toUpperCase(Locale.ROOT);
	}

	public String prefix() {
		return prefix;
	}

	/** {@code wskstudio.generated.echo}; a keyword gets a trailing underscore. */
	public String packageName() {
		String last = prefix.toLowerCase(Locale.ROOT);
		return BASE_PACKAGE + "." + (KEYWORDS.contains(last) ? last + "_" : last);
	}

	/** {@code EchoDriver} */
	public String className() {
		return prefix + "Driver";
	}

	/** {@code wskstudio.generated.echo.EchoDriver} */
	public String qualifiedClassName() {
		return packageName() + "." + className();
	}

	/** {@code wskstudio/generated/echo/EchoDriver.java} */
	public String sourceFile() {
		return packageName().replace('.', '/') + "/" + className() + ".java";
	}

	/** {@code Echo_<role>} */
	public String function(String role) {
		return prefix + "_" + role;
	}

	/** {@code ECHO_<name>} */
	public String constant(String name) {
		return macroPrefix + "_" + name;
	}

	public String listenerPart(WskListener listener) {
		return capitalized(listener.getName());
	}

	/** {@code EchoPublic}: the listener object. */
	public String listener(WskListener listener) {
		return prefix + listenerPart(listener);
	}

	public String listenerFunction(WskListener listener, String role) {
		return listener(listener) + "_" + role;
	}

	/** {@code EchoPublic_Start<Check>Check}: the hook that asks the deferred check. */
	public String checkStart(WskListener listener, DeferredCheck check) {
		return listenerFunction(listener, "Start" + capitalized(check.getName()) + "Check");
	}

	/** {@code EchoPublic_Complete<Check>Check}: the check's answer completes the inspection here. */
	public String checkComplete(WskListener listener, DeferredCheck check) {
		return listenerFunction(listener, "Complete" + capitalized(check.getName()) + "Check");
	}

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
			case "LSN" -> upperSnake(require(listener).getName());
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

	/** Fails when two listeners or checks would give the same Java names. */
	void checkUnique(WskDriver driver, List<String> problems) {
		Map<String, String> owners = new LinkedHashMap<>();
		for (WskListener listener : driver.getListeners()) {
			if (listener.getName() == null || !IDENTIFIER.matcher(listener.getName()).matches()) {
				problems.add("listener name '" + listener.getName() + "' is not an identifier");
				continue;
			}
			for (String thing : LISTENER_THINGS) {
				String name = listener(listener) + thing;
				String previous = owners.putIfAbsent(name, "listener " + listener.getName());
				if (previous != null) {
					problems.add("listener " + listener.getName() + ": the Java name " + name + " is also used by "
							+ previous);
				}
			}
		}
		for (DeferredCheck check : driver.getDeferredChecks()) {
			if (check.getName() == null || !IDENTIFIER.matcher(check.getName()).matches()) {
				problems.add("deferred check name '" + check.getName() + "' is not an identifier");
			}
		}
	}

	static String capitalized(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	static String upperSnake(String name) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean boundary = i > 0 && Character.isUpperCase(c) && (Character.isLowerCase(name.charAt(i - 1))
					|| Character.isDigit(name.charAt(i - 1)));
			if (boundary && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
				sb.append('_');
			}
			sb.append(Character.toUpperCase(c));
		}
		return sb.toString();
	}
}

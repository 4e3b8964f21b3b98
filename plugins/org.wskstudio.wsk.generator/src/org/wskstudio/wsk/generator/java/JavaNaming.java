package org.wskstudio.wsk.generator.java;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.wskstudio.wsk.generator.common.SymbolNaming;
import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * Every Java name the generator emits. The generated driver mirrors the C generator's names
 * ({@link SymbolNaming}) so that the two can be read side by side: driver-level methods
 * {@code <Prefix>_<Role>} ({@code Echo_AllocateIrp}), per-listener methods
 * {@code <Prefix><Listener>_<Role>} ({@code EchoPublic_InspectEvent}), per-listener objects
 * {@code <Prefix><Listener><Thing>} ({@code EchoPublicRules}) and constants {@code <PREFIX>_<THING>}
 * ({@code ECHO_POOL_TAG}). The class is {@code <Prefix>Driver} in the package
 * {@code wskstudio.generated.<prefix in lower case>}, in the file
 * {@code wskstudio/generated/<prefix>/<Prefix>Driver.java}.
 */
public final class JavaNaming extends SymbolNaming {

	public static final String BASE_PACKAGE = "wskstudio.generated";

	private static final String JAVA_IDENTIFIER = "an identifier";

	private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
			"interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
			"static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
			"void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
			"_");

	/** Per-listener members ({@code <Prefix><Listener><Thing>}; "" is the listener object). */
	static final List<String> LISTENER_THINGS = List.of("", "Slots", "Pending", "ListenDispatch",
			"ConnectionDispatch", "Rules", "RulesStatus", "Ipv4Starts", "Ipv4Intervals", "Ipv6Intervals", "Candidates", "AnyFamily", "Classifier",
			"Address");

	public JavaNaming(WskDriver driver) {
		this(driver.getPrefix());
	}

	JavaNaming(String prefix) {
		super(prefix, JAVA_IDENTIFIER);
	}

	/** {@code wskstudio.generated.echo}; a keyword gets a trailing underscore. */
	public String packageName() {
		String last = prefix().toLowerCase(Locale.ROOT);
		return BASE_PACKAGE + "." + (KEYWORDS.contains(last) ? last + "_" : last);
	}

	/** {@code EchoDriver} */
	public String className() {
		return prefix() + "Driver";
	}

	/** {@code wskstudio.generated.echo.EchoDriver} */
	public String qualifiedClassName() {
		return packageName() + "." + className();
	}

	/** {@code wskstudio/generated/echo/EchoDriver.java} */
	public String sourceFile() {
		return packageName().replace('.', '/') + "/" + className() + ".java";
	}

	/** The listener's part of constants: its name in upper snake case, acronyms kept whole. */
	@Override
	public String listenerMacroPart(WskListener listener) {
		return upperSnake(listener.getName(), false);
	}

	/** Fails when two listeners or checks would give the same Java names. */
	void checkUnique(WskDriver driver, List<String> problems) {
		Map<String, String> owners = new LinkedHashMap<>();
		for (WskListener listener : driver.getListeners()) {
			if (!isIdentifier(listener.getName())) {
				problems.add("listener name '" + listener.getName() + "' is not " + JAVA_IDENTIFIER);
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
			if (!isIdentifier(check.getName())) {
				problems.add("deferred check name '" + check.getName() + "' is not " + JAVA_IDENTIFIER);
			}
		}
	}
}

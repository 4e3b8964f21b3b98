package org.wskstudio.wskl.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.wskstudio.wsk.generator.WskCodeGenerator;

/**
 * The code generators known to {@code wskl generate}, by target name. Each is named by its
 * class in the org.wskstudio.wsk.generator bundle and loaded with that bundle's class loader
 * (so it needs no exported package, inside OSGi or in the runnable jar) when it is used.
 * Adding a target is one {@link #register} line.
 */
public final class GeneratorRegistry {

	private static final Map<String, String> GENERATORS = new TreeMap<>();

	static {
		register("c", "org.wskstudio.wsk.generator.c.CGenerator");
		register("java", "org.wskstudio.wsk.generator.java.JavaGenerator");
	}

	private GeneratorRegistry() {
	}

	private static void register(String target, String className) {
		GENERATORS.put(target, className);
	}

	public static boolean isKnown(String target) {
		return target != null && GENERATORS.containsKey(target);
	}

	/** The known target names, sorted. */
	public static Set<String> targets() {
		return Collections.unmodifiableSet(GENERATORS.keySet());
	}

	/**
	 * A new generator for a known target.
	 *
	 * @throws IllegalArgumentException if the target is not known
	 * @throws IllegalStateException if its generator cannot be loaded or made
	 */
	public static WskCodeGenerator create(String target) {
		String className = GENERATORS.get(target);
		if (className == null) {
			throw new IllegalArgumentException("unknown target '" + target + "'; known targets: " + String.join(", ", targets()));
		}
		try {
			Class<?> type = Class.forName(className, true, WskCodeGenerator.class.getClassLoader());
			Object generator = type.getConstructor().newInstance();
			if (!(generator instanceof WskCodeGenerator codeGenerator)) {
				throw new IllegalStateException(className + " is not a WskCodeGenerator");
			}
			return codeGenerator;
		} catch (ClassNotFoundException | NoClassDefFoundError e) {
			throw new IllegalStateException("the generator for target '" + target + "' is not part of this build ("
					+ className + " is missing)");
		} catch (InvocationTargetException e) {
			throw new IllegalStateException("the generator for target '" + target + "' could not be created: "
					+ ModelLoader.reason(e.getCause() != null ? e.getCause() : e));
		} catch (ReflectiveOperationException | LinkageError e) {
			throw new IllegalStateException("the generator for target '" + target + "' could not be created: "
					+ ModelLoader.reason(e));
		}
	}

	/** The target names for picocli's help ({@code ${COMPLETION-CANDIDATES}}). */
	static final class Targets implements Iterable<String> {
		@Override
		public Iterator<String> iterator() {
			return targets().iterator();
		}
	}
}

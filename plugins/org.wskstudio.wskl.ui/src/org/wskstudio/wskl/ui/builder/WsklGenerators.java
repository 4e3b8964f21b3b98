package org.wskstudio.wskl.ui.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.wskstudio.wsk.generator.WskCodeGenerator;

/**
 * The code generators the builder runs: the known generator classes of the bundle
 * {@value #GENERATOR_BUNDLE}, instantiated by name through that bundle (a class that is not
 * there yet is skipped), plus generators registered programmatically (tests), which replace a
 * known one of the same {@link WskCodeGenerator#target() target}.
 */
public final class WsklGenerators {

	public static final String GENERATOR_BUNDLE = "org.wskstudio.wsk.generator";
	public static final List<String> KNOWN_GENERATORS = List.of("org.wskstudio.wsk.generator.c.CGenerator",
			"org.wskstudio.wsk.generator.java.JavaGenerator");

	private static final Map<String, WskCodeGenerator> REGISTERED = new LinkedHashMap<>();
	private static List<WskCodeGenerator> known;

	private WsklGenerators() {
	}

	/** Adds (or replaces, by target) a generator. */
	public static synchronized void register(WskCodeGenerator generator) {
		REGISTERED.put(generator.target(), generator);
	}

	public static synchronized void unregister(WskCodeGenerator generator) {
		REGISTERED.values().remove(generator);
	}

	/** All available generators, one per target, known ones first. */
	public static synchronized List<WskCodeGenerator> all() {
		Map<String, WskCodeGenerator> byTarget = new LinkedHashMap<>();
		for (WskCodeGenerator generator : known()) {
			byTarget.put(generator.target(), generator);
		}
		byTarget.putAll(REGISTERED);
		return new ArrayList<>(byTarget.values());
	}

	private static List<WskCodeGenerator> known() {
		if (known == null) {
			List<WskCodeGenerator> result = new ArrayList<>();
			Bundle bundle = Platform.getBundle(GENERATOR_BUNDLE);
			for (String name : KNOWN_GENERATORS) {
				try {
					Class<?> type = bundle != null ? bundle.loadClass(name) : Class.forName(name);
					result.add((WskCodeGenerator) type.getDeclaredConstructor().newInstance());
				} catch (ClassNotFoundException | NoClassDefFoundError e) {
					// not in this build of the generator bundle: skip it
				} catch (ReflectiveOperationException | RuntimeException e) {
					org.wskstudio.wskl.ui.WsklUiPlugin.log("Could not create the generator " + name, e);
				}
			}
			known = result;
		}
		return known;
	}
}

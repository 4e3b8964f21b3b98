package org.wskstudio.wskl.ui.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.generator.WskCodeGenerator;
import org.wskstudio.wsk.generator.WskGenerators;

/**
 * The code generators the builder runs: the generator bundle's one list ({@link WskGenerators}),
 * where generators registered programmatically (tests) replace the one of the same
 * {@link WskCodeGenerator#target() target}.
 */
public final class WsklGenerators {

	private static final Map<String, WskCodeGenerator> REGISTERED = new LinkedHashMap<>();

	private WsklGenerators() {
	}

	/** Adds (or replaces, by target) a generator. */
	public static synchronized void register(WskCodeGenerator generator) {
		REGISTERED.put(generator.target(), generator);
	}

	public static synchronized void unregister(WskCodeGenerator generator) {
		REGISTERED.values().remove(generator);
	}

	/** All generators, one per target, in the list's order; registered ones after. */
	public static synchronized List<WskCodeGenerator> all() {
		Map<String, WskCodeGenerator> byTarget = new LinkedHashMap<>();
		for (WskCodeGenerator generator : WskGenerators.all()) {
			byTarget.put(generator.target(), generator);
		}
		byTarget.putAll(REGISTERED);
		return new ArrayList<>(byTarget.values());
	}
}

package org.wskstudio.wsk.generator;

import java.util.List;
import java.util.Optional;

import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wsk.generator.java.JavaGenerator;

/**
 * The one list of code generators: every target the command line offers and the IDE builder runs,
 * in the order they run. Adding a target is one entry here.
 */
public final class WskGenerators {

	private WskGenerators() {
	}

	/** A new generator of every target, in the order the builder runs them. */
	public static List<WskCodeGenerator> all() {
		return List.of(new CGenerator(), new JavaGenerator());
	}

	/** The target names, in list order. */
	public static List<String> targets() {
		return all().stream().map(WskCodeGenerator::target).toList();
	}

	/** A new generator for the target, if there is one. */
	public static Optional<WskCodeGenerator> forTarget(String target) {
		return all().stream().filter(g -> g.target().equals(target)).findFirst();
	}

	/**
	 * A new generator for a known target.
	 *
	 * @throws IllegalArgumentException if the target is not known, naming the known ones
	 */
	public static WskCodeGenerator create(String target) {
		return forTarget(target).orElseThrow(() -> new IllegalArgumentException(
				"unknown target '" + target + "'; known targets: " + String.join(", ", targets())));
	}
}

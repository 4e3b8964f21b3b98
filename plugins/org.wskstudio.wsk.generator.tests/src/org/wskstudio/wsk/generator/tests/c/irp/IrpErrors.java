package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The violations the IRP check found, one line each, in the order found, each once. Path
 * violations are prefixed with the root being checked ("DriverEntry: frees an IRP twice"), so
 * a defect in a helper is reported once per root that reaches it.
 */
final class IrpErrors {

	private final Set<String> lines = new LinkedHashSet<>();
	private String root;

	/** The function whose paths are being checked from now on. */
	void root(String name) {
		root = name;
	}

	/** A violation on a path of the current root. */
	void path(String message) {
		lines.add(root + ": " + message);
	}

	/** A violation of the file's structure rules. */
	void structure(String message) {
		lines.add(message);
	}

	/** A mark to go back to with {@link #reset}, when a root is checked again. */
	Set<String> mark() {
		return new LinkedHashSet<>(lines);
	}

	void reset(Set<String> mark) {
		lines.retainAll(mark);
	}

	List<String> all() {
		return List.copyOf(lines);
	}
}

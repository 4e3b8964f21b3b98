package org.wskstudio.wsk.generator.common;

import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.Traceable;

/**
 * How generated code names the model element it comes from: {@code listener Public
 * (event_accept.wskl:6)}. Both targets put this text in comments and the Java twin also in
 * strings the simulator reports, so a C line and its Java twin point at the same place. Only
 * the file's last path segment is used, so the output does not depend on where the model was
 * read from. The text is raw: each target makes it safe for its own comments.
 */
public final class ModelTrace {

	private ModelTrace() {
	}

	/** {@code listener Public (x.wskl:6)}, or the origin alone when the model has no location. */
	public static String text(Traceable element) {
		String origin = origin(element);
		String where = where(element);
		return where.isEmpty() ? origin : origin + " (" + where + ")";
	}

	/** The model element's origin ({@code rule 2 of listener Public}), or its class name. */
	public static String origin(Traceable element) {
		return element.getOrigin() != null && !element.getOrigin().isBlank() ? element.getOrigin()
				: element.eClass().getName();
	}

	/**
	 * {@code x.wskl:6}, {@code line 6} without a file, or "" when unknown. A rule expanded from
	 * an address list is where its range is: {@code drop.txt:17}.
	 */
	public static String where(Traceable element) {
		if (element instanceof InspectRule rule && rule.getListFile() != null) {
			return fileName(rule.getListFile()) + ":" + rule.getListLine();
		}
		String file = element.getSourceFile();
		if (file == null || file.isBlank()) {
			return element.getSourceLine() > 0 ? "line " + element.getSourceLine() : "";
		}
		String name = fileName(file);
		return element.getSourceLine() > 0 ? name + ":" + element.getSourceLine() : name;
	}

	private static String fileName(String path) {
		String name = path.replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1);
	}
}

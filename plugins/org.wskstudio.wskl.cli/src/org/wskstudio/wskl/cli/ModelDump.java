package org.wskstudio.wskl.cli;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * A readable, indented text form of a code model, by reflection over its EMF classes: one
 * element a header line ({@code WskListener (line 7:1)}), then its attributes as
 * {@code name = value}, cross references as {@code name -> Class "name"} and contained
 * elements indented below their feature.
 */
final class ModelDump {

	private static final String INDENT = "  ";

	/** The Traceable features shown in the header rather than as attributes. */
	private static final List<String> POSITION_FEATURES = List.of("sourceFile", "sourceLine", "sourceColumn");

	private ModelDump() {
	}

	static String dump(EObject root) {
		StringBuilder text = new StringBuilder();
		element(text, root, 0, null);
		return text.toString();
	}

	private static void element(StringBuilder text, EObject object, int depth, String label) {
		indent(text, depth).append(label == null ? "" : label + ": ").append(object.eClass().getName())
				.append(position(object)).append('\n');
		for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
			if (feature.isDerived() || feature.isTransient() || POSITION_FEATURES.contains(feature.getName())) {
				continue;
			}
			Object value = object.eGet(feature);
			if (feature instanceof EAttribute) {
				if (value == null || (feature.isMany() && ((List<?>) value).isEmpty())) {
					continue;
				}
				indent(text, depth + 1).append(feature.getName()).append(" = ").append(attribute(value)).append('\n');
			} else if (((EReference) feature).isContainment()) {
				if (feature.isMany()) {
					List<?> children = (List<?>) value;
					for (int i = 0; i < children.size(); i++) {
						element(text, (EObject) children.get(i), depth + 1, feature.getName() + "[" + i + "]");
					}
				} else if (value != null) {
					element(text, (EObject) value, depth + 1, feature.getName());
				}
			} else if (value != null) {
				List<?> targets = feature.isMany() ? (List<?>) value : List.of(value);
				if (!targets.isEmpty()) {
					indent(text, depth + 1).append(feature.getName()).append(" -> ")
							.append(targets.stream().map(t -> reference((EObject) t)).collect(Collectors.joining(", ")))
							.append('\n');
				}
			}
		}
	}

	private static String position(EObject object) {
		EStructuralFeature line = object.eClass().getEStructuralFeature("sourceLine");
		EStructuralFeature column = object.eClass().getEStructuralFeature("sourceColumn");
		if (line == null || !(object.eGet(line) instanceof Integer l) || l <= 0) {
			return "";
		}
		Object c = column == null ? null : object.eGet(column);
		return " (line " + l + (c instanceof Integer col && col > 0 ? ":" + col : "") + ")";
	}

	private static String reference(EObject target) {
		EStructuralFeature name = target.eClass().getEStructuralFeature("name");
		Object value = name == null ? null : target.eGet(name);
		return target.eClass().getName() + (value != null ? " " + quote(value.toString()) : "");
	}

	private static String attribute(Object value) {
		if (value instanceof String s) {
			return quote(s);
		}
		if (value instanceof byte[] bytes) {
			StringBuilder hex = new StringBuilder("[");
			for (int i = 0; i < bytes.length; i++) {
				hex.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xff));
			}
			return hex.append(']').toString();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ModelDump::attribute).collect(Collectors.joining(", ", "[", "]"));
		}
		return String.valueOf(value);
	}

	private static String quote(String s) {
		return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
				.replace("\t", "\\t") + '"';
	}

	private static StringBuilder indent(StringBuilder text, int depth) {
		return text.append(INDENT.repeat(depth));
	}
}

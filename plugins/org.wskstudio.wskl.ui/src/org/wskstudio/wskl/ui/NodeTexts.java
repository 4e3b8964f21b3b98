package org.wskstudio.wskl.ui;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** The text of parsed elements, as the outline and the hovers show them. */
public final class NodeTexts {

	private NodeTexts() {
	}

	/** The element's text on one line: its tokens as written, comments dropped, whitespace runs as one space. */
	public static String oneLine(EObject element) {
		ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		boolean space = false;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (leaf.isHidden()) {
				space = text.length() > 0;
			} else {
				text.append(space ? " " : "").append(leaf.getText());
				space = false;
			}
		}
		return text.toString();
	}

	/** The text written for a single-valued feature (a reference's name even when it does not resolve), or null. */
	public static String written(EObject element, EStructuralFeature feature) {
		return NodeModelUtils.findNodesForFeature(element, feature).stream().findFirst()
				.map(NodeModelUtils::getTokenText).orElse(null);
	}
}

package org.wskstudio.wskl.ui;

import org.eclipse.emf.ecore.EObject;
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
}

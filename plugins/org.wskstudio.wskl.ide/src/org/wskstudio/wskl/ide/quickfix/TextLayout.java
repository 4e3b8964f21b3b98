package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

/** Finding elements, nodes and line layout for the fixes. */
final class TextLayout {

	static final String INDENT = "\t";

	private TextLayout() {
	}

	/** The innermost element of the given type that contains the offset, or null. */
	static <T extends EObject> T elementAt(XtextResource resource, int offset, Class<T> type) {
		IParseResult result = resource.getParseResult();
		if (result == null || result.getRootNode() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(result.getRootNode(), offset);
		EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		while (element != null && !type.isInstance(element)) {
			element = element.eContainer();
		}
		return type.cast(element);
	}

	static ICompositeNode node(EObject element) {
		return element == null ? null : NodeModelUtils.findActualNodeFor(element);
	}

	static INode lastNodeFor(EObject element, EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(element, feature);
		return nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
	}

	static INode firstNodeFor(EObject element, EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(element, feature);
		return nodes.isEmpty() ? null : nodes.get(0);
	}

	/** The last non-hidden leaf of an element whose text is the keyword, or null. */
	static ILeafNode lastKeyword(EObject element, String keyword) {
		ICompositeNode node = node(element);
		ILeafNode found = null;
		if (node != null) {
			for (ILeafNode leaf : node.getLeafNodes()) {
				if (!leaf.isHidden() && keyword.equals(leaf.getText())) {
					found = leaf;
				}
			}
		}
		return found;
	}

	static int lineStart(String text, int offset) {
		int start = offset;
		while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
			start--;
		}
		return start;
	}

	/** The offset after the line's delimiter (or the end of the text). */
	static int nextLineStart(String text, int offset) {
		int end = offset;
		while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
			end++;
		}
		if (end < text.length() && text.charAt(end) == '\r') {
			end++;
		}
		if (end < text.length() && text.charAt(end) == '\n') {
			end++;
		}
		return end;
	}

	/** The whitespace that starts the line containing the offset. */
	static String indentOf(String text, int offset) {
		int start = lineStart(text, offset);
		int end = start;
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return text.substring(start, end);
	}

	/** True when only spaces and tabs stand between the line start and the offset. */
	static boolean startsLine(String text, int offset) {
		return text.substring(lineStart(text, offset), offset).isBlank();
	}

	/** True when only spaces and tabs stand between the offset and the line end. */
	static boolean endsLine(String text, int offset) {
		int end = offset;
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return end == text.length() || text.charAt(end) == '\n' || text.charAt(end) == '\r';
	}

	static String lineDelimiter(String text) {
		int index = text.indexOf('\n');
		return index > 0 && text.charAt(index - 1) == '\r' ? "\r\n" : "\n";
	}
}

package org.wskstudio.wskl.transform;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.wskstudio.wsk.model.Traceable;

/** Copies where a DSL element stands (file name, line, column) onto the code model element. */
final class SourceTrace {

	private SourceTrace() {
	}

	static <T extends Traceable> T trace(T target, EObject source, String origin) {
		target.setOrigin(origin);
		Resource resource = source.eResource();
		if (resource != null && resource.getURI() != null) {
			target.setSourceFile(resource.getURI().lastSegment());
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(source);
		if (node != null) {
			target.setSourceLine(node.getStartLine());
			target.setSourceColumn(columnOf(node));
		}
		return target;
	}

	/** Gives the target the source position of an element traced before, with its own origin. */
	static <T extends Traceable> T copy(Traceable traced, T target, String origin) {
		target.setOrigin(origin);
		target.setSourceFile(traced.getSourceFile());
		target.setSourceLine(traced.getSourceLine());
		target.setSourceColumn(traced.getSourceColumn());
		return target;
	}

	/** 1-based column of the node's first character. */
	static int columnOf(ICompositeNode node) {
		String text = node.getRootNode().getText();
		int offset = node.getOffset();
		int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		return offset - lineStart + 1;
	}
}

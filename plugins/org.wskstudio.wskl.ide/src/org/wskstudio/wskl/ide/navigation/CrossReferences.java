package org.wskstudio.wskl.ide.navigation;

import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

/**
 * The cross reference at an offset of a parsed text: the name written there and the element it
 * resolves to (in the same resource, or for a scenario in a model next to it). Go to definition
 * and the hover of names both start from it.
 */
public final class CrossReferences {

	/** A resolved reference: where it is written, and what it names. */
	public record Resolved(ITextRegion source, EObject target) {

		/** The region of the target's declared name in its own text (the whole element without a name). */
		public ITextRegion targetName() {
			EStructuralFeature name = target.eClass().getEStructuralFeature("name");
			List<INode> nodes = name == null ? List.of() : NodeModelUtils.findNodesForFeature(target, name);
			INode node = nodes.isEmpty() ? NodeModelUtils.findActualNodeFor(target) : nodes.get(0);
			return node == null ? null : node.getTextRegion();
		}
	}

	/** Where a reference is written: the name's leaf, the element that holds it and its reference feature. */
	public record Site(ILeafNode leaf, EObject element, EReference reference) {
	}

	/** Xtext's ID terminal (org.eclipse.xtext.common.Terminals). */
	private static final Pattern ID = Pattern.compile("\\^?[a-zA-Z_][a-zA-Z_0-9]*");

	private CrossReferences() {
	}

	/**
	 * Whether a name from a scope can be written as a reference: the scopes also hold qualified
	 * names (Driver.Check), which an ID cannot spell.
	 */
	public static boolean isWritable(String name) {
		return ID.matcher(name).matches();
	}

	/** The reference written at the offset, resolved or not; null when there is none. */
	public static Site siteAt(XtextResource resource, int offset) {
		if (resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		CrossReference crossReference = leaf == null || leaf.isHidden() ? null : crossReferenceOf(leaf);
		EObject element = crossReference == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		EReference reference = element == null ? null : GrammarUtil.getReference(crossReference, element.eClass());
		return reference == null || reference.isMany() ? null : new Site(leaf, element, reference);
	}

	/** The reference written at the offset, resolved; null when there is none or it does not resolve. */
	public static Resolved at(XtextResource resource, int offset) {
		Site site = siteAt(resource, offset);
		Object value = site == null ? null : site.element().eGet(site.reference(), true);
		if (!(value instanceof EObject target) || target.eIsProxy()) {
			return null;
		}
		return new Resolved(site.leaf().getTextRegion(), target);
	}

	private static CrossReference crossReferenceOf(INode node) {
		for (EObject element = node.getGrammarElement(); element != null; element = element.eContainer()) {
			if (element instanceof CrossReference crossReference) {
				return crossReference;
			}
		}
		return null;
	}
}

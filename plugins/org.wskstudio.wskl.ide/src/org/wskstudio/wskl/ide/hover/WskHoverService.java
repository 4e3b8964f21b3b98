package org.wskstudio.wskl.ide.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.SimpleAttributeResolver;

import com.google.inject.Inject;

/**
 * The language server's hover, as the Eclipse editor's: on a keyword its WSK meaning
 * ({@link KeywordTexts}); on a name that refers to a declaration (a scenario's listener, driver,
 * check or request, a rule's check) the declaration and where it is, with the WSK meaning of
 * its kind.
 */
public class WskHoverService implements IHoverService {

	@Inject
	private EObjectAtOffsetHelper elementAtOffset;

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		IParseResult parsed = resource.getParseResult();
		if (parsed == null || parsed.getRootNode() == null) {
			return EMPTY_HOVER;
		}
		int offset = document.getOffSet(params.getPosition());
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(parsed.getRootNode(), offset);
		if (leaf == null || leaf.isHidden()) {
			return EMPTY_HOVER;
		}
		boolean scenario = "wsks".equals(resource.getURI().fileExtension());
		String text;
		if (leaf.getGrammarElement() instanceof Keyword) {
			text = KeywordTexts.get(scenario, KeywordTexts.key(leaf.getText(), nextVisible(parsed.getRootNode(), leaf)));
		} else {
			text = describe(elementAtOffset.resolveCrossReferencedElementAt(resource, offset));
		}
		if (text == null) {
			return EMPTY_HOVER;
		}
		Range range = new Range(document.getPosition(leaf.getOffset()), document.getPosition(leaf.getEndOffset()));
		return new Hover(new MarkupContent(MarkupKind.PLAINTEXT, text), range);
	}

	/** What a declaration says and where it is: {@code Listener Public (conditional_accept.wskl:10): listener Public on ...}. */
	public static String describe(EObject target) {
		if (target == null || target.eIsProxy() || target.eResource() == null) {
			return null;
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(target);
		if (node == null) {
			return null;
		}
		String kind = target.eClass().getName();
		String name = SimpleAttributeResolver.NAME_RESOLVER.apply(target);
		String declaration = NodeModelUtils.getTokenText(node);
		int brace = declaration.indexOf('{');
		if (brace > 0) {
			declaration = declaration.substring(0, brace).trim();
		}
		StringBuilder text = new StringBuilder(kind).append(name == null ? "" : " " + name)
				.append(" (").append(target.eResource().getURI().lastSegment()).append(':').append(node.getStartLine())
				.append("): ").append(declaration);
		String meaning = KeywordTexts.get(false, firstKeyword(node));
		if (meaning != null) {
			text.append("\n\n").append(meaning);
		}
		return text.toString();
	}

	private static String firstKeyword(ICompositeNode node) {
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden()) {
				return leaf.getGrammarElement() instanceof Keyword ? leaf.getText() : null;
			}
		}
		return null;
	}

	private static String nextVisible(ICompositeNode root, ILeafNode leaf) {
		boolean after = false;
		for (ILeafNode each : root.getLeafNodes()) {
			if (after && !each.isHidden()) {
				return each.getText();
			}
			after |= each == leaf;
		}
		return null;
	}
}

package org.wskstudio.wskl.ui.navigation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.ui.texteditor.ITextEditor;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.wskl.DeferredCheck;
import org.wskstudio.wskl.wskl.PendRule;
import org.wskstudio.wskl.wskl.WsklPackage;

/**
 * Go to definition (Ctrl+click, F3) from the name in {@code with check Name} to the
 * {@code deferred check Name} it refers to.
 */
public class WsklHyperlinkDetector extends AbstractHyperlinkDetector {

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer textViewer, IRegion region, boolean canShowMultipleHyperlinks) {
		ITextEditor editor = getAdapter(ITextEditor.class);
		if (editor == null || !WsklFiles.isWskl(editor) || textViewer.getDocument() == null) {
			return null;
		}
		ITextRegion[] link = definitionOf(textViewer.getDocument().get(), region.getOffset());
		if (link == null) {
			return null;
		}
		return new IHyperlink[] { new CheckHyperlink(editor, link[0], link[1]) };
	}

	/**
	 * For an offset inside a check reference: { the reference's region, the declared name's
	 * region }; else null.
	 */
	public static ITextRegion[] definitionOf(String text, int offset) {
		XtextResource resource = WsklParsing.parse(text);
		if (resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || leaf.isHidden() || !isCrossReference(leaf)) {
			return null;
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		PendRule pend = element == null ? null : EcoreUtil2.getContainerOfType(element, PendRule.class);
		DeferredCheck check = pend == null ? null : pend.getCheck();
		if (check == null || check.eIsProxy()) {
			return null;
		}
		INode name = NodeModelUtils.findNodesForFeature(check, WsklPackage.Literals.DEFERRED_CHECK__NAME).stream().findFirst()
				.orElse(null);
		if (name == null) {
			return null;
		}
		return new ITextRegion[] { leaf.getTextRegion(), name.getTextRegion() };
	}

	private static boolean isCrossReference(INode node) {
		for (EObject element = node.getGrammarElement(); element != null; element = element.eContainer()) {
			if (element instanceof CrossReference) {
				return true;
			}
		}
		return false;
	}

	private static final class CheckHyperlink implements IHyperlink {
		private final ITextEditor editor;
		private final ITextRegion source;
		private final ITextRegion target;

		CheckHyperlink(ITextEditor editor, ITextRegion source, ITextRegion target) {
			this.editor = editor;
			this.source = source;
			this.target = target;
		}

		@Override
		public IRegion getHyperlinkRegion() {
			return new Region(source.getOffset(), source.getLength());
		}

		@Override
		public String getTypeLabel() {
			return "Deferred check";
		}

		@Override
		public String getHyperlinkText() {
			return "Open declaration";
		}

		@Override
		public void open() {
			editor.selectAndReveal(target.getOffset(), target.getLength());
		}
	}
}

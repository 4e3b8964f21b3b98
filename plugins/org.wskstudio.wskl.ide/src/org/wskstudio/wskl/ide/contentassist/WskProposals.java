package org.wskstudio.wskl.ide.contentassist;

import java.util.Collection;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.ide.hover.KeywordTexts;
import org.wskstudio.wskl.ide.hover.WskHoverService;

/**
 * Xtext's proposals, each with what the hover would say: a keyword with its WSK meaning, a name
 * with its declaration (the first line as the detail:
 * {@code Listener Public (guarded.wskl:10): listener Public on ipv4 0.0.0.0:40009}).
 */
public class WskProposals extends IdeContentProposalProvider {

	@Override
	public void createProposals(Collection<ContentAssistContext> contexts, IIdeContentProposalAcceptor acceptor) {
		XtextResource resource = contexts.isEmpty() ? null : contexts.iterator().next().getResource();
		boolean scenario = resource != null && "wsks".equals(resource.getURI().fileExtension());
		super.createProposals(contexts, new IIdeContentProposalAcceptor() {
			@Override
			public void accept(ContentAssistEntry entry, int priority) {
				if (entry != null) {
					explain(entry, resource, scenario);
				}
				acceptor.accept(entry, priority);
			}

			@Override
			public boolean canAcceptMoreProposals() {
				return acceptor.canAcceptMoreProposals();
			}
		});
	}

	private static void explain(ContentAssistEntry entry, XtextResource resource, boolean scenario) {
		if (ContentAssistEntry.KIND_KEYWORD.equals(entry.getKind()) && entry.getDocumentation() == null) {
			entry.setDocumentation(KeywordTexts.get(scenario, KeywordTexts.key(entry.getProposal(), null)));
		} else if (entry.getSource() instanceof IEObjectDescription description && resource != null) {
			EObject target = EcoreUtil.resolve(description.getEObjectOrProxy(), resource);
			String declaration = WskHoverService.describe(target);
			if (declaration != null) {
				int lineEnd = declaration.indexOf('\n');
				entry.setDescription(lineEnd < 0 ? declaration : declaration.substring(0, lineEnd));
				entry.setDocumentation(lineEnd < 0 ? null : declaration.substring(lineEnd).trim());
			}
		}
	}
}

package org.wskstudio.wskl.ui.contentassist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklUiPlugin;
import org.wskstudio.wskl.ui.hover.ReferenceTexts;
import org.wskstudio.wskl.ide.navigation.CrossReferences;
import org.wskstudio.wskl.ui.hover.WsklHoverTexts;

/**
 * Content assist of the WSKL and WSKS editors (generic editor {@code contentAssistProcessors}).
 * Each Xtext entry replaces the prefix typed so far; keyword proposals carry the keyword's WSK
 * meaning as additional information, name proposals what their declaration says. Cross-reference
 * proposals are limited to names an ID can spell.
 */
public class WsklContentAssistProcessor implements IContentAssistProcessor {

	private String errorMessage;

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		errorMessage = null;
		List<ContentAssistEntry> entries;
		WskSource source = WskSource.of(viewer.getDocument());
		try {
			entries = WsklProposals.compute(source, offset);
		} catch (RuntimeException e) {
			WsklUiPlugin.log("WSKL content assist failed", e);
			errorMessage = "WSKL content assist failed: " + e;
			return new ICompletionProposal[0];
		}
		List<ICompletionProposal> proposals = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (ContentAssistEntry entry : entries) {
			String proposal = entry.getProposal();
			if (proposal == null || !seen.add(proposal)) {
				continue;
			}
			if (ContentAssistEntry.KIND_REFERENCE.equals(entry.getKind()) && !CrossReferences.isWritable(proposal)) {
				// the scope also holds qualified names (Driver.Check), which the ID of 'with check' cannot spell
				continue;
			}
			String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
			int start = Math.max(0, offset - prefix.length());
			String label = entry.getLabel() != null ? entry.getLabel() : proposal;
			String info = info(entry, source);
			proposals.add(new CompletionProposal(proposal, start, offset - start, proposal.length(), null, label, null, info));
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** A keyword's WSK meaning; for a name what its declaration says (as the hover shows it). */
	private static String info(ContentAssistEntry entry, WskSource source) {
		if (ContentAssistEntry.KIND_KEYWORD.equals(entry.getKind())) {
			return WsklHoverTexts.forKeyword(source.language(), entry.getProposal());
		}
		if (entry.getSource() instanceof IEObjectDescription description) {
			String declaration = ReferenceTexts.describe(description.getEObjectOrProxy());
			if (declaration != null) {
				return declaration;
			}
		}
		return entry.getDocumentation() != null ? entry.getDocumentation() : entry.getDescription();
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return errorMessage;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}

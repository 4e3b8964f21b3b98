package org.wskstudio.wskl.ui.contentassist;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.ui.WsklUiPlugin;

import com.google.inject.Injector;

/**
 * Computes Xtext's proposals at an offset of a WSKL text, with the language's ide services:
 * {@link ContentAssistContextFactory} (the generated content assist parser) finds what the
 * grammar expects there, {@link IdeContentProposalProvider} turns it into entries: keywords,
 * enum literals (families, options, accept modes, decisions, units, events) and the deferred
 * checks a {@code with check} may name (cross references, through the scope provider).
 */
public final class WsklProposals {

	private WsklProposals() {
	}

	public static List<ContentAssistEntry> compute(String text, int offset) {
		if (offset < 0 || offset > text.length()) {
			return List.of();
		}
		Injector injector = WsklUiPlugin.injector();
		XtextResource resource = WsklParsing.parse(injector, text);
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(WsklUiPlugin.getDefault().getExecutor());
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(List.of(contexts), acceptor);
		List<ContentAssistEntry> entries = new ArrayList<>();
		acceptor.getEntries().forEach(entries::add);
		return entries;
	}
}

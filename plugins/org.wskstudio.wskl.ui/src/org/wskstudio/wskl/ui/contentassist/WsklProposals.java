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
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.ui.WsklUiPlugin;

import com.google.inject.Injector;

/**
 * Computes Xtext's proposals at an offset of a WSKL or WSKS text, with the language's ide
 * services: {@link ContentAssistContextFactory} (the generated content assist parser) finds what
 * the grammar expects there, {@link IdeContentProposalProvider} turns it into entries: keywords,
 * enum literals (families, options, accept modes, decisions, units, events, outcomes) and the
 * names a cross reference may take, through the scope provider: the deferred checks of
 * {@code with check}; in a scenario the drivers of the models next to it, their listeners and
 * checks, and the scenario's named requests.
 */
public final class WsklProposals {

	private WsklProposals() {
	}

	/** Proposals in a WSKL text of no file. */
	public static List<ContentAssistEntry> compute(String text, int offset) {
		return compute(WskSource.wskl(text), offset);
	}

	/**
	 * The entries at the offset. When the caret ends a partly typed word, only the entries that
	 * complete it: Xtext also proposes what could follow the word as written (a '}' after
	 * {@code -> Pub}), which would be glued to it.
	 */
	public static List<ContentAssistEntry> compute(WskSource source, int offset) {
		String text = source.text();
		if (offset < 0 || offset > text.length()) {
			return List.of();
		}
		Injector injector = source.language().injector();
		XtextResource resource = WsklParsing.parse(source);
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(WsklUiPlugin.getDefault().getExecutor());
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(List.of(contexts), acceptor);
		List<ContentAssistEntry> entries = new ArrayList<>();
		acceptor.getEntries().forEach(entries::add);
		// after a partly typed word only its completions: not what could follow the word as it is
		int typed = entries.stream().mapToInt(WsklProposals::prefixLength).max().orElse(0);
		entries.removeIf(entry -> prefixLength(entry) < typed);
		return entries;
	}

	private static int prefixLength(ContentAssistEntry entry) {
		return entry.getPrefix() == null ? 0 : entry.getPrefix().length();
	}
}

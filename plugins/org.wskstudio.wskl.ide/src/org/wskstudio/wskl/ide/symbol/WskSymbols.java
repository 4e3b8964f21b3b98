package org.wskstudio.wskl.ide.symbol;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.wskstudio.wskl.wskl.DeferredCheck;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wsks.Connect;
import org.wskstudio.wskl.wsks.Scenario;

/**
 * The language server's document symbols (the outline of an LSP editor): each declaration by
 * its own name, a kind an editor shows with a fitting icon, and the rest of its first line as
 * the detail ({@code on ipv4 0.0.0.0:40009}, {@code for GuardedServer seed 7}).
 */
public final class WskSymbols {

	private WskSymbols() {
	}

	/** The declaration's name, not the qualified one ({@code Public}, not {@code GuardedServer.Public}). */
	public static class Names extends DocumentSymbolMapper.DocumentSymbolNameProvider {
		@Override
		public String getName(EObject element) {
			String name = SimpleAttributeResolver.NAME_RESOLVER.apply(element);
			return name != null ? name : super.getName(element);
		}
	}

	public static class Kinds extends DocumentSymbolMapper.DocumentSymbolKindProvider {
		@Override
		public SymbolKind getSymbolKind(EObject element) {
			if (element instanceof Driver || element instanceof Scenario) {
				return SymbolKind.Module;
			}
			if (element instanceof Listener) {
				return SymbolKind.Interface;
			}
			if (element instanceof DeferredCheck) {
				return SymbolKind.Function;
			}
			if (element instanceof Connect) {
				return SymbolKind.Event;
			}
			return super.getSymbolKind(element);
		}
	}

	/** The declaration's text after its name, up to its block: what the Eclipse outline shows beside the name. */
	public static class Details extends DocumentSymbolMapper.DocumentSymbolDetailsProvider {
		@Override
		public String getDetails(EObject element) {
			String name = SimpleAttributeResolver.NAME_RESOLVER.apply(element);
			ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
			if (name == null || node == null) {
				return super.getDetails(element);
			}
			String text = NodeModelUtils.getTokenText(node);
			int brace = text.indexOf('{');
			if (brace >= 0) {
				text = text.substring(0, brace);
			}
			int at = text.indexOf(" " + name);
			return (at >= 0 ? text.substring(at + name.length() + 1) : text).trim();
		}
	}
}

package org.wskstudio.wskl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.wskstudio.wskl.ide.contentassist.WskProposals;
import org.wskstudio.wskl.ide.hover.WskHoverService;
import org.wskstudio.wskl.ide.quickfix.WskCodeActions;
import org.wskstudio.wskl.ide.symbol.WskSymbols;

/** WSKL's UI-independent ide services: the generated defaults, proposals that explain themselves, the language server's hover and document symbols, and the quick fixes as code actions. */
public class WsklIdeModule extends AbstractWsklIdeModule {

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return WskProposals.class;
	}

	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return WskCodeActions.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return WskHoverService.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
		return WskSymbols.Names.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolKindProvider> bindDocumentSymbolKindProvider() {
		return WskSymbols.Kinds.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolDetailsProvider> bindDocumentSymbolDetailsProvider() {
		return WskSymbols.Details.class;
	}
}

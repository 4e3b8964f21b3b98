package org.wskstudio.wskl.ui.hover;

import java.util.List;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.wskstudio.wskl.ui.WskLanguage;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklLexing;
import org.wskstudio.wskl.ui.WsklLexing.Kind;
import org.wskstudio.wskl.ui.WsklLexing.WsklToken;

/**
 * Hover of the WSKL and WSKS editors: the WSK meaning of the keyword under the mouse; for the
 * name in {@code with check Name} or {@code deferred check Name} the declaration's description;
 * in a scenario, for the names of drivers, listeners, checks and requests what their declaration
 * says and where it is. Problem hovers come first (the generic editor's own marker and
 * annotation hovers, registered with isBefore="*").
 */
public class WsklTextHover implements ITextHover {

	@Override
	public IRegion getHoverRegion(ITextViewer textViewer, int offset) {
		if (textViewer.getDocument() == null) {
			return null;
		}
		WskSource source = WskSource.of(textViewer.getDocument());
		WsklToken token = WsklLexing.tokenAt(WsklLexing.tokens(source.language(), source.text()), offset);
		return token == null || token.isHidden() ? null : new Region(token.offset(), token.length());
	}

	@Override
	public String getHoverInfo(ITextViewer textViewer, IRegion hoverRegion) {
		if (hoverRegion == null || textViewer.getDocument() == null) {
			return null;
		}
		return hoverText(WskSource.of(textViewer.getDocument()), hoverRegion.getOffset());
	}

	/** The hover text for the token at an offset of a WSKL text of no file, or null. */
	public static String hoverText(String text, int offset) {
		return hoverText(WskSource.wskl(text), offset);
	}

	/** The hover text for the token at an offset of the source, or null. */
	public static String hoverText(WskSource source, int offset) {
		WskLanguage language = source.language();
		List<WsklToken> tokens = WsklLexing.tokens(language, source.text());
		WsklToken token = WsklLexing.tokenAt(tokens, offset);
		if (token == null) {
			return null;
		}
		int index = tokens.indexOf(token);
		if (token.kind() == Kind.KEYWORD || token.kind() == Kind.PUNCTUATION) {
			if (token.text().equals("accept")) {
				WsklToken next = WsklLexing.nextVisible(tokens, index);
				return WsklHoverTexts.get(language, next != null && next.isKeyword("by") ? WsklHoverTexts.ACCEPT_MODE
						: WsklHoverTexts.ACCEPT_DECISION);
			}
			return WsklHoverTexts.get(language, token.text());
		}
		if (token.kind() == Kind.ID) {
			return language == WskLanguage.WSKS ? ReferenceTexts.at(source, offset) : checkDescription(tokens, index);
		}
		return null;
	}

	/** For a check name of a model (declaration or reference): what the declaration says about it. */
	private static String checkDescription(List<WsklToken> tokens, int index) {
		WsklToken previous = WsklLexing.previousVisible(tokens, index);
		if (previous == null || !previous.isKeyword("check")) {
			return null;
		}
		String name = tokens.get(index).text();
		for (int i = 0; i < tokens.size(); i++) {
			WsklToken keyword = tokens.get(i);
			if (!keyword.isKeyword("deferred")) {
				continue;
			}
			WsklToken check = WsklLexing.nextVisible(tokens, i);
			WsklToken declared = check == null ? null : WsklLexing.nextVisible(tokens, tokens.indexOf(check));
			if (declared != null && declared.kind() == Kind.ID && declared.text().equals(name)) {
				WsklToken description = WsklLexing.nextVisible(tokens, tokens.indexOf(declared));
				String text = "Deferred check " + name + ": completes pended inspections with WskInspectComplete.";
				if (description != null && description.kind() == Kind.STRING && description.length() >= 2) {
					text += "\n" + description.text().substring(1, description.length() - 1);
				}
				return text;
			}
		}
		return "Deferred check " + name + " is not declared in this driver.";
	}
}

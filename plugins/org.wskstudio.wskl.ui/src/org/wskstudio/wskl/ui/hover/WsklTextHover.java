package org.wskstudio.wskl.ui.hover;

import java.util.List;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.wskstudio.wskl.ui.WsklLexing;
import org.wskstudio.wskl.ui.WsklLexing.Kind;
import org.wskstudio.wskl.ui.WsklLexing.WsklToken;

/**
 * Hover of the WSKL editor: the WSK meaning of the keyword under the mouse, and for the name
 * in {@code with check Name} the declaration's description. Problem hovers come first (the
 * generic editor's own marker and annotation hovers, registered with isBefore="*").
 */
public class WsklTextHover implements ITextHover {

	@Override
	public IRegion getHoverRegion(ITextViewer textViewer, int offset) {
		WsklToken token = tokenAt(textViewer, offset);
		return token == null ? null : new Region(token.offset(), token.length());
	}

	@Override
	public String getHoverInfo(ITextViewer textViewer, IRegion hoverRegion) {
		if (hoverRegion == null || textViewer.getDocument() == null) {
			return null;
		}
		return hoverText(textViewer.getDocument().get(), hoverRegion.getOffset());
	}

	/** The hover text for the token at an offset of the text, or null. */
	public static String hoverText(String text, int offset) {
		List<WsklToken> tokens = WsklLexing.tokens(text);
		WsklToken token = WsklLexing.tokenAt(tokens, offset);
		if (token == null) {
			return null;
		}
		int index = tokens.indexOf(token);
		if (token.kind() == Kind.KEYWORD) {
			if (token.text().equals("accept")) {
				WsklToken next = WsklLexing.nextVisible(tokens, index);
				return WsklHoverTexts.get(next != null && next.isKeyword("by") ? WsklHoverTexts.ACCEPT_MODE
						: WsklHoverTexts.ACCEPT_DECISION);
			}
			return WsklHoverTexts.get(token.text());
		}
		if (token.kind() == Kind.ID) {
			return checkDescription(tokens, index);
		}
		return null;
	}

	/** For a check name (declaration or reference): what the declaration says about it. */
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

	private static WsklToken tokenAt(ITextViewer viewer, int offset) {
		if (viewer.getDocument() == null) {
			return null;
		}
		WsklToken token = WsklLexing.tokenAt(WsklLexing.tokens(viewer.getDocument().get()), offset);
		return token == null || token.isHidden() ? null : token;
	}
}

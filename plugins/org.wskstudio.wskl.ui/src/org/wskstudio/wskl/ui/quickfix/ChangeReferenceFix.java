package org.wskstudio.wskl.ui.quickfix;

import java.util.List;

import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.ui.navigation.CrossReferences;

/**
 * An unresolved reference (Xtext's linking diagnostic): writes one of the names the scope offers
 * there instead ({@link ReferenceCandidates}).
 */
final class ChangeReferenceFix implements WsklQuickFix {

	private final String name;

	ChangeReferenceFix(String name) {
		this.name = name;
	}

	@Override
	public String label() {
		return "Change to '" + name + "'";
	}

	@Override
	public String description() {
		return "Refer to " + name + ", which is declared where this reference can see it.";
	}

	@Override
	public TextEdit edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		CrossReferences.Site site = CrossReferences.siteAt(parsed, offset);
		if (site == null || site.leaf().getText().equals(name)) {
			return null;
		}
		return new ReplaceEdit(site.leaf().getOffset(), site.leaf().getLength(), name);
	}
}

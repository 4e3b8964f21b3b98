package org.wskstudio.wskl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;
import org.wskstudio.wskl.ide.navigation.CrossReferences;

/**
 * An unresolved reference (Xtext's linking diagnostic): writes one of the names the scope offers
 * there instead ({@link ReferenceCandidates}).
 */
final class ChangeReferenceFix implements WskQuickFix {

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
	public ReplaceRegion edit(String text, XtextResource parsed, int offset, int length, List<String> data) {
		CrossReferences.Site site = CrossReferences.siteAt(parsed, offset);
		if (site == null || site.leaf().getText().equals(name)) {
			return null;
		}
		return new ReplaceRegion(site.leaf().getOffset(), site.leaf().getLength(), name);
	}
}

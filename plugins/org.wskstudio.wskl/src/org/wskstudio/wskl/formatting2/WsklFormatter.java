package org.wskstudio.wskl.formatting2;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.wskstudio.wskl.wskl.ConnectionClause;
import org.wskstudio.wskl.wskl.DeferredCheck;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.InspectRule;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.PortRange;
import org.wskstudio.wskl.wskl.AddressPattern;

/**
 * Layout of a WSKL file: one space between tokens, the driver header alone on its line, a
 * blank line before each listener, one statement a line inside braces (indented), no space
 * around ':' (address:port), '/' (prefix length) and '-' (port range), none before ','.
 */
public class WsklFormatter extends AbstractJavaFormatter {

	protected void format(Driver driver, IFormattableDocument doc) {
		for (ISemanticRegion region : textRegionExtensions.regionForEObject(driver).getAllSemanticRegions()) {
			doc.append(region, it -> {
				it.oneSpace();
				it.lowPriority();
			});
		}
		boolean first = true;
		for (DeferredCheck check : driver.getChecks()) {
			int lines = first ? 2 : 1;
			doc.prepend(regionFor(check).keyword("deferred"), it -> it.setNewLines(lines));
			first = false;
		}
		for (Listener listener : driver.getListeners()) {
			doc.prepend(regionFor(listener).keyword("listener"), it -> it.setNewLines(2));
			doc.format(listener);
		}
		ISemanticRegion last = lastRegion(driver);
		if (last != null) {
			doc.append(last, it -> it.setNewLines(1));
		}
	}

	private ISemanticRegion lastRegion(EObject object) {
		ISemanticRegion last = null;
		for (ISemanticRegion region : textRegionExtensions.regionForEObject(object).getAllSemanticRegions()) {
			last = region;
		}
		return last;
	}

	protected void format(Listener listener, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(listener);
		doc.surround(regions.keyword(":"), IHiddenRegionFormatter::noSpace);
		block(regions.keyword("{"), regions.keyword("}"), doc);
		lineStart(regions.keyword("options"), doc);
		regions.keywords(",").forEach(comma -> doc.prepend(comma, IHiddenRegionFormatter::noSpace));
		lineStart(regionFor(listener.getAccept()).keyword("accept"), doc);
		if (listener.getInspect() != null) {
			doc.format(listener.getInspect());
		}
		if (listener.getConnection() != null) {
			doc.format(listener.getConnection());
		}
	}

	protected void format(InspectBlock inspect, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(inspect);
		lineStart(regions.keyword("inspect"), doc);
		block(regions.keyword("{"), regions.keyword("}"), doc);
		for (InspectRule rule : inspect.getRules()) {
			doc.set(textRegionExtensions.regionForEObject(rule).getPreviousHiddenRegion(), it -> it.newLine());
			doc.format(rule.getMatch());
		}
		if (inspect.getDefaultRule() != null) {
			lineStart(regionFor(inspect.getDefaultRule()).keyword("default"), doc);
		}
	}

	protected void format(AddressPattern pattern, IFormattableDocument doc) {
		doc.surround(regionFor(pattern).keyword("/"), IHiddenRegionFormatter::noSpace);
		if (pattern.getPorts() != null) {
			doc.format(pattern.getPorts());
		}
	}

	protected void format(org.wskstudio.wskl.wskl.Match match, IFormattableDocument doc) {
		if (match.getRemote() != null) {
			doc.format(match.getRemote());
		}
		if (match.getLocal() != null) {
			doc.format(match.getLocal());
		}
	}

	protected void format(PortRange ports, IFormattableDocument doc) {
		doc.surround(regionFor(ports).keyword("-"), IHiddenRegionFormatter::noSpace);
	}

	protected void format(ConnectionClause clause, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(clause);
		lineStart(regions.keyword("connection"), doc);
		regions.keywords(",").forEach(comma -> doc.prepend(comma, IHiddenRegionFormatter::noSpace));
	}

	private void lineStart(ISemanticRegion region, IFormattableDocument doc) {
		if (region != null) {
			doc.prepend(region, it -> it.newLine());
		}
	}

	private void block(ISemanticRegion open, ISemanticRegion close, IFormattableDocument doc) {
		if (open == null || close == null) {
			return;
		}
		doc.prepend(open, IHiddenRegionFormatter::oneSpace);
		doc.interior(open, close, IHiddenRegionFormatter::indent);
		doc.prepend(close, it -> it.newLine());
	}
}

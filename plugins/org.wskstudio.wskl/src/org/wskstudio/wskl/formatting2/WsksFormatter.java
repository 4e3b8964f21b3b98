package org.wskstudio.wskl.formatting2;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.wskstudio.wskl.wsks.Endpoint;
import org.wskstudio.wskl.wsks.Scenario;
import org.wskstudio.wskl.wsks.ScenarioFile;
import org.wskstudio.wskl.wsks.Step;

/**
 * Layout of a WSKS file: one space between tokens, each scenario header on its own line (one or
 * two blank lines before it are kept, none are added), one step a line inside the braces
 * (indented), no space around the ':' of {@code address:port}.
 */
public class WsksFormatter extends AbstractJavaFormatter {

	protected void format(ScenarioFile file, IFormattableDocument doc) {
		boolean first = true;
		for (Scenario scenario : file.getScenarios()) {
			if (!first) {
				doc.prepend(regionFor(scenario).keyword("scenario"), it -> it.setNewLines(1, 1, 3));
			}
			doc.format(scenario);
			first = false;
		}
		ISemanticRegion last = null;
		for (ISemanticRegion region : textRegionExtensions.regionForEObject(file).getAllSemanticRegions()) {
			last = region;
		}
		if (last != null) {
			doc.append(last, it -> it.setNewLines(1));
		}
	}

	protected void format(Scenario scenario, IFormattableDocument doc) {
		for (ISemanticRegion region : textRegionExtensions.regionForEObject(scenario).getAllSemanticRegions()) {
			doc.append(region, it -> {
				it.oneSpace();
				it.lowPriority();
			});
		}
		ISemanticRegionsFinder regions = regionFor(scenario);
		ISemanticRegion open = regions.keyword("{");
		ISemanticRegion close = regions.keyword("}");
		if (open != null && close != null) {
			doc.prepend(open, IHiddenRegionFormatter::oneSpace);
			doc.interior(open, close, IHiddenRegionFormatter::indent);
			doc.prepend(close, it -> it.newLine());
		}
		for (Step step : scenario.getSteps()) {
			doc.set(textRegionExtensions.regionForEObject(step).getPreviousHiddenRegion(), it -> it.newLine());
		}
		for (Endpoint endpoint : EcoreUtil2.eAllOfType(scenario, Endpoint.class)) {
			doc.surround(regionFor(endpoint).keyword(":"), IHiddenRegionFormatter::noSpace);
		}
	}
}

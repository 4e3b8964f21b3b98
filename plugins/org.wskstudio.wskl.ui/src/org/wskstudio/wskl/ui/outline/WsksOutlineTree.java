package org.wskstudio.wskl.ui.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.ui.NodeTexts;
import org.wskstudio.wskl.ui.outline.WsklOutlineNode.Kind;
import org.wskstudio.wskl.wsks.Scenario;
import org.wskstudio.wskl.wsks.ScenarioFile;
import org.wskstudio.wskl.wsks.Step;
import org.wskstudio.wskl.wsks.WsksPackage.Literals;

/** Builds the outline of a scenario file: its scenarios (driver, seed) and their steps as written. */
final class WsksOutlineTree {

	private WsksOutlineTree() {
	}

	static List<WsklOutlineNode> build(XtextResource resource) {
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof ScenarioFile file)) {
			return List.of();
		}
		List<WsklOutlineNode> result = new ArrayList<>();
		for (Scenario scenario : file.getScenarios()) {
			List<WsklOutlineNode> steps = new ArrayList<>();
			for (Step step : scenario.getSteps()) {
				steps.add(WsklOutlineTree.node(NodeTexts.oneLine(step), Kind.STEP, step, null, List.of()));
			}
			result.add(WsklOutlineTree.node(label(scenario), Kind.SCENARIO, scenario, Literals.SCENARIO__NAME, steps));
		}
		return result;
	}

	/** {@code scenario SeedFlows for GuardedServer (seed 7)}, the driver as written even when it does not resolve. */
	private static String label(Scenario scenario) {
		String driver = NodeTexts.written(scenario, Literals.SCENARIO__DRIVER);
		return "scenario " + scenario.getName() + " for " + (driver == null ? "?" : driver)
				+ (scenario.eIsSet(Literals.SCENARIO__SEED) ? " (seed " + scenario.getSeed() + ")" : "");
	}
}

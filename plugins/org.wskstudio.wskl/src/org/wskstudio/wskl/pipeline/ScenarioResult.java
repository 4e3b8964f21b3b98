package org.wskstudio.wskl.pipeline;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.wsks.Scenario;

/**
 * What the pipeline made of one scenario file: its resource, its scenarios in file order, the
 * issues to report ({@link FollowOnErrors}), and the driver names, as written, of the scenarios
 * that are not for the driver being simulated (empty when no driver was named).
 */
public record ScenarioResult(URI uri, XtextResource resource, List<Scenario> scenarios, List<Issue> issues,
		List<String> otherDrivers) {

	public ScenarioResult {
		scenarios = List.copyOf(scenarios);
		issues = List.copyOf(issues);
		otherDrivers = List.copyOf(otherDrivers);
	}

	public boolean hasErrors() {
		return FollowOnErrors.hasErrors(issues);
	}

	/** Whether the file has scenarios and every one is for another driver (another model's file in the folder). */
	public boolean allForOtherDrivers() {
		return !scenarios.isEmpty() && otherDrivers.size() == scenarios.size();
	}
}

package org.wskstudio.wskl.pipeline;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wsk.model.WskDriver;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.wskl.Driver;

/**
 * What the pipeline made of one model text: its resource, the parsed driver (null when the text
 * holds none), the issues to report ({@link FollowOnErrors}) and the code model, which exists
 * exactly when there is a driver and no error.
 */
public record ModelResult(XtextResource resource, Driver driver, List<Issue> issues, WskDriver codeModel) {

	public ModelResult {
		issues = List.copyOf(issues);
	}

	public boolean hasErrors() {
		return codeModel == null;
	}
}

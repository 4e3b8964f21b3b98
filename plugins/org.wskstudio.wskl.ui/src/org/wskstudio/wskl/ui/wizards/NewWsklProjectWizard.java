package org.wskstudio.wskl.ui.wizards;

import java.net.URI;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/** File > New > WSKL Project: a project with the WSKL nature, a sample model and its scenario. */
public class NewWsklProjectWizard extends AbstractWsklProjectWizard {

	public NewWsklProjectWizard() {
		super("New WSKL Project", "wskl-project", "WSKL Project",
				"A project with the WSKL builder, the sample model " + WsklProjects.SAMPLE + ".wskl and its scenario.");
	}

	@Override
	protected IProject create(String name, URI location, IProgressMonitor monitor) throws CoreException {
		return WsklProjects.createSampleProject(name, location, monitor);
	}
}

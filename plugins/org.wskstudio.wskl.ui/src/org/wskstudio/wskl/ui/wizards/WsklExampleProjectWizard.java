package org.wskstudio.wskl.ui.wizards;

import java.net.URI;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/** File > New > Example... > WSKL Examples: a project with every example model and scenario. */
public class WsklExampleProjectWizard extends AbstractWsklProjectWizard {

	public WsklExampleProjectWizard() {
		super("WSKL Examples", "wskl-examples", "WSKL Example Project",
				"A project with the WSKL builder and all example drivers and scenarios of WSK Studio.");
	}

	@Override
	protected IProject create(String name, URI location, IProgressMonitor monitor) throws CoreException {
		return WsklProjects.createExampleProject(name, location, monitor);
	}
}

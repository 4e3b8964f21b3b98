package org.wskstudio.wskl.ui.builder;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/** The WSKL project nature: it adds the WSKL builder to the project's build spec. */
public class WsklNature implements IProjectNature {

	public static final String ID = "org.wskstudio.wskl.ui.nature";

	private IProject project;

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		ICommand[] commands = description.getBuildSpec();
		for (ICommand command : commands) {
			if (WsklBuilder.ID.equals(command.getBuilderName())) {
				return;
			}
		}
		ICommand command = description.newCommand();
		command.setBuilderName(WsklBuilder.ID);
		ICommand[] updated = new ICommand[commands.length + 1];
		System.arraycopy(commands, 0, updated, 0, commands.length);
		updated[commands.length] = command;
		description.setBuildSpec(updated);
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		description.setBuildSpec(java.util.Arrays.stream(description.getBuildSpec())
				.filter(command -> !WsklBuilder.ID.equals(command.getBuilderName())).toArray(ICommand[]::new));
		project.setDescription(description, null);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}

	/** Adds the nature (and so the builder) to the project, if it does not have it. */
	public static void addTo(IProject project, IProgressMonitor monitor) throws CoreException {
		if (project.hasNature(ID)) {
			return;
		}
		IProjectDescription description = project.getDescription();
		String[] natures = description.getNatureIds();
		String[] updated = new String[natures.length + 1];
		System.arraycopy(natures, 0, updated, 0, natures.length);
		updated[natures.length] = ID;
		description.setNatureIds(updated);
		project.setDescription(description, monitor);
	}
}

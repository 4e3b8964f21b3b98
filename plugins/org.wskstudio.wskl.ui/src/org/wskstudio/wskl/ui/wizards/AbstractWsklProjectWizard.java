package org.wskstudio.wskl.ui.wizards;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/** A wizard with the platform's project name and location page, creating the project in a workspace operation. */
abstract class AbstractWsklProjectWizard extends Wizard implements INewWizard {

	private final String initialName;
	private final String pageTitle;
	private final String pageDescription;
	protected WizardNewProjectCreationPage page;
	private IProject created;

	AbstractWsklProjectWizard(String title, String initialName, String pageTitle, String pageDescription) {
		this.initialName = initialName;
		this.pageTitle = pageTitle;
		this.pageDescription = pageDescription;
		setWindowTitle(title);
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		// nothing from the selection
	}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("project");
		page.setTitle(pageTitle);
		page.setDescription(pageDescription);
		page.setInitialProjectName(initialName);
		addPage(page);
	}

	/** Creates the project's content. */
	protected abstract IProject create(String name, URI location, IProgressMonitor monitor) throws CoreException;

	/** The project the last finish created. */
	public IProject getCreatedProject() {
		return created;
	}

	@Override
	public boolean performFinish() {
		String name = page.getProjectName();
		URI location = page.useDefaults() ? null : page.getLocationURI();
		try {
			getContainer().run(true, false, monitor -> {
				try {
					org.eclipse.core.resources.ResourcesPlugin.getWorkspace().run(m -> created = create(name, location, m),
							monitor);
				} catch (CoreException e) {
					throw new InvocationTargetException(e);
				}
			});
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause();
			WsklUiPlugin.log("Could not create the project " + name, cause);
			if (cause instanceof CoreException core) {
				ErrorDialog.openError(getShell(), getWindowTitle(), "Could not create the project " + name, core.getStatus());
			}
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		reveal();
		return true;
	}

	private void reveal() {
		if (!PlatformUI.isWorkbenchRunning() || PlatformUI.getWorkbench().getActiveWorkbenchWindow() == null) {
			return;
		}
		var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		if (page == null) {
			return;
		}
		var view = page.findView("org.eclipse.ui.navigator.ProjectExplorer");
		if (created != null && view instanceof ISetSelectionTarget target) {
			target.selectReveal(new StructuredSelection(created));
		}
	}
}

package org.wskstudio.wskl.ui.simulation;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.wskstudio.wskl.ui.wizards.WsklProjects;

/**
 * Shows a simulation at startup, without wizards or dialogs: when the system property
 * {@value #SIMULATE_PROPERTY} is set (e.g. {@code -Dwskstudio.simulate=conditional_accept}, which
 * {@code run-wskstudio.sh --simulate NAME} passes), a job
 * <ol>
 * <li>finds the file: a bundled example's file in the project {@value #EXAMPLES_PROJECT}, which
 * it first creates with every example as New &gt; Examples &gt; WSKL Examples does when the file
 * is not there yet (an existing file is used as it is). A bare example name
 * ({@code conditional_accept}) means the example's own scenario file ({@code conditional_accept.wsks},
 * run on its model), as the examples project also holds scenarios for the other examples' drivers;
 * {@code conditional_accept.wskl} means the model with every scenario file next to it. Any other
 * value is the workspace path of a .wskl or .wsks file ({@code /project/folder/x.wskl});</li>
 * <li>takes the "WSK Simulation" launch configuration of that file that Run As &gt; WSK Simulation
 * takes ({@link SimulationLaunchShortcut#configurationFor}: a saved one with the same files, else a
 * new saved one);</li>
 * <li>then, in the UI thread, opens the model in its editor, selects it in the Project Explorer and
 * launches the configuration in run mode with {@link DebugUITools#launch}, as the shortcut does:
 * {@link SimulationLaunchDelegate} reports on the "WSK Simulation" console and shows the runs in the
 * Simulation view.</li>
 * </ol>
 * Problems (unknown example, missing file) end the job with an error, which the workbench logs and
 * shows in an error dialog; nothing is launched then. Without the property nothing happens (the
 * bundle is only activated).
 */
public class SimulationStartup implements IStartup {

	/** The system property naming what to simulate at startup. */
	public static final String SIMULATE_PROPERTY = "wskstudio.simulate";
	/** The project the examples are installed into (the examples wizard's default name). */
	public static final String EXAMPLES_PROJECT = "wskl-examples";

	@Override
	public void earlyStartup() {
		String target = System.getProperty(SIMULATE_PROPERTY);
		if (target != null && !target.isBlank()) {
			simulate(target.trim());
		}
	}

	/**
	 * Schedules the job that finds (or installs) the file, prepares the launch configuration and
	 * hands over to the UI thread to open the editor and launch; returns it (scheduled).
	 */
	public static Job simulate(String target) {
		Job job = new WorkspaceJob("Preparing the WSK simulation of " + target) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				IFile file = file(target, monitor);
				ILaunchConfiguration configuration = SimulationLaunchShortcut.configurationFor(file);
				IFile model = Simulations.file(configuration.getAttribute(Simulations.ATTR_MODEL, ""), "model");
				PlatformUI.getWorkbench().getDisplay().asyncExec(() -> openAndLaunch(model, configuration));
				return Status.OK_STATUS;
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRoot());
		job.schedule();
		return job;
	}

	/**
	 * The file a {@value #SIMULATE_PROPERTY} value names: a bundled example (installed into
	 * {@value #EXAMPLES_PROJECT} when missing) or a workspace path.
	 */
	public static IFile file(String target, IProgressMonitor monitor) throws CoreException {
		List<String> examples = WsklProjects.examples();
		String name = target;
		if (!name.endsWith(".wskl") && !name.endsWith(".wsks")) {
			name = examples.contains(target + ".wsks") ? target + ".wsks" : target + ".wskl";
		}
		if (!target.contains("/") && examples.contains(name)) {
			IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(EXAMPLES_PROJECT);
			IFile file = project.getFile(name);
			if (!file.exists()) {
				WsklProjects.createExampleProject(EXAMPLES_PROJECT, null, monitor);
			}
			return file;
		}
		IResource member = ResourcesPlugin.getWorkspace().getRoot().findMember(target);
		if (member instanceof IFile file && ("wskl".equals(file.getFileExtension())
				|| "wsks".equals(file.getFileExtension()))) {
			return file;
		}
		throw new CoreException(Simulations.error("-D" + SIMULATE_PROPERTY + "=" + target
				+ ": neither a bundled example (" + String.join(", ", examples)
				+ ") nor the workspace path of a .wskl or .wsks file", null));
	}

	private static void openAndLaunch(IFile model, ILaunchConfiguration configuration) {
		IWorkbench workbench = PlatformUI.getWorkbench();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			window = workbench.getWorkbenchWindows()[0];
		}
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page == null) {
			ILog.of(SimulationStartup.class).error("No workbench page to show the simulation of " + model.getFullPath());
			return;
		}
		try {
			IDE.openEditor(page, model, true);
		} catch (PartInitException e) {
			ILog.of(SimulationStartup.class).error("Cannot open " + model.getFullPath(), e);
		}
		if (page.findView(IPageLayout.ID_PROJECT_EXPLORER) instanceof ISetSelectionTarget explorer) {
			explorer.selectReveal(new StructuredSelection(model));
		}
		DebugUITools.launch(configuration, ILaunchManager.RUN_MODE);
	}
}

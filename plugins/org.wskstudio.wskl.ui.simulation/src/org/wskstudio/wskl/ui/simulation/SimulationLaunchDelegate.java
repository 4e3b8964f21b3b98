package org.wskstudio.wskl.ui.simulation;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;
import org.wskstudio.wskl.simulate.SimulationTarget;

/**
 * Runs a WSK Simulation launch configuration: loads the model and the scenario file (or every
 * .wsks next to the model), runs the scenarios on the configured target (Java twin, C driver or
 * both) in a job, prints the reports to the "WSK Simulation" console and shows the runs in the
 * Simulation view.
 */
public class SimulationLaunchDelegate extends LaunchConfigurationDelegate {

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		IFile model = Simulations.file(configuration.getAttribute(Simulations.ATTR_MODEL, ""), "model");
		String scenarioPath = configuration.getAttribute(Simulations.ATTR_SCENARIO, "");
		List<IFile> scenarios = scenarioPath.isBlank() ? Simulations.siblingScenarioFiles(model)
				: List.of(Simulations.file(scenarioPath, "scenario file"));
		if (scenarios.isEmpty()) {
			throw new CoreException(Simulations.error("no .wsks scenario file next to " + model.getFullPath(), null));
		}
		Long seed = Simulations.seed(configuration.getAttribute(Simulations.ATTR_SEED, ""));
		SimulationTarget target = Simulations.target(configuration.getAttribute(Simulations.ATTR_TARGET, ""));

		Job job = new Job("WSK Simulation of " + model.getName()) {
			@Override
			protected IStatus run(IProgressMonitor jobMonitor) {
				jobMonitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
				MessageConsole console = Simulations.console();
				console.clearConsole();
				ConsolePlugin.getDefault().getConsoleManager().showConsoleView(console);
				try (MessageConsoleStream out = console.newMessageStream()) {
					List<SimulationRun> runs = Simulations.run(model, scenarios, seed, target, out::println,
							jobMonitor);
					show(runs);
					return Status.OK_STATUS;
				} catch (java.io.IOException | RuntimeException e) {
					return Simulations.error("the simulation failed: " + e.getMessage(), e);
				} finally {
					jobMonitor.done();
					DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == Simulations.JOB_FAMILY;
			}
		};
		job.setUser(true);
		job.schedule();
	}

	/** The simulation reads the files as they are; nothing to build. */
	@Override
	public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
		return false;
	}

	/** Problems of the model and the scenarios are reported on the console, not by a dialog. */
	@Override
	public boolean finalLaunchCheck(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
		return true;
	}

	private static void show(List<SimulationRun> runs) {
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
				window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
			}
			IWorkbenchPage page = window == null ? null : window.getActivePage();
			if (page == null) {
				return;
			}
			try {
				SimulationView view = (SimulationView) page.showView(SimulationView.ID);
				view.setRuns(runs);
			} catch (PartInitException e) {
				org.eclipse.core.runtime.ILog.of(SimulationLaunchDelegate.class).log(e.getStatus());
			}
		});
	}
}

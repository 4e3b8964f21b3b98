package org.wskstudio.wskl.ui.tests.simulation;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.wskstudio.wskl.ui.tests.Workbench;
import org.wskstudio.wskl.ui.simulation.SimulationView;
import org.wskstudio.wskl.ui.simulation.Simulations;

/**
 * What the simulation launch tests share: examples/conditional_accept's model and its first two
 * scenarios, embedded; files in a test project; a WSK Simulation configuration, its launch (waiting
 * for the job and the view) and the clean-up of the workbench after each test.
 */
final class SimulationFixtures {

	static final String PROJECT = "wskl-simulation-tests";
	private static final long TIMEOUT_MILLIS = 60_000;

	/** examples/conditional_accept.wskl (listener Public on line 10, its first rule on line 14). */
	static final String MODEL = """
			// The seed's third sample: conditional accept. WskInspectEvent looks at the
			// remote and local address of every request before the connection exists and
			// accepts, rejects or pends it; a pended request is completed later by the
			// Reputation check (WskInspectComplete), or by the timeout's default. A client
			// that drops during the inspection is reported through WskAbortEvent.
			driver GuardedServer prefix Guard pool tag 'Grd1'

			deferred check Reputation "asks the reputation service about the remote address"

			listener Public on ipv4 0.0.0.0:40009 {
				options conditional-accept
				accept by event per-socket
				inspect max pending 32 {
					reject remote 10.0.0.0/8
					accept remote 192.168.0.0/16 local port 40009
					pend remote 172.16.0.0/12 with check Reputation timeout 500 ms else reject
					default reject
				}
				connection handles receive, disconnect
			}
			""";

	/** The first two scenarios of examples/conditional_accept.wsks. */
	static final String SCENARIOS = """
			// The seed's conditional-accept flows: accept, reject, a pend that the Reputation check
			// completes, a pend that times out to its default, and a client that drops during a pend.
			scenario SeedFlows for GuardedServer seed 7 {
				at 0 ms connect 10.1.2.3:5555 -> Public expect rejected
				at 1 ms connect 192.168.1.10:4000 -> Public expect accepted
				at 2 ms connect 172.16.0.5:1234 -> Public as slow expect pended-then-accepted
				at 300 ms check Reputation answers accept for slow
				at 3 ms connect 172.16.0.6:1234 -> Public expect timed-out
				at 4 ms connect 172.16.0.7:1234 -> Public drops at 10 ms expect aborted
				at 5 ms connect 8.8.8.8:53 -> Public expect rejected
				expect no violations
			}


			// The listening socket stops working: WSK aborts the pended inspection and calls
			// WskInspectEvent with InspectID == NULL; the driver closes the socket and opens a new one,
			// which takes the next client.
			scenario ListenerRecreated for GuardedServer seed 7 {
				at 0 ms connect 172.16.0.5:1234 -> Public as slow expect aborted
				at 10 ms fail listener Public
				at 20 ms connect 192.168.1.10:4000 -> Public expect accepted
				at 30 ms check Reputation answers accept for slow
				expect no violations
			}
			""";

	/** Hides the view, closes the editors, deletes the configurations and the project. */
	static void cleanUpWorkbench() throws CoreException {
		IWorkbenchPage page = Workbench.page();
		IViewPart view = page.findView(SimulationView.ID);
		if (view != null) {
			page.hideView(view);
		}
		page.closeAllEditors(false);
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(type())) {
			c.delete();
		}
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		if (project.exists()) {
			project.delete(true, true, new NullProgressMonitor());
		}
		Workbench.processEvents();
	}

	static ILaunchConfigurationType type() {
		return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(Simulations.LAUNCH_TYPE_ID);
	}

	static ILaunchConfiguration configuration(IFile model, IFile scenarios, String seed) throws CoreException {
		ILaunchConfigurationWorkingCopy copy = type().newInstance(null, "simulation test");
		copy.setAttribute(Simulations.ATTR_MODEL, model.getFullPath().toString());
		copy.setAttribute(Simulations.ATTR_SCENARIO, scenarios == null ? "" : scenarios.getFullPath().toString());
		copy.setAttribute(Simulations.ATTR_SEED, seed == null ? "" : seed);
		return copy.doSave();
	}

	/** Launches, waits for the simulation job and returns the view once it shows the runs. */
	static SimulationView launch(ILaunchConfiguration configuration) throws Exception {
		return launch(configuration, TIMEOUT_MILLIS);
	}

	static SimulationView launch(ILaunchConfiguration configuration, long timeoutMillis) throws Exception {
		IViewPart old = Workbench.page().findView(SimulationView.ID);
		if (old != null) {
			Workbench.page().hideView(old);
		}
		configuration.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
		long end = System.currentTimeMillis() + timeoutMillis;
		while (Job.getJobManager().find(Simulations.JOB_FAMILY).length > 0) {
			if (System.currentTimeMillis() > end) {
				fail("the simulation job did not end");
			}
			Workbench.processEvents();
			Thread.sleep(20);
		}
		try {
			return waitFor("the runs in the Simulation view", () -> Workbench.page().findView(SimulationView.ID) instanceof SimulationView v
					&& !v.runs().isEmpty() ? v : null);
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + "; the console:\n" + Simulations.console().getDocument().get(), e);
		}
	}

	static IFile createFile(String name, String content) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		if (!project.exists()) {
			project.create(new NullProgressMonitor());
		}
		if (!project.isOpen()) {
			project.open(new NullProgressMonitor());
		}
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE,
				new NullProgressMonitor());
		file.setCharset("UTF-8", new NullProgressMonitor());
		return file;
	}

	static <T> T waitFor(String what, Supplier<T> supplier) {
		return Workbench.waitFor(what, TIMEOUT_MILLIS, supplier);
	}

	private SimulationFixtures() {
	}
}

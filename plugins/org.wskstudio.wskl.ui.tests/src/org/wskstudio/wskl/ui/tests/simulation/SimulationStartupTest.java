package org.wskstudio.wskl.ui.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchListener;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.builder.WsklNature;
import org.wskstudio.wskl.ui.tests.Workbench;
import org.wskstudio.wskl.ui.simulation.SimulationLaunchShortcut;
import org.wskstudio.wskl.ui.simulation.SimulationRun;
import org.wskstudio.wskl.ui.simulation.SimulationStartup;
import org.wskstudio.wskl.ui.simulation.SimulationView;
import org.wskstudio.wskl.ui.simulation.Simulations;
import org.wskstudio.wskl.ui.wizards.WsklProjects;

/**
 * {@link SimulationStartup}, what {@code run-wskstudio.sh --simulate conditional_accept} starts:
 * with {@code -Dwskstudio.simulate=NAME} the workbench installs the WSKL examples, opens the model,
 * runs its WSK Simulation launch configuration (the one Run As &gt; WSK Simulation uses) and shows
 * the runs in the Simulation view.
 */
class SimulationStartupTest {

	private static final long TIMEOUT_MILLIS = 60_000;
	private static final Pattern SCENARIO = Pattern.compile("(?m)^scenario (\\w+) for ");

	@AfterEach
	void cleanUp() throws CoreException {
		System.clearProperty(SimulationStartup.SIMULATE_PROPERTY);
		waitForJobs();
		IWorkbenchPage page = Workbench.page();
		IViewPart view = page.findView(SimulationView.ID);
		if (view != null) {
			page.hideView(view);
		}
		page.closeAllEditors(false);
		for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations(
				DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(Simulations.LAUNCH_TYPE_ID))) {
			c.delete();
		}
		IProject project = examplesProject();
		if (project.exists()) {
			project.delete(true, true, new NullProgressMonitor());
		}
		Workbench.processEvents();
	}

	@Test
	void theStartupIsContributedByTheSimulationBundle() {
		List<IConfigurationElement> startups = Arrays.stream(
				Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.startup"))
				.filter(e -> SimulationStartup.class.getName().equals(e.getAttribute("class"))).toList();
		assertThat(startups).hasSize(1);
		assertThat(startups.get(0).getContributor().getName()).isEqualTo(Simulations.PLUGIN_ID);
	}

	@Test
	void withoutThePropertyNothingHappens() {
		System.clearProperty(SimulationStartup.SIMULATE_PROPERTY);
		new SimulationStartup().earlyStartup();
		waitForJobs();
		Workbench.processEvents();
		assertThat(examplesProject().exists()).isFalse();
		assertThat(Workbench.page().findView(SimulationView.ID)).isNull();
	}

	@Test
	void anExampleNameInstallsTheExamplesOpensTheModelAndRunsItsSimulation() throws Exception {
		List<ILaunch> launches = new CopyOnWriteArrayList<>();
		ILaunchListener listener = new ILaunchListener() {
			@Override
			public void launchAdded(ILaunch launch) {
				launches.add(launch);
			}

			@Override
			public void launchRemoved(ILaunch launch) {
				// the delegate removes its launch when the simulation ends
			}

			@Override
			public void launchChanged(ILaunch launch) {
				// nothing
			}
		};
		DebugPlugin.getDefault().getLaunchManager().addLaunchListener(listener);
		SimulationView view;
		try {
			System.setProperty(SimulationStartup.SIMULATE_PROPERTY, "conditional_accept");
			new SimulationStartup().earlyStartup();
			view = waitForRuns();
		} finally {
			DebugPlugin.getDefault().getLaunchManager().removeLaunchListener(listener);
		}

		// the examples project, as New > Examples > WSKL Examples makes it
		IProject project = examplesProject();
		assertThat(project.isOpen()).isTrue();
		assertThat(project.hasNature(WsklNature.ID)).isTrue();
		for (String example : WsklProjects.examples()) {
			assertThat(project.getFile(example).exists()).as(example).isTrue();
		}
		IFile model = project.getFile("conditional_accept.wskl");
		IFile scenarios = project.getFile("conditional_accept.wsks");

		// the model in the editor
		IEditorPart editor = Workbench.page().getActiveEditor();
		assertThat(editor).isNotNull();
		assertThat(editor.getEditorInput().getAdapter(IFile.class)).isEqualTo(model);

		// Run As > WSK Simulation's saved launch configuration of the example's scenario file, launched
		// once in run mode (the debug UI first registers a placeholder launch "... (waiting for
		// build...)" of its own, then the launch itself)
		ILaunchConfiguration configuration = SimulationLaunchShortcut.configurationFor(scenarios);
		assertThat(configuration.getAttribute(Simulations.ATTR_MODEL, "")).isEqualTo("/wskl-examples/conditional_accept.wskl");
		assertThat(configuration.getAttribute(Simulations.ATTR_SCENARIO, "")).isEqualTo("/wskl-examples/conditional_accept.wsks");
		assertThat(configuration.isWorkingCopy()).isFalse();
		assertThat(simulationConfigurations()).containsExactly(configuration);
		List<ILaunch> ofTheConfiguration = launches.stream()
				.filter(l -> configuration.equals(l.getLaunchConfiguration())).toList();
		assertThat(ofTheConfiguration).hasSize(1);
		assertThat(ofTheConfiguration.get(0).getLaunchMode()).isEqualTo(ILaunchManager.RUN_MODE);

		// every scenario of the example ran and passed; the first run is shown
		List<String> names = scenarioNames(scenarios);
		assertThat(names).startsWith("SeedFlows", "ListenerRecreated");
		assertThat(view.runs()).extracting(SimulationRun::name).filteredOn(n -> !n.contains(" ["))
				.containsExactlyElementsOf(names);
		assertThat(view.runs()).extracting(SimulationRun::name).contains("SeedFlows [fail irp allocation 1]",
				"SeedFlows [fail pool allocation 2]");
		assertThat(view.runs()).allMatch(r -> r.result().passed(), "passed");
		assertThat(view.currentRun().name()).isEqualTo("SeedFlows");
		Table requests = view.requestsTable();
		assertThat(Arrays.stream(requests.getItems()).map(i -> i.getText(4)).toList()).containsExactly("rejected",
				"accepted", "pended-then-accepted", "timed-out", "aborted", "rejected");
		assertThat(Arrays.stream(requests.getItems()).map(i -> i.getText(2)).toList()).contains("10.1.2.3:5555",
				"192.168.1.10:4000");
		GC gc = new GC(requests);
		try { // the columns are wide enough for the whole addresses and outcomes
			assertThat(requests.getColumn(2).getWidth()).isGreaterThanOrEqualTo(gc.textExtent("192.168.1.10:4000").x);
			assertThat(requests.getColumn(4).getWidth()).isGreaterThanOrEqualTo(gc.textExtent("pended-then-accepted").x);
		} finally {
			gc.dispose();
		}
		assertThat(view.violationsTable().getItemCount()).isZero();
		assertThat(view.timelineEvents()).anyMatch(e -> e.kind().equals("WskInspectEvent"));

		// every run, the sweep's failed-allocation runs included
		String summary = view.runs().size() + " runs: " + view.runs().size() + " passed, 0 failed, 0 rule violations";
		String console = waitFor("'" + summary + "' on the console", () -> {
			String text = Simulations.console().getDocument().get();
			return text.contains(summary) ? text : null;
		});
		assertThat(console).contains("simulating /wskl-examples/conditional_accept.wskl", "scenario SeedFlows: PASSED")
				.doesNotContain("skipped", ": error:");
	}

	@Test
	void aWorkspacePathOfAScenarioFileRunsThatFileOnItsModel() throws Exception {
		WsklProjects.createExampleProject(SimulationStartup.EXAMPLES_PROJECT, null, new NullProgressMonitor());
		IFile scenarios = examplesProject().getFile("dual_stack.wsks");

		Job job = SimulationStartup.simulate("/wskl-examples/dual_stack.wsks");
		job.join(TIMEOUT_MILLIS, null);
		assertThat(job.getResult()).isNotNull();
		assertThat(job.getResult().isOK()).as(job.getResult().toString()).isTrue();
		SimulationView view = waitForRuns();

		assertThat(Workbench.page().getActiveEditor().getEditorInput().getAdapter(IFile.class))
				.isEqualTo(examplesProject().getFile("dual_stack.wskl"));
		assertThat(simulationConfigurations()).hasSize(1);
		assertThat(simulationConfigurations().get(0).getAttribute(Simulations.ATTR_SCENARIO, ""))
				.isEqualTo("/wskl-examples/dual_stack.wsks");
		assertThat(view.runs()).extracting(SimulationRun::name).filteredOn(n -> !n.contains(" ["))
				.containsExactlyElementsOf(scenarioNames(scenarios));
		assertThat(view.runs()).allMatch(r -> r.scenarioFile().equals(scenarios));
	}

	@Test
	void anUnknownNameIsAnErrorNamingTheExamples() {
		assertThatThrownBy(() -> SimulationStartup.file("no_such_example", new NullProgressMonitor()))
				.isInstanceOf(CoreException.class).hasMessageContaining("-Dwskstudio.simulate=no_such_example")
				.hasMessageContaining("conditional_accept.wskl");
		assertThat(examplesProject().exists()).isFalse();
	}

	private static IProject examplesProject() {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(SimulationStartup.EXAMPLES_PROJECT);
	}

	private static List<ILaunchConfiguration> simulationConfigurations() throws CoreException {
		return List.of(DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations(
				DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(Simulations.LAUNCH_TYPE_ID)));
	}

	/** The names of the scenarios of a .wsks file, in order. */
	private static List<String> scenarioNames(IFile file) throws CoreException, IOException {
		try (InputStream in = file.getContents()) {
			Matcher m = SCENARIO.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			List<String> names = new java.util.ArrayList<>();
			while (m.find()) {
				names.add(m.group(1));
			}
			return names;
		}
	}

	/** Waits for the Simulation view to show the runs of a finished simulation job. */
	private static SimulationView waitForRuns() {
		SimulationView view = waitFor("the runs in the Simulation view",
				() -> Workbench.page().findView(SimulationView.ID) instanceof SimulationView v && !v.runs().isEmpty() ? v : null);
		waitForJobs();
		return view;
	}

	private static void waitForJobs() {
		waitFor("the simulation jobs to end", () -> Job.getJobManager().find(Simulations.JOB_FAMILY).length == 0
				? Boolean.TRUE : null);
	}

	private static <T> T waitFor(String what, Supplier<T> supplier) {
		return Workbench.waitFor(what, TIMEOUT_MILLIS, supplier);
	}
}

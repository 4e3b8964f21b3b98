package org.wskstudio.wskl.ui.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.ui.tests.Workbench;
import org.wskstudio.wskl.ui.simulation.SimulationLaunchShortcut;
import org.wskstudio.wskl.ui.simulation.SimulationRun;
import org.wskstudio.wskl.ui.simulation.SimulationTab;
import org.wskstudio.wskl.ui.simulation.SimulationView;
import org.wskstudio.wskl.ui.simulation.Simulations;

/**
 * A WSK Simulation launch configuration runs examples/conditional_accept's scenarios in a job,
 * prints the reports to the WSK Simulation console and shows the runs in the Simulation view,
 * whose rows open the model at their element.
 */
class SimulationLaunchTest {

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

	@AfterEach
	void cleanUp() throws CoreException {
		cleanUpWorkbench();
	}

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

	@Test
	void launchRunsTheSiblingScenariosAndShowsThemInTheView() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		createFile("conditional_accept.wsks", SCENARIOS);
		// another model's scenarios in the same folder: skipped with a note, not reported as errors
		createFile("other.wsks", "scenario Other for SomeoneElse {\n}\n");

		SimulationView view = launch(configuration(model, null, null));

		assertThat(view.runs()).extracting(SimulationRun::name).containsExactly("SeedFlows", "ListenerRecreated");
		assertThat(view.runs()).allMatch(r -> r.result().passed());
		assertThat(view.currentRun().name()).isEqualTo("SeedFlows");

		Table requests = view.requestsTable();
		assertThat(requests.getItemCount()).isEqualTo(6);
		assertThat(column(requests, 4)).containsExactlyInAnyOrder("rejected", "accepted", "pended-then-accepted",
				"timed-out", "aborted", "rejected");
		assertThat(row(requests, "192.168.1.10")).contains("Public", "accepted");
		assertThat(row(requests, "172.16.0.5")).contains("pended-then-accepted", "yes");
		assertThat(row(requests, "172.16.0.6")).contains("timed-out");
		assertThat(row(requests, "172.16.0.7")).contains("aborted");
		assertThat(view.violationsTable().getItemCount()).isZero();
		assertThat(view.timelineEvents()).isNotEmpty();
		assertThat(view.timeline().getSize().y).isGreaterThan(view.timelineEvents().size() * 10);

		view.selectRun(1);
		assertThat(view.currentRun().name()).isEqualTo("ListenerRecreated");
		assertThat(column(view.requestsTable(), 4)).containsExactlyInAnyOrder("aborted", "accepted");

		String console = waitFor("the reports on the console", () -> {
			String text = Simulations.console().getDocument().get();
			return text.contains("2 runs: 2 passed") && !text.contains("with seed") ? text : null;
		});
		assertThat(console).contains("on the Java twin (compiled in memory)", "scenario SeedFlows: PASSED",
				"scenario ListenerRecreated: PASSED", "== conditional_accept.wsks:", "violations: 0",
				"skipped /" + PROJECT + "/other.wsks: its scenarios are for SomeoneElse, not for GuardedServer")
				.doesNotContain(": error:");
		assertThat(view.runs().get(0).scenarioLine()).isBetween(1, 3);
	}

	@Test
	void aFaultSweepsRunsAreListedInTheRunPickerAndOnTheConsole() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		createFile("conditional_accept.wsks", SCENARIOS.replace("scenario SeedFlows for GuardedServer seed 7 {\n",
				"scenario SeedFlows for GuardedServer seed 7 {\n\tfail each pool allocation\n"));

		SimulationView view = launch(configuration(model, null, null));

		assertThat(view.runs()).extracting(SimulationRun::name).containsExactly("SeedFlows",
				"SeedFlows [fail pool allocation 1]", "SeedFlows [fail pool allocation 2]", "ListenerRecreated");
		assertThat(view.runLabels()).containsExactly("SeedFlows - PASSED (Java twin)",
				"SeedFlows [fail pool allocation 1] - PASSED (Java twin)", "SeedFlows [fail pool allocation 2] - PASSED (Java twin)",
				"ListenerRecreated - PASSED (Java twin)");
		view.selectRun(1);
		assertThat(view.currentRun().result().trace().events()).anyMatch(e -> e.kind().equals("ExAllocatePoolWithTag")
				&& "NULL (fault injected: allocation #1)".equals(e.result()));
		assertThat(view.violationsTable().getItemCount()).isZero();
		String console = waitFor("the sweep on the console", () -> {
			String text = Simulations.console().getDocument().get();
			return text.contains("4 runs: 4 passed") ? text : null;
		});
		assertThat(console).contains("SeedFlows fail pool allocation 1: PASSED, outcomes ",
				"SeedFlows fail pool allocation 2: PASSED, outcomes ");
	}

	@Test
	void theScenarioFileAndTheSeedOfTheConfigurationAreUsed() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		IFile scenarios = createFile("conditional_accept.wsks", SCENARIOS);
		createFile("other.wsks", "scenario Other for SomeoneElse {\n}\n");

		SimulationView view = launch(configuration(model, scenarios, "42"));

		assertThat(view.runs()).extracting(SimulationRun::name).containsExactly("SeedFlows", "ListenerRecreated");
		String console = waitFor("the summary on the console", () -> {
			String text = Simulations.console().getDocument().get();
			return text.contains("2 runs:") && text.contains("with seed 42") ? text : null;
		});
		assertThat(console).contains("with seed 42").doesNotContain("other.wsks");
	}

	@Test
	void theShortcutsConfigurationOfAScenarioFileNamesItsSiblingModel() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		IFile scenarios = createFile("conditional_accept.wsks", SCENARIOS);

		ILaunchConfiguration fromScenarios = SimulationLaunchShortcut.configurationFor(scenarios);
		assertThat(fromScenarios.getAttribute(Simulations.ATTR_MODEL, "")).isEqualTo(model.getFullPath().toString());
		assertThat(fromScenarios.getAttribute(Simulations.ATTR_SCENARIO, "")).isEqualTo(scenarios.getFullPath().toString());
		ILaunchConfiguration fromModel = SimulationLaunchShortcut.configurationFor(model);
		assertThat(fromModel.getAttribute(Simulations.ATTR_SCENARIO, "")).isEmpty();
		assertThat(SimulationLaunchShortcut.configurationFor(scenarios)).isEqualTo(fromScenarios);

		SimulationView view = launch(fromScenarios);
		assertThat(view.runs()).hasSize(2);
	}

	@Test
	void doubleClickOnARequestOpensTheModelAtItsListener() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		createFile("conditional_accept.wsks", SCENARIOS);
		SimulationView view = launch(configuration(model, null, null));

		Table requests = view.requestsTable();
		requests.setSelection(1);
		requests.notifyListeners(SWT.DefaultSelection, new Event());
		Workbench.processEvents();

		ITextEditor editor = (ITextEditor) Workbench.page().getActiveEditor();
		assertThat(editor).isNotNull();
		assertThat(editor.getEditorInput().getAdapter(IFile.class)).isEqualTo(model);
		assertThat(selectedLine(editor)).startsWith("listener Public on ipv4 0.0.0.0:40009");

		editor = view.openRequest(0);
		assertThat(selectedLine(editor)).startsWith("listener Public");

		// the third request is the scenario's third connect step
		editor = view.openRequestStep(2);
		assertThat(editor).isNotNull();
		assertThat(editor.getEditorInput().getAdapter(IFile.class).getName()).isEqualTo("conditional_accept.wsks");
		assertThat(selectedLine(editor)).isEqualTo("at 2 ms connect 172.16.0.5:1234 -> Public as slow expect pended-then-accepted");
	}

	@Test
	void violationsMapToTheModelElementByItsOrigin() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		createFile("conditional_accept.wsks", SCENARIOS);
		SimulationView view = launch(configuration(model, null, null));
		SimulationRun run = view.currentRun();

		InspectRule first = run.codeModel().getListeners().get(0).getInspectRules().get(0);
		assertThat(run.lineOf(first.getOrigin(), "Public")).isEqualTo(14);
		ITextEditor editor = view.open(model, run.lineOf(first.getOrigin(), "Public"));
		assertThat(selectedLine(editor)).isEqualTo("reject remote 10.0.0.0/8");
		// an element without a code-model origin: its listener, else the driver
		assertThat(run.lineOf("pending inspection 3", "Public")).isEqualTo(10);
		assertThat(run.lineOf("driver", null)).isEqualTo(run.codeModel().getSourceLine()).isBetween(1, 6);
		assertThat(view.openViolation(0)).isNull();
	}

	/**
	 * The example drivers keep every rule, so this run's result gets a violation (as the simulator
	 * reports one: rule, element origin, listener) to check what a double-click on its row does.
	 */
	@Test
	void doubleClickOnAViolationOpensTheModelAtItsElement() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		createFile("conditional_accept.wsks", SCENARIOS);
		SimulationView view = launch(configuration(model, null, null));
		SimulationRun run = view.currentRun();
		InspectRule first = run.codeModel().getListeners().get(0).getInspectRules().get(0);
		ScenarioResult result = run.result();
		Violation violation = new Violation(Rule.IRP_DOUBLE_FREE, "IoFreeIrp of an IRP freed before", 2_000,
				first.getOrigin(), "Public");
		ScenarioResult broken = new ScenarioResult(result.scenario(), result.driverEntryStatus(), result.summary(),
				result.requests(), List.of(violation), result.trace(), result.failedExpectations());
		view.setRuns(List.of(new SimulationRun(run.name(), broken, run.modelFile(), run.codeModel(), run.scenarioFile(),
				run.scenarioLine(), run.connectLines())));

		Table violations = view.violationsTable();
		assertThat(violations.getItemCount()).isEqualTo(1);
		assertThat(violations.getItem(0).getText(1)).isEqualTo("IRP_DOUBLE_FREE");
		violations.setSelection(0);
		violations.notifyListeners(SWT.DefaultSelection, new Event());
		Workbench.processEvents();

		ITextEditor editor = (ITextEditor) Workbench.page().getActiveEditor();
		assertThat(editor.getEditorInput().getAdapter(IFile.class)).isEqualTo(model);
		assertThat(selectedLine(editor)).isEqualTo("reject remote 10.0.0.0/8");
	}

	@Test
	void theTabReadsChecksAndWritesTheConfiguration() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		IFile scenarios = createFile("conditional_accept.wsks", SCENARIOS);
		ILaunchConfigurationWorkingCopy copy = configuration(model, scenarios, "7").getWorkingCopy();
		Shell shell = new Shell(Display.getCurrent());
		try {
			SimulationTab tab = new SimulationTab();
			tab.createControl(shell);
			tab.initializeFrom(copy);
			assertThat(tab.isValid(copy)).isTrue();
			List<Text> texts = texts(shell);
			assertThat(texts).extracting(Text::getText).containsExactly(model.getFullPath().toString(),
					scenarios.getFullPath().toString(), "7");

			texts.get(2).setText("not a number");
			assertThat(tab.isValid(copy)).isFalse();
			assertThat(tab.getErrorMessage()).contains("not a number");
			texts.get(2).setText("");
			texts.get(1).setText("");
			assertThat(tab.isValid(copy)).isTrue();
			tab.performApply(copy);
			assertThat(copy.getAttribute(Simulations.ATTR_SCENARIO, "x")).isEmpty();
			assertThat(copy.getAttribute(Simulations.ATTR_SEED, "x")).isEmpty();
			texts.get(0).setText("/" + PROJECT + "/missing.wskl");
			assertThat(tab.isValid(copy)).isFalse();
		} finally {
			shell.dispose();
		}
	}

	static List<Text> texts(Composite composite) {
		List<Text> result = new java.util.ArrayList<>();
		for (Control child : composite.getChildren()) {
			if (child instanceof Text t) {
				result.add(t);
			} else if (child instanceof Composite c) {
				result.addAll(texts(c));
			}
		}
		return result;
	}

	private static String selectedLine(ITextEditor editor) throws Exception {
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int line = document.getLineOfOffset(selection.getOffset());
		return document.get(document.getLineOffset(line), document.getLineLength(line)).strip();
	}

	private static List<String> column(Table table, int index) {
		return Arrays.stream(table.getItems()).map(i -> i.getText(index)).toList();
	}

	private static List<String> row(Table table, String remotePrefix) {
		for (TableItem item : table.getItems()) {
			if (item.getText(2).startsWith(remotePrefix)) {
				String[] cells = new String[table.getColumnCount()];
				for (int i = 0; i < cells.length; i++) {
					cells[i] = item.getText(i);
				}
				return List.of(cells);
			}
		}
		return fail("no request from " + remotePrefix + " in " + column(table, 2));
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
}

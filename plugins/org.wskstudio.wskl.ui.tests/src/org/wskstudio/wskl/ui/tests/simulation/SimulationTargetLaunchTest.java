package org.wskstudio.wskl.ui.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.MODEL;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.SCENARIOS;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.configuration;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.createFile;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wskl.simulate.ScenarioFiles;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.host.CSources;
import org.wskstudio.wskl.simulate.host.CTarget;
import org.wskstudio.wskl.ui.simulation.SimulationRun;
import org.wskstudio.wskl.ui.simulation.SimulationTab;
import org.wskstudio.wskl.ui.simulation.SimulationView;
import org.wskstudio.wskl.ui.simulation.Simulations;
import org.wskstudio.wskl.ui.wizards.WsklProjects;

/**
 * The target of a WSK Simulation launch: the C driver (built with gcc and its sanitizers, run in
 * its own process) and its Java twin run back to back from the IDE, the console and the
 * Simulation view say what ran and whether the two agree, and the tab keeps the choice.
 */
class SimulationTargetLaunchTest {

	private static final String EXAMPLES = "wskl-target-examples";

	/** Building the C driver with the sanitizers takes a while on a loaded machine (once per content). */
	private static final long C_BUILD_MILLIS = 600_000;

	@AfterEach
	void cleanUp() throws CoreException {
		SimulationFixtures.cleanUpWorkbench();
		IProject examples = ResourcesPlugin.getWorkspace().getRoot().getProject(EXAMPLES);
		if (examples.exists()) {
			examples.delete(true, true, new NullProgressMonitor());
		}
	}

	/** event_accept's scenarios never time a pend out, so its two targets agree event for event. */
	@Test
	void aLaunchOnBothTargetsRunsTheCDriverBesideTheJavaTwinAndSaysTheyAgree() throws Exception {
		IProject examples = WsklProjects.createExampleProject(EXAMPLES, null, new NullProgressMonitor());
		IFile model = examples.getFile("event_accept.wskl");
		IFile scenarios = examples.getFile("event_accept.wsks");

		SimulationView view = SimulationFixtures.launch(withTarget(configuration(model, scenarios, null), "both"),
				C_BUILD_MILLIS);

		assertThat(view.runs()).allMatch(r -> r.target() == SimulationTarget.BOTH);
		// the fault sweep's failed-allocation runs are on both targets too, as on the command line
		List<SimulationRun> swept = view.runs().stream().filter(r -> r.name().startsWith("Events [fail ")).toList();
		assertThat(swept).isNotEmpty().allMatch(SimulationRun::passed);
		for (SimulationRun run : swept) {
			assertThat(run.targets().c().violations()).as(run.name()).isEmpty();
			assertThat(run.comparison().equal()).as(run.comparison().report()).isTrue();
		}
		List<SimulationRun> onBoth = view.runs().stream().filter(r -> !swept.contains(r)).toList();
		assertThat(onBoth).extracting(SimulationRun::name).containsExactly("Events", "ListenerRecreated");
		for (SimulationRun run : onBoth) {
			assertThat(run.targets().java()).isNotNull();
			assertThat(run.targets().c()).isNotNull();
			assertThat(run.targets().c().passed()).as(run.targets().c().report()).isTrue();
			assertThat(run.targets().c().violations()).isEmpty();
			assertThat(run.comparison().equal()).as(run.comparison().report()).isTrue();
			assertThat(run.comparison().cEvents()).isEqualTo(run.comparison().javaEvents()).isPositive();
			assertThat(run.divergence()).isNull();
			assertThat(run.label()).isEqualTo(run.name() + " - PASSED (C driver and Java twin, agree)");
		}
		// the C driver accepted each request as the Java twin did
		assertThat(onBoth.get(0).targets().c().requests()).extracting(SimulationView::outcome)
				.containsExactly("accepted", "accepted");
		assertThat(view.verdictText()).isEqualTo("PASSED on the C driver and Java twin, agree");
		assertThat(view.divergenceText()).isEmpty();

		String console = SimulationFixtures.waitFor("the comparison on the console", () -> {
			String text = Simulations.console().getDocument().get();
			return text.contains(" runs: ") ? text : null;
		});
		assertThat(console).contains("on the C driver (built with gcc, AddressSanitizer and UBSan",
				"event_accept.wsks:", " on the Java twin\n", " on the C driver\n",
				"back to back: the Java twin and the C driver agree on", "0 failed, 0 rule violations, 0 diverged")
				.doesNotContain("DIVERGED", ": error:");
	}

	/**
	 * conditional_accept's SeedFlows times a pend out: both targets complete it at pend + 500 ms
	 * (503 ms), each from the entry's own timer (common.PendTimeout), so they agree event for event.
	 */
	@Test
	void aPendThatTimesOutAgreesOnBothTargets() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		createFile("conditional_accept.wsks", SCENARIOS);

		SimulationView view = SimulationFixtures.launch(withTarget(configuration(model, null, null), "both"),
				C_BUILD_MILLIS);

		assertThat(view.runLabels()).containsExactly("SeedFlows - PASSED (C driver and Java twin, agree)",
				"ListenerRecreated - PASSED (C driver and Java twin, agree)");
		SimulationRun seedFlows = view.currentRun();
		assertThat(seedFlows.comparison().equal()).as(seedFlows.comparison().report()).isTrue();
		for (ScenarioResult side : List.of(seedFlows.targets().java(), seedFlows.targets().c())) {
			assertThat(side.requests()).filteredOn(r -> r.outcome() == RequestOutcome.TIMED_OUT)
					.extracting(RequestRecord::decidedAt).containsExactly(503_000L);
		}
		assertThat(view.divergenceText()).isEmpty();

		String console = SimulationFixtures.waitFor("the comparison on the console", () -> {
			String text = Simulations.console().getDocument().get();
			return text.contains("2 runs: ") ? text : null;
		});
		assertThat(console).contains("back to back: the Java twin and the C driver agree on",
				"2 runs: 2 passed, 0 failed, 0 rule violations, 0 diverged").doesNotContain("DIVERGED");
	}

	/**
	 * A C driver whose pend timer is set for twice the rule's timeout (an edited copy of the
	 * generated C): the same decisions, but the timeout's WskInspectComplete comes at 1003 ms
	 * instead of 503 ms. The view shows the run as diverging, with the first differing event and
	 * both source locations.
	 */
	@Test
	void theViewShowsTheFirstDivergenceOfTheTwoTargets() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		IFile scenarios = createFile("conditional_accept.wsks", SCENARIOS);
		SimulationView view = SimulationFixtures.launch(configuration(model, null, null));
		SimulationRun run = view.currentRun();

		CSources generated = CTarget.generatedSources(run.codeModel());
		String timer = "DueTime.QuadPart = -(LONGLONG)Entry->Rule->TimeoutMs * GUARD_INTERRUPT_TIME_PER_MS;";
		assertThat(generated.content("guard_driver.c")).containsOnlyOnce(timer);
		CSources late = generated.with("guard_driver.c", generated.content("guard_driver.c").replace(timer,
				"DueTime.QuadPart = -2 * (LONGLONG)Entry->Rule->TimeoutMs * GUARD_INTERRUPT_TIME_PER_MS;"));
		var seedFlows = ScenarioFiles.load(model.getLocation().toFile().toPath(),
				List.of(scenarios.getLocation().toFile().toPath())).scenarios().get(0);
		TargetResult diverging = new TargetRunner(run.codeModel(), SimulationTarget.BOTH, new SimConfig(), late)
				.run(seedFlows);
		view.setRuns(List.of(new SimulationRun(run.name(), diverging, run.modelFile(), run.codeModel(),
				run.scenarioFile(), run.scenarioLine(), run.connectLines())));

		assertThat(view.runLabels()).containsExactly("SeedFlows - FAILED (C driver and Java twin, DIVERGE)");
		assertThat(diverging.comparison().sameOutcomes()).isTrue();
		assertThat(view.verdictText()).isEqualTo("FAILED on the C driver and Java twin, DIVERGE: the C driver and the "
				+ "Java twin diverge");
		assertThat(view.divergenceText()).isEqualTo(diverging.comparison().report())
				.startsWith("the Java twin and the C driver diverge at compared event").contains("  > 503 ms IoReuseIrp",
						"  > 1003 ms IoReuseIrp", "(Java twin, rule 3 of listener Public)")
				.containsPattern("guard_driver\\.c:\\d+ \\(Guard_PendingIssueComplete\\)");
	}

	@Test
	void theTabReadsAndWritesTheTarget() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		ILaunchConfigurationWorkingCopy copy = withTarget(configuration(model, null, null), "both").getWorkingCopy();
		Shell shell = new Shell(Display.getCurrent());
		try {
			SimulationTab tab = new SimulationTab();
			tab.createControl(shell);
			tab.initializeFrom(copy);
			List<Button> radios = radios(shell);
			assertThat(radios).extracting(b -> (SimulationTarget) b.getData()).containsExactly(SimulationTarget.values());
			assertThat(selected(radios)).isEqualTo(SimulationTarget.BOTH);

			select(radios, SimulationTarget.C);
			tab.performApply(copy);
			assertThat(copy.getAttribute(Simulations.ATTR_TARGET, "")).isEqualTo("c");
			ILaunchConfiguration saved = copy.doSave();
			tab.initializeFrom(saved);
			assertThat(selected(radios)).isEqualTo(SimulationTarget.C);
			assertThat(Simulations.target(saved.getAttribute(Simulations.ATTR_TARGET, ""))).isEqualTo(SimulationTarget.C);

			// a configuration from before the choice existed runs the Java twin, as it did
			ILaunchConfigurationWorkingCopy old = saved.getWorkingCopy();
			old.removeAttribute(Simulations.ATTR_TARGET);
			tab.initializeFrom(old);
			assertThat(selected(radios)).isEqualTo(SimulationTarget.JAVA);
			tab.performApply(old);
			assertThat(old.getAttribute(Simulations.ATTR_TARGET, "")).isEqualTo("java");

			ILaunchConfigurationWorkingCopy defaults = saved.getWorkingCopy();
			tab.setDefaults(defaults);
			assertThat(defaults.getAttribute(Simulations.ATTR_TARGET, "")).isEqualTo("java");

			old.setAttribute(Simulations.ATTR_TARGET, "rust");
			tab.initializeFrom(old);
			assertThat(tab.getErrorMessage()).contains("unknown target 'rust'");
		} finally {
			shell.dispose();
		}
	}

	private static ILaunchConfiguration withTarget(ILaunchConfiguration configuration, String target) throws CoreException {
		ILaunchConfigurationWorkingCopy copy = configuration.getWorkingCopy();
		copy.setAttribute(Simulations.ATTR_TARGET, target);
		return copy.doSave();
	}

	private static List<Button> radios(Composite composite) {
		List<Button> result = new ArrayList<>();
		for (Control child : composite.getChildren()) {
			if (child instanceof Button b && (b.getStyle() & SWT.RADIO) != 0) {
				result.add(b);
			} else if (child instanceof Composite c) {
				result.addAll(radios(c));
			}
		}
		return result;
	}

	private static SimulationTarget selected(List<Button> radios) {
		List<SimulationTarget> on = radios.stream().filter(Button::getSelection).map(b -> (SimulationTarget) b.getData())
				.toList();
		assertThat(on).hasSize(1);
		return on.get(0);
	}

	private static void select(List<Button> radios, SimulationTarget target) {
		for (Button b : radios) {
			b.setSelection(b.getData() == target);
		}
	}
}

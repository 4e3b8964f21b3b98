package org.wskstudio.wskl.ui.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationLaunchTest.MODEL;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationLaunchTest.SCENARIOS;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationLaunchTest.configuration;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationLaunchTest.createFile;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
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
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.compare.Comparison;
import org.wskstudio.wskl.ui.simulation.SimulationRun;
import org.wskstudio.wskl.ui.simulation.SimulationTab;
import org.wskstudio.wskl.ui.simulation.SimulationView;
import org.wskstudio.wskl.ui.simulation.Simulations;

/**
 * The target of a WSK Simulation launch: the C driver (built with gcc and its sanitizers, run in
 * its own process) and its Java twin run back to back from the IDE, the console and the
 * Simulation view say what ran and whether the two agree, and the tab keeps the choice.
 */
class SimulationTargetLaunchTest {

	/** Building the C driver with the sanitizers takes a while on a loaded machine (once per content). */
	private static final long C_BUILD_MILLIS = 600_000;

	@AfterEach
	void cleanUp() throws CoreException {
		SimulationLaunchTest.cleanUpWorkbench();
	}

	@Test
	void aLaunchOnBothTargetsRunsTheCDriverBesideTheJavaTwinAndSaysTheyAgree() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		createFile("conditional_accept.wsks", SCENARIOS);

		SimulationView view = SimulationLaunchTest.launch(withTarget(configuration(model, null, null), "both"),
				C_BUILD_MILLIS);

		assertThat(view.runs()).extracting(SimulationRun::name).containsExactly("SeedFlows", "ListenerRecreated");
		for (SimulationRun run : view.runs()) {
			assertThat(run.target()).isEqualTo(SimulationTarget.BOTH);
			assertThat(run.targets().java()).isNotNull();
			assertThat(run.targets().c()).isNotNull();
			assertThat(run.targets().c().passed()).as(run.targets().c().report()).isTrue();
			assertThat(run.targets().c().violations()).isEmpty();
			assertThat(run.comparison().equal()).as(run.comparison().report()).isTrue();
			assertThat(run.comparison().cEvents()).isEqualTo(run.comparison().javaEvents()).isPositive();
			assertThat(run.divergence()).isNull();
		}
		// the C driver decided each request as the Java twin did
		assertThat(view.runs().get(0).targets().c().requests()).extracting(r -> SimulationView.outcome(r))
				.containsExactly("rejected", "accepted", "pended-then-accepted", "timed-out", "aborted", "rejected");
		assertThat(view.runLabels()).containsExactly("SeedFlows - PASSED (C driver and Java twin, agree)",
				"ListenerRecreated - PASSED (C driver and Java twin, agree)");
		assertThat(view.verdictText()).isEqualTo("PASSED on the C driver and Java twin, agree");
		assertThat(view.divergenceText()).isEmpty();

		String console = SimulationLaunchTest.waitFor("the comparison on the console", () -> {
			String text = Simulations.console().getDocument().get();
			return text.contains("2 runs: 2 passed") ? text : null;
		});
		assertThat(console).contains("on the C driver (built with gcc, AddressSanitizer and UBSan",
				"conditional_accept.wsks:", " on the Java twin\n", " on the C driver\n",
				"back to back: the Java twin and the C driver agree on", "0 rule violations, 0 diverged")
				.doesNotContain("DIVERGED", ": error:");
	}

	@Test
	void theViewShowsTheFirstDivergenceOfTheTwoTargets() throws Exception {
		IFile model = createFile("conditional_accept.wskl", MODEL);
		createFile("conditional_accept.wsks", SCENARIOS);
		SimulationView view = SimulationLaunchTest.launch(configuration(model, null, null));
		SimulationRun run = view.currentRun();
		assertThat(run.target()).isEqualTo(SimulationTarget.JAVA);
		assertThat(view.verdictText()).isEqualTo("PASSED on the Java twin");
		assertThat(view.divergenceText()).isEmpty();

		// a C run that decided the second request otherwise, as the comparison reports it
		String report = "the Java twin and the C driver diverge at compared event 12:\n"
				+ "  Java twin: ... WskInspectEvent => WskInspectAccept (GuardedServerListener.java)\n"
				+ "  C driver:  ... WskInspectEvent => WskInspectReject (guard_listener.c:88)";
		TargetResult diverged = new TargetResult(SimulationTarget.BOTH, run.result(), run.result(),
				new Comparison(false, false, 40, 40, report));
		view.setRuns(List.of(new SimulationRun(run.name(), diverged, run.modelFile(), run.codeModel(), run.scenarioFile(),
				run.scenarioLine(), run.connectLines())));

		assertThat(view.runLabels()).containsExactly("SeedFlows - FAILED (C driver and Java twin, DIVERGE)");
		assertThat(view.verdictText()).startsWith("FAILED on the C driver and Java twin, DIVERGE")
				.endsWith("the C driver and the Java twin diverge");
		assertThat(view.divergenceText()).isEqualTo(report);
		assertThat(Simulations.report(view.currentRun())).contains("back to back: DIVERGED: " + report);

		view.setRuns(List.of(run));
		assertThat(view.divergenceText()).isEmpty();
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

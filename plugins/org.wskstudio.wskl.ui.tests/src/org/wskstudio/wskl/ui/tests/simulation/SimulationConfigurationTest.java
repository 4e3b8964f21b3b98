package org.wskstudio.wskl.ui.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.MODEL;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.PROJECT;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.SCENARIOS;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.cleanUpWorkbench;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.configuration;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.createFile;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.launch;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.simulation.SimulationLaunchShortcut;
import org.wskstudio.wskl.ui.simulation.SimulationTab;
import org.wskstudio.wskl.ui.simulation.SimulationView;
import org.wskstudio.wskl.ui.simulation.Simulations;

/**
 * The WSK Simulation configuration: the one the launch shortcut makes for a scenario or a model
 * file, and the tab that reads it, checks what is typed and writes it back.
 */
class SimulationConfigurationTest {

	@AfterEach
	void cleanUp() throws CoreException {
		cleanUpWorkbench();
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

	private static List<Text> texts(Composite composite) {
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
}

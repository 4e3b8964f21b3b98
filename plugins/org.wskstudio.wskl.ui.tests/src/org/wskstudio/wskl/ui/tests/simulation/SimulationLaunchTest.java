package org.wskstudio.wskl.ui.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.MODEL;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.PROJECT;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.SCENARIOS;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.cleanUpWorkbench;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.configuration;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.createFile;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.launch;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.waitFor;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.simulation.SimulationRun;
import org.wskstudio.wskl.ui.simulation.SimulationView;
import org.wskstudio.wskl.ui.simulation.Simulations;

/**
 * A WSK Simulation launch configuration runs examples/conditional_accept's scenarios in a job,
 * prints the reports to the WSK Simulation console and shows the runs in the Simulation view
 * (with a fault sweep's runs, and with the configuration's scenario file and seed).
 */
class SimulationLaunchTest {

	@AfterEach
	void cleanUp() throws CoreException {
		cleanUpWorkbench();
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
}

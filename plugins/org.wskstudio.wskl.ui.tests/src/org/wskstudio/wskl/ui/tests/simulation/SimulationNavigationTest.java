package org.wskstudio.wskl.ui.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.MODEL;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.SCENARIOS;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.cleanUpWorkbench;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.configuration;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.createFile;
import static org.wskstudio.wskl.ui.tests.simulation.SimulationFixtures.launch;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.ui.tests.Workbench;
import org.wskstudio.wskl.ui.simulation.SimulationRun;
import org.wskstudio.wskl.ui.simulation.SimulationView;

/**
 * The rows of the Simulation view open the model at their element: a request at its listener
 * (or the scenario at its connect step), a violation at the element of its origin.
 */
class SimulationNavigationTest {

	@AfterEach
	void cleanUp() throws CoreException {
		cleanUpWorkbench();
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

	private static String selectedLine(ITextEditor editor) throws Exception {
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int line = document.getLineOfOffset(selection.getOffset());
		return document.get(document.getLineOffset(line), document.getLineLength(line)).strip();
	}
}

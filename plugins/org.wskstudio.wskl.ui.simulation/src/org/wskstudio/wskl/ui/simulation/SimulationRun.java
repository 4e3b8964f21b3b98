package org.wskstudio.wskl.ui.simulation;

import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.ecore.EObject;
import org.wskstudio.wsk.model.Traceable;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.verify.Violation;

/**
 * One scenario run shown in the Simulation view: its result, the model it ran (file and code
 * model, whose elements know their source lines) and where the scenario is written.
 */
public record SimulationRun(String name, ScenarioResult result, IFile modelFile, WskDriver codeModel,
		IFile scenarioFile, int scenarioLine, List<Integer> connectLines) {

	/**
	 * The scenario line of the connect step of a request: request N is the scenario's N-th
	 * connect step (the translator numbers them in step order); the scenario's line otherwise.
	 */
	public int scenarioLineOf(RequestRecord request) {
		int i = request.index();
		return i >= 0 && i < connectLines.size() ? connectLines.get(i) : scenarioLine;
	}

	/** How the run is listed in the view's combo. */
	public String label() {
		return name + " - " + (result.passed() ? "PASSED" : "FAILED")
				+ (result.violations().isEmpty() ? "" : " (" + result.violations().size() + " violations)");
	}

	/** The model line of a violation: its element by origin, else its listener, else the driver. */
	public int lineOf(Violation violation) {
		return lineOf(violation.element(), violation.listener());
	}

	/** The model line of a request: the listener it went to, else the driver. */
	public int lineOf(RequestRecord request) {
		return lineOf(null, request.listener());
	}

	/**
	 * The source line of the code-model element whose origin is {@code element} (such as "rule 2
	 * of listener Public"), else of the listener named {@code listener} (also when the element's
	 * origin ends with "listener NAME"), else of the driver; 1 when nothing is known.
	 */
	public int lineOf(String element, String listener) {
		if (element != null) {
			for (Iterator<EObject> it = codeModel.eAllContents(); it.hasNext();) {
				if (it.next() instanceof Traceable t && element.equals(t.getOrigin()) && t.getSourceLine() > 0) {
					return t.getSourceLine();
				}
			}
			int at = element.lastIndexOf("listener ");
			if (listener == null && at >= 0) {
				listener = element.substring(at + "listener ".length()).trim();
			}
		}
		if (listener != null) {
			for (WskListener l : codeModel.getListeners()) {
				if (listener.equals(l.getName()) && l.getSourceLine() > 0) {
					return l.getSourceLine();
				}
			}
		}
		return codeModel.getSourceLine() > 0 ? codeModel.getSourceLine() : 1;
	}
}

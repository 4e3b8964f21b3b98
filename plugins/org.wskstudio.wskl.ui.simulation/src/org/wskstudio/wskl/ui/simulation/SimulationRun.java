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
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.compare.Comparison;

/**
 * One scenario run shown in the Simulation view: the result it shows (the Java twin's when it ran,
 * else the C driver's), the results on every target that ran with their comparison, the model it
 * ran (file and code model, whose elements know their source lines) and where the scenario is
 * written.
 */
public record SimulationRun(String name, ScenarioResult result, IFile modelFile, WskDriver codeModel,
		IFile scenarioFile, int scenarioLine, List<Integer> connectLines, TargetResult targets) {

	/** A run of the Java twin alone (edited results). */
	public SimulationRun(String name, ScenarioResult result, IFile modelFile, WskDriver codeModel, IFile scenarioFile,
			int scenarioLine, List<Integer> connectLines) {
		this(name, result, modelFile, codeModel, scenarioFile, scenarioLine, connectLines,
				new TargetResult(SimulationTarget.JAVA, result, null, null));
	}

	/** A run on the target(s) of {@code targets}, showing its primary result. */
	public SimulationRun(String name, TargetResult targets, IFile modelFile, WskDriver codeModel, IFile scenarioFile,
			int scenarioLine, List<Integer> connectLines) {
		this(name, targets.primary(), modelFile, codeModel, scenarioFile, scenarioLine, connectLines, targets);
	}

	public SimulationTarget target() {
		return targets.target();
	}

	/** Every target's run passed and, for both, they agree. */
	public boolean passed() {
		return targets.passed();
	}

	/** The comparison of the two targets, null unless both ran. */
	public Comparison comparison() {
		return targets.comparison();
	}

	/** The comparison's report when the two targets diverge (the first differing event), else null. */
	public String divergence() {
		Comparison c = targets.comparison();
		return c == null || c.equal() ? null : c.report();
	}

	/** What ran, as the console and the view say it. */
	public String targetLabel() {
		return switch (targets.target()) {
			case JAVA -> "Java twin";
			case C -> "C driver";
			case BOTH -> "C driver and Java twin" + (targets.comparison().equal() ? ", agree" : ", DIVERGE");
		};
	}

	/** The rule violations of every target that ran. */
	public int violationCount() {
		return (targets.java() == null ? 0 : targets.java().violations().size())
				+ (targets.c() == null ? 0 : targets.c().violations().size());
	}

	/** PASSED, or FAILED with the failed expectations of each target and the divergence. */
	public String verdict() {
		if (passed()) {
			return "PASSED on the " + targetLabel();
		}
		List<String> failures = new java.util.ArrayList<>();
		if (targets.java() != null) {
			targets.java().failedExpectations().forEach(f -> failures.add(prefix("Java twin") + f));
		}
		if (targets.c() != null) {
			targets.c().failedExpectations().forEach(f -> failures.add(prefix("C driver") + f));
			if (!targets.c().violations().isEmpty()) {
				failures.add(prefix("C driver") + targets.c().violations().size() + " rule violations");
			}
		}
		if (divergence() != null) {
			failures.add("the C driver and the Java twin diverge");
		}
		return "FAILED on the " + targetLabel() + ": " + String.join("; ", failures);
	}

	private String prefix(String side) {
		return targets.target() == SimulationTarget.BOTH ? side + ": " : "";
	}

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
		return name + " - " + (passed() ? "PASSED" : "FAILED") + " (" + targetLabel() + ")"
				+ (violationCount() == 0 ? "" : " (" + violationCount() + " violations)");
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

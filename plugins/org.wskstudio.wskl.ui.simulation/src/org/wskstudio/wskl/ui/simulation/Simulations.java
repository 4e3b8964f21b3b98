package org.wskstudio.wskl.ui.simulation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleManager;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.pipeline.ModelResult;
import org.wskstudio.wskl.pipeline.WsklPipeline.Simulation;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.TargetSweep;
import org.wskstudio.wskl.simulate.host.HostBuildException;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;
import org.wskstudio.wskl.ui.WsklUiPlugin;
import org.wskstudio.wskl.wsks.Scenario;

/** Launch attributes, the console, and running a model's scenarios (no UI thread needed). */
public final class Simulations {

	public static final String PLUGIN_ID = "org.wskstudio.wskl.ui.simulation";
	public static final String LAUNCH_TYPE_ID = "org.wskstudio.wskl.ui.simulation.launchType";
	/** Workspace path of the .wskl model. */
	public static final String ATTR_MODEL = PLUGIN_ID + ".model";
	/** Workspace path of the .wsks scenario file; empty: every .wsks next to the model. */
	public static final String ATTR_SCENARIO = PLUGIN_ID + ".scenario";
	/** A seed overriding the scenarios' seeds; empty: the scenarios' own. */
	public static final String ATTR_SEED = PLUGIN_ID + ".seed";
	/**
	 * The driver that runs: "java" (the generated Java twin, the default), "c" (the generated C
	 * built for this host with gcc and its sanitizers) or "both" (compared back to back).
	 */
	public static final String ATTR_TARGET = PLUGIN_ID + ".target";
	public static final String CONSOLE_NAME = "WSK Simulation";
	/** Family of the simulation jobs (for joining them). */
	public static final Object JOB_FAMILY = new Object();

	private Simulations() {
	}

	/** The "WSK Simulation" console, created on first use. */
	public static MessageConsole console() {
		IConsoleManager manager = ConsolePlugin.getDefault().getConsoleManager();
		for (IConsole c : manager.getConsoles()) {
			if (c instanceof MessageConsole m && CONSOLE_NAME.equals(c.getName())) {
				return m;
			}
		}
		MessageConsole console = new MessageConsole(CONSOLE_NAME, null);
		manager.addConsoles(new IConsole[] { console });
		return console;
	}

	static IStatus error(String message, Throwable e) {
		return new Status(IStatus.ERROR, PLUGIN_ID, message, e);
	}

	/** The workspace file at a full path, or an error naming what is missing. */
	public static IFile file(String fullPath, String what) throws CoreException {
		if (fullPath == null || fullPath.isBlank()) {
			throw new CoreException(error("no " + what + " given", null));
		}
		IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(fullPath.trim());
		if (!(r instanceof IFile f) || !f.exists()) {
			throw new CoreException(error(what + " " + fullPath + " does not exist in the workspace", null));
		}
		return f;
	}

	/** The seed attribute: null when empty. */
	public static Long seed(String text) throws CoreException {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(text.trim());
		} catch (NumberFormatException e) {
			throw new CoreException(error("the seed '" + text + "' is not a number", null));
		}
	}

	/** The target attribute: the Java twin when empty. */
	public static SimulationTarget target(String text) throws CoreException {
		if (text == null || text.isBlank()) {
			return SimulationTarget.JAVA;
		}
		try {
			return SimulationTarget.parse(text);
		} catch (IllegalArgumentException e) {
			throw new CoreException(error(e.getMessage(), null));
		}
	}

	/** The .wsks files in the model's folder, by name. */
	public static List<IFile> siblingScenarioFiles(IFile model) throws CoreException {
		IContainer parent = model.getParent();
		List<IFile> files = new ArrayList<>();
		for (IResource r : parent.members()) {
			if (r instanceof IFile f && "wsks".equals(f.getFileExtension())) {
				files.add(f);
			}
		}
		files.sort(Comparator.comparing(IFile::getName));
		return files;
	}

	/**
	 * Loads the model and the scenario files through the language's pipeline (the scenarios
	 * resolve against the model), builds its driver for the target and runs the scenarios of the
	 * files (with the seed if not null) on it, writing each run's report to {@code out}. A fault
	 * sweep's failed-allocation runs are on the target(s) too, as on the command line. A scenario file whose
	 * scenarios are all for another driver (another model's file in the same folder) is skipped
	 * with a note; scenario files with errors are reported and skipped.
	 */
	public static List<SimulationRun> run(IFile model, List<IFile> scenarioFiles, Long seed, SimulationTarget target,
			Consumer<String> out, IProgressMonitor monitor) {
		List<SimulationRun> runs = new ArrayList<>();
		Path modelPath = path(model);
		out.accept("simulating " + model.getFullPath() + (seed == null ? "" : " with seed " + seed) + " on "
				+ describe(target));
		Simulation loaded;
		try {
			List<Path> scenarioPaths = new ArrayList<>();
			for (IFile scenarioFile : scenarioFiles) {
				scenarioPaths.add(path(scenarioFile));
			}
			loaded = WsklUiPlugin.pipeline().simulation(modelPath, scenarioPaths);
		} catch (IOException | RuntimeException e) {
			out.accept("error: cannot read the model or its scenarios: " + e.getMessage());
			return runs;
		}
		ModelResult base = loaded.model();
		for (Issue issue : base.issues()) {
			if (issue.getSeverity() == Severity.ERROR) {
				out.accept(line(model, issue));
			}
		}
		if (base.hasErrors()) {
			out.accept("nothing simulated");
			return runs;
		}
		WskDriver codeModel = base.codeModel();
		TargetRunner runner;
		try {
			monitor.subTask(target.runsC() ? "building the C driver with gcc" : "compiling the Java twin");
			runner = new TargetRunner(codeModel, target, new SimConfig(), null);
		} catch (HostBuildException e) {
			out.accept("error: the C driver cannot run here: " + e.getMessage());
			return runs;
		} catch (RuntimeException e) {
			out.accept("error: cannot build or compile the driver: " + e.getMessage());
			return runs;
		}
		for (int f = 0; f < scenarioFiles.size(); f++) {
			IFile scenarioFile = scenarioFiles.get(f);
			if (monitor.isCanceled()) {
				out.accept("cancelled");
				break;
			}
			org.wskstudio.wskl.pipeline.ScenarioResult file = loaded.scenarioFiles().get(f);
			if (file.allForOtherDrivers()) {
				out.accept("skipped " + scenarioFile.getFullPath() + ": its scenarios are for "
						+ String.join(", ", new TreeSet<>(file.otherDrivers())) + ", not for " + base.driver().getName());
				continue;
			}
			for (Issue issue : file.issues()) {
				if (issue.getSeverity() == Severity.ERROR || issue.getSeverity() == Severity.WARNING) {
					out.accept(line(scenarioFile, issue));
				}
			}
			if (file.hasErrors()) {
				out.accept("skipped " + scenarioFile.getFullPath() + " (errors)");
				continue;
			}
			for (Scenario s : file.scenarios()) {
				monitor.subTask("scenario " + s.getName());
				TargetSweep sweep;
				try {
					org.wskstudio.wsk.sim.scenario.Scenario simScenario = new ScenarioTranslator().translate(s);
					if (seed != null) {
						simScenario.seed(seed);
					}
					sweep = runner.sweep(simScenario, null);
				} catch (RuntimeException e) {
					out.accept("scenario " + s.getName() + ": error: " + e.getMessage());
					continue;
				}
				ICompositeNode node = NodeModelUtils.getNode(s);
				int line = node == null ? 1 : node.getStartLine();
				List<Integer> connectLines = new ArrayList<>();
				for (org.wskstudio.wskl.wsks.Step step : s.getSteps()) {
					if (step instanceof org.wskstudio.wskl.wsks.Connect) {
						ICompositeNode stepNode = NodeModelUtils.getNode(step);
						connectLines.add(stepNode == null ? line : stepNode.getStartLine());
					}
				}
				// a fault sweep's runs follow its unfailed run, each named by the allocation it fails
				for (TargetSweep.Run sweepRun : sweep.runs()) {
					String name = sweepRun.unfailed() ? s.getName() : s.getName() + " [" + sweepRun.label() + "]";
					SimulationRun run = new SimulationRun(name, sweepRun.result(), model, codeModel, scenarioFile, line,
							List.copyOf(connectLines));
					runs.add(run);
					if (sweepRun.unfailed() || !sweepRun.clean()) {
						out.accept("");
						out.accept(report(run));
					} else {
						out.accept("  " + s.getName() + " " + sweepRun.reportLine());
					}
				}
			}
		}
		out.accept("");
		long passed = runs.stream().filter(SimulationRun::passed).count();
		long violations = runs.stream().mapToLong(SimulationRun::violationCount).sum();
		long diverged = runs.stream().filter(r -> r.divergence() != null).count();
		out.accept(runs.size() + " runs: " + passed + " passed, " + (runs.size() - passed) + " failed, " + violations
				+ " rule violations" + (target == SimulationTarget.BOTH ? ", " + diverged + " diverged" : ""));
		return runs;
	}

	/** A problem as a console line: file:line:col: severity: message. */
	private static String line(IFile file, Issue issue) {
		return file.getFullPath() + ":" + issue.getLineNumber() + ":" + issue.getColumn() + ": "
				+ (issue.getSeverity() == Severity.ERROR ? "error" : "warning") + ": " + issue.getMessage();
	}

	/** How the console names a target. */
	static String describe(SimulationTarget target) {
		return switch (target) {
			case JAVA -> "the Java twin (compiled in memory)";
			case C -> "the C driver (built with gcc, AddressSanitizer and UBSan, run in its own process)";
			case BOTH -> "the C driver (built with gcc, AddressSanitizer and UBSan, run in its own process) and its Java "
					+ "twin, back to back";
		};
	}

	/**
	 * A run's report: where the scenario is and the target that ran, verdict, failed expectations,
	 * summary, requests and violations with model lines; for both targets, the C driver's report
	 * and whether the two agree, with the first divergence when they do not.
	 */
	public static String report(SimulationRun run) {
		StringBuilder sb = new StringBuilder();
		sb.append("== ").append(run.scenarioFile().getName()).append(':').append(run.scenarioLine()).append(" on the ")
				.append(run.target() == SimulationTarget.BOTH ? "Java twin" : run.targetLabel()).append('\n');
		sb.append(run.result().report().stripTrailing()).append('\n');
		sb.append("requests:\n");
		for (RequestRecord r : run.result().requests()) {
			sb.append("  #").append(r.index()).append(' ').append(r.spec().remote()).append(" -> ")
					.append(r.listener()).append(": ").append(r.outcome())
					.append(r.reason() == null || r.reason().isEmpty() ? "" : " (" + r.reason() + ")").append('\n');
		}
		violations(sb, run, run.result());
		if (run.target() == SimulationTarget.BOTH) {
			sb.append("== ").append(run.scenarioFile().getName()).append(':').append(run.scenarioLine())
					.append(" on the C driver\n");
			sb.append(run.targets().c().report().stripTrailing()).append('\n');
			violations(sb, run, run.targets().c());
			sb.append("back to back: ").append(run.comparison().equal() ? "" : "DIVERGED: ")
					.append(run.comparison().report().stripTrailing()).append('\n');
		}
		return sb.toString().stripTrailing();
	}

	private static void violations(StringBuilder sb, SimulationRun run, ScenarioResult result) {
		sb.append("violations: ").append(result.violations().size()).append('\n');
		for (Violation v : result.violations()) {
			sb.append("  ").append(v).append(" (").append(run.modelFile().getName()).append(':').append(run.lineOf(v))
					.append(")\n");
		}
	}

	private static Path path(IFile file) {
		File f = file.getLocation().toFile();
		return f.toPath();
	}

}

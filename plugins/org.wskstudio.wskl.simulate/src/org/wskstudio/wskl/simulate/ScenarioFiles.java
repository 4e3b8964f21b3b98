package org.wskstudio.wskl.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.pipeline.ScenarioResult;
import org.wskstudio.wskl.pipeline.WsklPipeline;
import org.wskstudio.wskl.pipeline.WsklPipeline.ModelSource;
import org.wskstudio.wskl.pipeline.WsklPipeline.Simulation;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wsks.Scenario;

/**
 * WSKS scenario files for the simulator, through the language's {@link WsklPipeline}: a model
 * together with its scenario files in one resource set (a scenario names its driver, the
 * driver's listeners and checks), and the scenario files' problems as lines to print.
 */
public final class ScenarioFiles {

	/** A problem of a scenario file: where, how bad, what. */
	public record Problem(String file, int line, int column, boolean error, String message) {
		@Override
		public String toString() {
			return file + ":" + line + ":" + column + ": " + (error ? "error" : "warning") + ": " + message;
		}
	}

	/**
	 * A scenario file's errors and warnings as the pipeline reports them (for a caller that words
	 * them its own way, as the command line does), the file named as given.
	 */
	public record FileIssues(String file, List<Issue> issues) {
	}

	/** The model's driver, the scenarios in file order, and each scenario file's errors and warnings. */
	public record Loaded(Driver driver, List<Scenario> scenarios, List<FileIssues> files) {
		public boolean hasErrors() {
			return driver == null || problems().stream().anyMatch(Problem::error);
		}

		/** The scenario files' problems, file by file. */
		public List<Problem> problems() {
			return files.stream().flatMap(f -> ScenarioFiles.problems(f.issues(), f.file()).stream()).toList();
		}
	}

	private ScenarioFiles() {
	}

	/**
	 * Loads the model and the scenario files through the language's pipeline (scenarios resolve
	 * against the model); file names in problems are as given. The model's own problems are the
	 * caller's, who loaded it first.
	 */
	public static Loaded load(Path model, List<Path> scenarioFiles) {
		Simulation simulation;
		try {
			simulation = WsklPipeline.standalone().simulation(model, scenarioFiles);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Scenario> scenarios = new ArrayList<>();
		List<FileIssues> files = new ArrayList<>();
		for (int i = 0; i < scenarioFiles.size(); i++) {
			ScenarioResult file = simulation.scenarioFiles().get(i);
			files.add(new FileIssues(scenarioFiles.get(i).toString(), reported(file.issues())));
			scenarios.addAll(file.scenarios());
		}
		return new Loaded(simulation.model().driver(), List.copyOf(scenarios), List.copyOf(files));
	}

	/**
	 * Validates a scenario text against the given models, or with none given against the models
	 * in its folder (the pipeline's rule, as in the editor and the simulation launch): its errors
	 * and warnings as the pipeline reports them. The models' own problems are not reported.
	 */
	public static List<Issue> check(Path scenario, String text, List<Path> models) throws IOException {
		List<ModelSource> sources = new ArrayList<>();
		for (Path model : models) {
			sources.add(new ModelSource(WsklPipeline.uri(model), WsklPipeline.read(model)));
		}
		ScenarioResult result = WsklPipeline.standalone().scenario(WsklPipeline.uri(scenario), text, sources,
				CancelIndicator.NullImpl);
		return reported(result.issues());
	}

	/** The errors and warnings among the pipeline's issues. */
	private static List<Issue> reported(List<Issue> issues) {
		return issues.stream()
				.filter(issue -> issue.getSeverity() == Severity.ERROR || issue.getSeverity() == Severity.WARNING)
				.toList();
	}

	private static List<Problem> problems(List<Issue> issues, String name) {
		return issues.stream().map(issue -> new Problem(name, positive(issue.getLineNumber()),
				positive(issue.getColumn()), issue.getSeverity() == Severity.ERROR, issue.getMessage())).toList();
	}

	private static int positive(Integer value) {
		return value == null || value < 1 ? 1 : value;
	}
}

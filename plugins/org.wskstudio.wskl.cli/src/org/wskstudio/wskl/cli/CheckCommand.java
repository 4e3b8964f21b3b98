package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.wskstudio.wskl.simulate.ScenarioFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wskl check FILE...}: validates each model ({@code .wskl}) and scenario file
 * ({@code .wsks}, against the models in its folder, as the editor does) and prints the problems
 * and a summary on standard output.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Validates WSKL models and WSKS scenario files and prints their problems.",
				"A scenario file is checked against the .wskl models in its folder (the driver, listeners and checks "
						+ "it names), or against the models given with --model. Each problem is one line, FILE:LINE:COL: SEVERITY: MESSAGE, sorted by file, line and "
						+ "column; a summary line follows. Exits with 1 if there is any error; warnings alone exit with 0." })
final class CheckCommand implements Callable<Integer> {

	static final String SCENARIO_EXTENSION = ".wsks";

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "the .wskl and .wsks files to check")
	List<String> files;

	@Option(names = { "-m", "--model" }, paramLabel = "MODEL",
			description = "check the scenario files against this .wskl model (repeatable) instead of the models in their folder")
	List<Path> models = new ArrayList<>();

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		ModelLoader loader = new ModelLoader();
		List<Problem> problems = new ArrayList<>();
		LinkedHashSet<String> unique = new LinkedHashSet<>(files);
		boolean modelsReadable = true;
		for (Path model : models) {
			InputFiles.Input input = InputFiles.read(model.toString(), List.of(ModelLoader.EXTENSION));
			if (!input.ok()) {
				problems.add(input.problem());
				modelsReadable = false;
			}
		}
		for (String file : unique) {
			problems.addAll(check(loader, file, modelsReadable));
		}
		int errors = ProblemPrinter.print(out, problems);
		out.println(ProblemPrinter.summary(unique.size(), problems));
		out.flush();
		return errors > 0 ? WsklCli.EXIT_PROBLEMS : 0;
	}

	private List<Problem> check(ModelLoader loader, String file, boolean modelsReadable) {
		if (file.endsWith(SCENARIO_EXTENSION)) {
			return checkScenario(file, modelsReadable);
		}
		if (file.endsWith(ModelLoader.EXTENSION)) {
			return loader.load(file).problems();
		}
		// neither: says which files check takes (or that the file is missing)
		return List.of(InputFiles.read(file, List.of(ModelLoader.EXTENSION, SCENARIO_EXTENSION)).problem());
	}

	private List<Problem> checkScenario(String file, boolean modelsReadable) {
		InputFiles.Input input = InputFiles.read(file, List.of(SCENARIO_EXTENSION));
		if (!input.ok()) {
			return List.of(input.problem());
		}
		if (!modelsReadable) {
			return List.of(); // the --model that cannot be read is reported; its names cannot be resolved
		}
		try {
			return ModelLoader.problems(file, ScenarioFiles.check(input.path(), input.text(), models));
		} catch (IOException | RuntimeException e) {
			return List.of(new Problem(file, 1, 1, Problem.Severity.ERROR, "cannot check: " + ModelLoader.reason(e)));
		}
	}
}

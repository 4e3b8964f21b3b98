package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.WskCodeGenerator;
import org.wskstudio.wsk.generator.WskGenerators;
import org.wskstudio.wsk.model.WskDriver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wskl generate --target c FILE... -o DIR}: validates, then writes the generated files all or nothing. */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Generates code from WSKL files into DIR.",
				"All files are validated first: any error stops the run with exit code 1 and nothing is written. "
						+ "The files are written to a temporary folder next to DIR, then moved into place, and their "
						+ "paths are printed. Files of DIR that this run does not generate are left alone." })
final class GenerateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = { "-t", "--target" }, required = true, paramLabel = "TARGET",
			completionCandidates = GenerateCommand.Targets.class,
			description = "what to generate, one of: ${COMPLETION-CANDIDATES} (c: the driver's .h and .c, the "
					+ "deferred-check hooks <prefix>_checks.c, wsk_decls.h, netio.def and the makefile <prefix>.mk; "
					+ "java: the Java twin that the simulator runs)")
	String target;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "the output folder (created when missing)")
	String output;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "the .wskl files")
	List<String> files;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (WskGenerators.forTarget(target).isEmpty()) {
			throw new ParameterException(spec.commandLine(), "Unknown target '" + target + "'; known targets: "
					+ String.join(", ", WskGenerators.targets()));
		}
		Path dir = WsklCli.outputPath(spec.commandLine(), "--output", output);

		ModelLoader loader = new ModelLoader();
		List<LoadedModel> models = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (String file : new LinkedHashSet<>(files)) {
			LoadedModel model = loader.load(file);
			models.add(model);
			problems.addAll(model.problems());
		}
		if (models.stream().anyMatch(LoadedModel::hasErrors)) {
			ProblemPrinter.print(err, problems);
			err.println("nothing generated");
			return WsklCli.EXIT_PROBLEMS;
		}

		WskCodeGenerator generator = WskGenerators.create(target);
		Map<String, GeneratedFile> generated = new LinkedHashMap<>();
		Map<String, String> producedBy = new LinkedHashMap<>();
		for (LoadedModel model : models) {
			Optional<WskDriver> driver = loader.codeModel(model);
			if (driver.isEmpty()) {
				continue;
			}
			List<GeneratedFile> files;
			try {
				files = generator.generate(driver.get());
			} catch (RuntimeException e) {
				problems.add(Problem.fileError(model.file(),
						"the " + target + " generator failed: " + ModelLoader.reason(e)));
				continue;
			}
			for (GeneratedFile file : files) {
				// several drivers may share a file (e.g. common declarations) if it is the same
				GeneratedFile earlier = generated.putIfAbsent(file.path(), file);
				if (earlier != null && !earlier.content().equals(file.content())) {
					problems.add(Problem.fileError(model.file(), "generates " + file.path() + ", which "
							+ producedBy.get(file.path()) + " generates with other content"));
				}
				producedBy.putIfAbsent(file.path(), model.file());
			}
		}
		ProblemPrinter.print(err, problems);
		if (problems.stream().anyMatch(Problem::isError)) {
			err.println("nothing generated");
			return WsklCli.EXIT_PROBLEMS;
		}

		try {
			for (Path written : AtomicOutput.write(dir, List.copyOf(generated.values()))) {
				out.println(written);
			}
		} catch (IOException | RuntimeException e) {
			ProblemPrinter.print(err, List.of(Problem.fileError(output, "cannot write the output: " + ModelLoader.reason(e))));
			err.println("nothing generated");
			return WsklCli.EXIT_PROBLEMS;
		}
		out.flush();
		return 0;
	}

	/** The target names for picocli's help ({@code ${COMPLETION-CANDIDATES}}). */
	static final class Targets implements Iterable<String> {
		@Override
		public Iterator<String> iterator() {
			return WskGenerators.targets().iterator();
		}
	}
}

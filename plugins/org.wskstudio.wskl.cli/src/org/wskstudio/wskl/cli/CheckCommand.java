package org.wskstudio.wskl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wskl check FILE...}: validates each file and prints its problems and a summary on standard output. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Validates WSKL files and prints their problems.",
				"Each problem is one line, FILE:LINE:COL: SEVERITY: MESSAGE, sorted by file, line and column; "
						+ "a summary line follows. Exits with 1 if there is any error; warnings alone exit with 0." })
final class CheckCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "the .wskl files to check")
	List<String> files;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		ModelLoader loader = new ModelLoader();
		List<Problem> problems = new ArrayList<>();
		LinkedHashSet<String> unique = new LinkedHashSet<>(files);
		for (String file : unique) {
			problems.addAll(loader.load(file).problems());
		}
		int errors = ProblemPrinter.print(out, problems);
		out.println(ProblemPrinter.summary(unique.size(), problems));
		out.flush();
		return errors > 0 ? WsklCli.EXIT_PROBLEMS : 0;
	}
}

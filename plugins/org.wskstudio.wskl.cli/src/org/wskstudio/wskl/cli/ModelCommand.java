package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.wskstudio.wsk.model.WskDriver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wskl model FILE [--format xmi|dump]}: prints the WSK code model of a valid file. */
@Command(name = "model", mixinStandardHelpOptions = true,
		description = { "Prints the WSK code model of a WSKL file, as XMI or as a readable dump.",
				"A file with errors is refused: its problems go to standard error and the exit code is 1." })
final class ModelCommand implements Callable<Integer> {

	enum Format {
		xmi, dump
	}

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE", description = "the .wskl file")
	String file;

	@Option(names = { "-f", "--format" }, paramLabel = "FORMAT", defaultValue = "xmi",
			description = "xmi (EMF XMI) or dump (indented text) (default: ${DEFAULT-VALUE})")
	Format format;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ModelLoader loader = new ModelLoader();
		LoadedModel model = loader.load(file);
		List<Problem> problems = new ArrayList<>(model.problems());
		if (model.hasErrors()) {
			ProblemPrinter.print(err, problems);
			return WsklCli.EXIT_PROBLEMS;
		}
		Optional<WskDriver> driver = loader.codeModel(model);
		ProblemPrinter.print(err, problems);
		if (driver.isEmpty()) {
			return WsklCli.EXIT_PROBLEMS;
		}
		if (format == Format.dump) {
			out.print(ModelDump.dump(driver.get()));
		} else {
			try {
				out.print(XmiWriter.toXmi(driver.get(), file));
			} catch (IOException e) {
				ProblemPrinter.print(err, List.of(Problem.fileError(file, "cannot write the model as XMI: " + ModelLoader.reason(e))));
				return WsklCli.EXIT_PROBLEMS;
			}
		}
		out.flush();
		return 0;
	}
}

package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.WskGenerators;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wskl.simulate.ScenarioFiles;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.TargetSweep;
import org.wskstudio.wskl.wsks.Scenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wskl demo [-o DIR]}: the whole tool on its richest example, examples/dual_stack.wskl
 * (two listeners, dual stack, conditional accept with a deferred check and a timeout, event and
 * reused-IRP accept): C and Java generated, the scenarios simulated, the first scenario's trace
 * and sequence diagram written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Shows WSK Studio on examples/dual_stack.wskl: generates its C driver and its Java twin, runs "
				+ "its scenarios (examples/dual_stack.wsks) in the WSK runtime simulator, and writes the first "
				+ "scenario's trace (trace.jsonl) and sequence diagram (timeline.svg) into DIR.",
				"Run it from the repository (the example is looked up in ./examples, then next to the jar)." })
final class DemoCommand implements Callable<Integer> {

	static final String EXAMPLE = "examples/dual_stack.wskl";

	@Spec
	CommandSpec spec;

	@Option(names = { "-o", "--output" }, paramLabel = "DIR", defaultValue = "out/demo",
			description = "the output folder (default: ${DEFAULT-VALUE})")
	String output;

	@Option(names = "--model", paramLabel = "FILE", hidden = true, description = "another model (with FILE.wsks beside it)")
	String modelOption;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Path dir = WsklCli.outputPath(spec.commandLine(), "--output", output);
		Optional<Path> found = modelOption != null ? Optional.of(Path.of(modelOption)) : findExample();
		if (found.isEmpty() || !Files.isRegularFile(found.get())) {
			err.println("wskl demo: error: cannot find " + (modelOption != null ? modelOption : EXAMPLE)
					+ "; run the demo from the repository");
			return WsklCli.EXIT_PROBLEMS;
		}
		Path model = found.get();
		String base = model.getFileName().toString().replaceFirst("\\.wskl$", "");
		Path scenarioFile = model.resolveSibling(base + ".wsks");

		ModelLoader loader = new ModelLoader();
		LoadedModel loaded = loader.load(model.toString());
		List<Problem> problems = new ArrayList<>(loaded.problems());
		Optional<WskDriver> driver = loaded.hasErrors() ? Optional.empty() : loader.codeModel(loaded);
		if (driver.isEmpty()) {
			ProblemPrinter.print(err, problems);
			return WsklCli.EXIT_PROBLEMS;
		}
		out.println("WSK Studio demo: " + model + " (driver " + driver.get().getName() + ")");
		try {
			List<Path> c = AtomicOutput.write(dir.resolve("c"), WskGenerators.create("c").generate(driver.get()));
			List<GeneratedFile> javaFiles = WskGenerators.create("java").generate(driver.get());
			List<Path> java = AtomicOutput.write(dir.resolve("java"), javaFiles);
			out.println("C driver:    " + String.join(", ", c.stream().map(Path::toString).toList()));
			out.println("Java driver: " + String.join(", ", java.stream().map(Path::toString).toList()));

			List<ScenarioResult> results = new ArrayList<>();
			boolean sweepsOk = true;
			if (Files.isRegularFile(scenarioFile)) {
				ScenarioFiles.Loaded scenarios = ScenarioFiles.load(model, List.of(scenarioFile));
				ProblemPrinter.print(err, ModelLoader.problems(scenarios));
				if (scenarios.hasErrors()) {
					return WsklCli.EXIT_PROBLEMS;
				}
				TargetRunner runner = DemoTargets.runner(driver.get(), err);
				out.println("simulating " + scenarios.scenarios().size() + " scenario(s) of " + scenarioFile
						+ DemoTargets.describe(runner.target()) + ":");
				boolean agree = true;
				for (Scenario s : scenarios.scenarios()) {
					TargetSweep sweep = runner.sweep(s);
					TargetResult t = sweep.unfailed().result();
					ScenarioResult r = t.primary();
					results.add(r);
					if (t.c() != null) {
						results.add(t.c());
					}
					out.println("  " + s.getName() + ": " + (t.passed() ? "PASSED" : "FAILED") + " ("
							+ r.summary().requests() + " requests, " + r.summary().accepted() + " accepted, "
							+ r.violations().size() + " violations" + DemoTargets.comparison(t) + ")");
					for (String f : r.failedExpectations()) {
						out.println("    failed expectation: " + f);
					}
					if (t.comparison() != null && !t.comparison().equal()) {
						agree = false;
						out.println("    " + t.comparison().report().replace("\n", "\n    "));
					}
					SimulationOutput.sweep(out, sweep);
					sweepsOk &= sweep.failedAllocationRuns().stream().allMatch(TargetSweep.Run::clean);
					agree &= sweep.failedAllocationRuns().stream()
							.allMatch(run -> run.result().comparison() == null || run.result().comparison().equal());
				}
				if (runner.target() == SimulationTarget.BOTH) {
					out.println(agree ? "the C driver and its Java twin agree on every scenario, event for event"
							: "the C driver and its Java twin DIVERGE (see above)");
				}
			}
			if (!results.isEmpty()) {
				ScenarioResult first = results.get(0);
				Path trace = dir.resolve("trace.jsonl");
				Path svg = dir.resolve("timeline.svg");
				SimulationOutput.writeJsonLines(trace, first);
				SimulationOutput.writeSvg(svg, first);
				out.println();
				SimulationOutput.report(out, "scenario " + first.scenario(), first);
				out.println();
				out.println("trace of scenario " + first.scenario() + ": " + trace + " (JSON lines, "
						+ first.trace().events().size() + " events)");
				out.println("the picture:  " + svg + " (a sequence diagram: open it in a browser)");
			}
			out.println("the code:     " + dir.resolve("c") + " (C for the WDK), " + dir.resolve("java")
					+ " (its Java twin for the simulator)");
			return SimulationOutput.ok(results) && sweepsOk ? 0 : WsklCli.EXIT_PROBLEMS;
		} catch (IOException | RuntimeException e) {
			err.println("wskl demo: error: " + ModelLoader.reason(e));
			return WsklCli.EXIT_PROBLEMS;
		}
	}

	/** ./examples/dual_stack.wskl, else the repository holding the runnable jar (releng/.../target/wskl.jar). */
	private static Optional<Path> findExample() {
		Path here = Path.of(EXAMPLE);
		if (Files.isRegularFile(here)) {
			return Optional.of(here);
		}
		try {
			var location = DemoCommand.class.getProtectionDomain().getCodeSource();
			if (location != null) {
				Path p = Path.of(location.getLocation().toURI()).toAbsolutePath();
				for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
					Path candidate = dir.resolve(EXAMPLE);
					if (Files.isRegularFile(candidate)) {
						return Optional.of(candidate);
					}
				}
			}
		} catch (URISyntaxException | RuntimeException e) {
			// not from a file: no fallback
		}
		return Optional.empty();
	}
}

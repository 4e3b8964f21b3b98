package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.TargetSweep;
import org.wskstudio.wskl.simulate.host.HostBuildException;
import org.wskstudio.wskl.simulate.host.HostCompiler;
import org.wskstudio.wskl.simulate.ScenarioFiles;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.simulate.compile.DriverCompileException;
import org.wskstudio.wskl.wsks.Scenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wskl simulate MODEL [SCENARIO...] [--random N] [--seed N] [--trace F.jsonl] [--svg F.svg]}:
 * generates the model's Java driver, compiles it in memory and runs it in the WSK runtime
 * simulator against WSKS scenarios and/or a seeded random load.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
		description = { "Runs a WSKL model's generated Java driver in the WSK runtime simulator.",
				"Without SCENARIO files and without --random it runs the scenario file next to the model with the same "
						+ "base name (examples/x.wskl -> examples/x.wsks). With --random N it also runs N seeded random "
						+ "connection requests (remote addresses from the inspect rules' ranges and outside them, with "
						+ "client drops and allocation failures); with --random and no SCENARIO only the random run.",
				"Prints each run's report (verdict, failed expectations, violations naming model elements, counts) and a "
						+ "summary; -v also prints each run's events. Exit code 1 on any rule violation or failed "
						+ "expectation." })
final class SimulateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "MODEL", description = "the .wskl model")
	String model;

	@Parameters(index = "1..*", arity = "0..*", paramLabel = "SCENARIO", description = "the .wsks scenario files")
	List<String> scenarios = new ArrayList<>();

	@Option(names = "--random", paramLabel = "N", description = "also run N seeded random connection requests")
	Integer random;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the random run (default: ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--drops", paramLabel = "P", defaultValue = "0.05",
			description = "random run: probability that a client drops its request (default: ${DEFAULT-VALUE})")
	double drops;

	@Option(names = "--alloc-failures", paramLabel = "P", defaultValue = "0.001",
			description = "random run: probability that an IoAllocateIrp or ExAllocatePoolWithTag fails (default: ${DEFAULT-VALUE})")
	double allocationFailures;

	@Option(names = "--trace", paramLabel = "F.jsonl",
			description = "write the trace as JSON lines (several runs: F.<run>.jsonl each)")
	String trace;

	@Option(names = "--svg", paramLabel = "F.svg",
			description = "write the SVG sequence diagram (several runs: F.<run>.svg each)")
	String svg;

	@Option(names = { "-v", "--verbose" }, description = "print every run's events")
	boolean verbose;

	@picocli.CommandLine.Mixin
	TargetOutput.Options targetOptions = new TargetOutput.Options();

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (random != null && random < 1) {
			throw new ParameterException(spec.commandLine(), "--random needs a positive number of requests");
		}
		if (drops < 0 || drops > 1 || allocationFailures < 0 || allocationFailures > 1) {
			throw new ParameterException(spec.commandLine(), "probabilities go from 0 to 1");
		}
		SimulationTarget target;
		try {
			target = targetOptions.target();
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage());
		}
		if (targetOptions.cSource != null && !target.runsC()) {
			throw new ParameterException(spec.commandLine(), "--c-source needs --target c or both");
		}
		Path tracePath = path(trace, "--trace");
		Path svgPath = path(svg, "--svg");

		ModelLoader loader = new ModelLoader();
		LoadedModel loaded = loader.load(model);
		List<Problem> problems = new ArrayList<>(loaded.problems());
		if (loaded.hasErrors()) {
			ProblemPrinter.print(err, problems);
			err.println("nothing simulated");
			return WsklCli.EXIT_PROBLEMS;
		}
		Optional<WskDriver> codeModel = loader.codeModel(loaded);
		ProblemPrinter.print(err, problems);
		if (codeModel.isEmpty()) {
			err.println("nothing simulated");
			return WsklCli.EXIT_PROBLEMS;
		}

		List<Path> scenarioFiles = new ArrayList<>();
		for (String s : scenarios) {
			scenarioFiles.add(path(s, "SCENARIO"));
		}
		if (scenarioFiles.isEmpty() && random == null) {
			Path modelPath = Path.of(model);
			String name = modelPath.getFileName().toString();
			Path sibling = modelPath.resolveSibling(name.substring(0, name.length() - ModelLoader.EXTENSION.length()) + ".wsks");
			if (!Files.isRegularFile(sibling)) {
				err.println("wskl simulate: error: no scenario: " + sibling + " does not exist; give SCENARIO files or --random N");
				return WsklCli.EXIT_PROBLEMS;
			}
			scenarioFiles.add(sibling);
		}
		for (Path f : scenarioFiles) {
			if (!Files.isRegularFile(f)) {
				err.println(f + ":1:1: error: no such file");
				err.println("nothing simulated");
				return WsklCli.EXIT_PROBLEMS;
			}
		}

		List<Scenario> toRun = List.of();
		if (!scenarioFiles.isEmpty()) {
			ScenarioFiles.Loaded files = ScenarioFiles.load(Path.of(model), scenarioFiles);
			files.problems().forEach(err::println);
			if (files.hasErrors()) {
				err.println("nothing simulated");
				return WsklCli.EXIT_PROBLEMS;
			}
			toRun = files.scenarios();
		}

		TargetRunner runner;
		try {
			runner = new TargetRunner(codeModel.get(), target, new SimConfig(), targetOptions.cSources());
		} catch (DriverCompileException | HostBuildException | IllegalArgumentException e) {
			err.println("wskl simulate: error: " + e.getMessage());
			return WsklCli.EXIT_PROBLEMS;
		}
		out.println("simulating " + model + " (driver " + codeModel.get().getName()
				+ (target.runsJava() ? ", Java driver " + runner.javaRunner().javaFiles().get(0).path() + " compiled in memory" : "")
				+ (target.runsC() ? ", C driver (" + runner.cTarget().sources().origin() + ") built with gcc "
						+ String.join(" ", HostCompiler.FLAGS.subList(1, 5)) : "") + ")");
		List<ScenarioResult> results = new ArrayList<>();
		boolean sweepsOk = true;
		for (Scenario s : toRun) {
			TargetSweep sweep;
			try {
				sweep = runner.sweep(s);
			} catch (IllegalArgumentException e) {
				err.println("wskl simulate: error: " + e.getMessage());
				return WsklCli.EXIT_PROBLEMS;
			}
			TargetResult r = sweep.unfailed().result();
			out.println();
			if (verbose) {
				out.println("scenario " + s.getName() + " events:");
				SimulationOutput.trace(out, r.primary());
			}
			TargetOutput.report(out, "scenario " + s.getName() + " (" + where(s) + ")", r, results);
			diverged |= r.comparison() != null && !r.comparison().equal();
			SimulationOutput.sweep(out, sweep);
			sweepsOk &= sweep.failedAllocationRuns().stream().allMatch(TargetSweep.Run::clean);
		}
		if (random != null) {
			RandomRun settings = new RandomRun(random, seed, drops, allocationFailures, allocationFailures);
			long start = System.nanoTime();
			TargetResult r = runner.runRandom(settings, progress(err, random));
			out.println();
			if (verbose) {
				out.println("random run events:");
				SimulationOutput.trace(out, r.primary());
			}
			TargetOutput.report(out, "random run of " + random + " requests, seed " + seed, r, results);
			diverged |= r.comparison() != null && !r.comparison().equal();
			if (random >= 10_000) {
				err.printf(java.util.Locale.ROOT, "wskl simulate: %d requests simulated in %.1f s%n", random, (System.nanoTime() - start) / 1e9);
			}
		}
		out.println();
		SimulationOutput.summary(out, results);
		try {
			for (ScenarioResult r : results) {
				if (tracePath != null) {
					Path f = SimulationOutput.fileFor(tracePath, results.size(), r.scenario());
					SimulationOutput.writeJsonLines(f, r);
					out.println("trace: " + f);
				}
				if (svgPath != null) {
					Path f = SimulationOutput.fileFor(svgPath, results.size(), r.scenario());
					SimulationOutput.writeSvg(f, r);
					out.println("sequence diagram: " + f);
				}
			}
		} catch (IOException | RuntimeException e) {
			err.println("wskl simulate: error: cannot write the output: " + ModelLoader.reason(e));
			return WsklCli.EXIT_PROBLEMS;
		}
		out.flush();
		return SimulationOutput.ok(results) && !diverged && sweepsOk ? 0 : WsklCli.EXIT_PROBLEMS;
	}

	private boolean diverged;

	private Path path(String value, String what) {
		if (value == null) {
			return null;
		}
		try {
			return Path.of(value);
		} catch (InvalidPathException e) {
			throw new ParameterException(spec.commandLine(), "Invalid " + what + " '" + value + "': " + e.getReason());
		}
	}

	private static String where(Scenario s) {
		var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(s);
		String file = s.eResource() != null ? s.eResource().getURI().lastSegment() : "?";
		return node == null ? file : file + ":" + node.getStartLine();
	}

	/** Progress of long random runs on stderr, one line per tenth. */
	private static SimulationRunner.Progress progress(PrintWriter err, int requests) {
		if (requests < 10_000) {
			return null;
		}
		long step = Math.max(1, requests / 10);
		long[] next = { step };
		return (phase, done, total) -> {
			if (!phase.equals("simulating")) {
				return;
			}
			if (done >= next[0]) {
				err.printf(java.util.Locale.ROOT, "wskl simulate: %,d of %,d requests decided%n", done, total);
				err.flush();
				while (next[0] <= done) {
					next[0] += step;
				}
			}
		};
	}
}

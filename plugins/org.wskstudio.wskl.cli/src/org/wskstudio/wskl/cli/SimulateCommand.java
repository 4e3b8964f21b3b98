package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
import org.wskstudio.wskl.simulate.compile.DriverCompileException;
import org.wskstudio.wskl.simulate.soak.SoakProgress;
import org.wskstudio.wskl.simulate.soak.SoakResult;
import org.wskstudio.wskl.simulate.soak.SoakRunner;
import org.wskstudio.wskl.simulate.soak.SoakSettings;
import org.wskstudio.wskl.simulate.soak.SoakTraces;
import org.wskstudio.wskl.wsks.Scenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wskl simulate MODEL [SCENARIO...] [--random N] [--seed N] [--jobs N] [--shard-size N] [--trace F.jsonl] [--svg F.svg]}:
 * generates the model's Java driver (compiled in memory) and/or its C driver (built for this host)
 * and runs it in the WSK runtime simulator against WSKS scenarios and/or a seeded random load.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
		description = { "Runs a WSKL model's generated driver (its Java twin, or with --target the C driver or both) "
				+ "in the WSK runtime simulator.",
				"Without SCENARIO files and without --random it runs the scenario file next to the model with the same "
						+ "base name (examples/x.wskl -> examples/x.wsks). With --random N it also runs N seeded random "
						+ "connection requests (remote addresses from the inspect rules' ranges and outside them, with "
						+ "client drops and allocation failures); with --random and no SCENARIO only the random run.",
				"A random run is a soak in shards of --shard-size requests (each one driver lifetime with a seed of its "
						+ "own), run on --jobs threads in bounded memory: the trace is written shard by shard as they finish, "
						+ "the summary counted as they go, and the same seed gives the same bytes for any --jobs. On a "
						+ "terminal a progress line shows the rate and the time left.",
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

	@Option(names = "--random", paramLabel = "N", description = "also run N seeded random connection requests (with no SCENARIO: only them)")
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

	@Option(names = "--jobs", paramLabel = "N",
			description = "random run: run its shards on N threads (default: the number of cores, here ${DEFAULT-VALUE}); "
					+ "the results do not depend on N")
	int jobs = Runtime.getRuntime().availableProcessors();

	@Option(names = "--shard-size", paramLabel = "N",
			description = "random run: requests per shard, one driver lifetime each with its own seed; memory is "
					+ "bounded by it (default: ${DEFAULT-VALUE})")
	int shardSize = SoakSettings.DEFAULT_SHARD_SIZE;

	@Option(names = { "-q", "--quiet" }, description = "no progress line and no timing on stderr")
	boolean quiet;

	@picocli.CommandLine.Mixin
	TargetOutput.Options targetOptions = new TargetOutput.Options();

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (random != null && random < 1) {
			throw new ParameterException(spec.commandLine(), "--random needs a positive number of requests");
		}
		if (jobs < 1 || shardSize < 1) {
			throw new ParameterException(spec.commandLine(), "--jobs and --shard-size need a positive number");
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
		Path tracePath = WsklCli.outputPath(spec.commandLine(), "--trace", trace);
		Path svgPath = WsklCli.outputPath(spec.commandLine(), "--svg", svg);
		for (Path file : new Path[] { tracePath, svgPath }) {
			if (file != null && Files.isDirectory(file)) {
				throw new ParameterException(spec.commandLine(), (file == tracePath ? "--trace " : "--svg ") + file
						+ " is a folder: give the name of the file to write");
			}
		}

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
			scenarioFiles.add(WsklCli.path(spec.commandLine(), "SCENARIO", s));
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
		// missing, a folder, not .wsks, binary: said as check says it, before anything is parsed
		List<Problem> unreadable = scenarioFiles.stream()
				.map(f -> InputFiles.read(f.toString(), List.of(CheckCommand.SCENARIO_EXTENSION)))
				.filter(input -> !input.ok()).map(InputFiles.Input::problem).toList();
		if (!unreadable.isEmpty()) {
			ProblemPrinter.print(err, unreadable);
			err.println("nothing simulated");
			return WsklCli.EXIT_PROBLEMS;
		}

		List<Scenario> toRun = List.of();
		if (!scenarioFiles.isEmpty()) {
			ScenarioFiles.Loaded files = ScenarioFiles.load(Path.of(model), scenarioFiles);
			ProblemPrinter.print(err, ModelLoader.problems(files));
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
		List<ScenarioResult> soakResults = new ArrayList<>();
		List<String> soakFiles = new ArrayList<>();
		if (random != null) {
			Integer exit = soak(runner, target, tracePath, toRun.size() + 1, results, soakResults, soakFiles, out, err);
			if (exit != null) {
				return exit;
			}
		}
		out.println();
		SimulationOutput.summary(out, results);
		try {
			soakFiles.forEach(f -> out.println("trace: " + f));
			for (ScenarioResult r : results) {
				boolean soak = soakResults.stream().anyMatch(x -> x == r);
				if (tracePath != null && !soak) {
					Path f = SimulationOutput.fileFor(tracePath, results.size(), r.scenario());
					SimulationOutput.writeJsonLines(f, r);
					out.println("trace: " + f);
				}
				if (svgPath != null) {
					Path f = SimulationOutput.fileFor(svgPath, results.size(), r.scenario());
					SimulationOutput.writeSvg(f, r);
					out.println("sequence diagram: " + f + (soak && soakShards > 1 ? " (shard " + (soakWindow + 1) + " of "
							+ soakShards + ", the first " + SimulationOutput.SVG_ROWS + " rows at most)" : ""));
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

	private static String where(Scenario s) {
		var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(s);
		String file = s.eResource() != null ? s.eResource().getURI().lastSegment() : "?";
		return node == null ? file : file + ":" + node.getStartLine();
	}

	private int soakShards;
	private int soakWindow;

	/**
	 * The random run as a soak in shards ({@link SoakRunner}) on {@code --jobs} threads, its traces
	 * streamed to the trace file(s) (the Java twin's at the run's trace path, with both targets the
	 * C driver's beside it as {@code .c}); null when it ran, else the exit code.
	 */
	private Integer soak(TargetRunner runner, SimulationTarget target, Path tracePath, int runs, List<ScenarioResult> results,
			List<ScenarioResult> soakResults, List<String> soakFiles, PrintWriter out, PrintWriter err) {
		RandomRun run = new RandomRun(random, seed, drops, allocationFailures, allocationFailures);
		SoakSettings settings = new SoakSettings(run, jobs, shardSize);
		String name = "Random" + random + "Seed" + seed;
		Path javaTrace = null;
		Path cTrace = null;
		if (tracePath != null) {
			Path f = SimulationOutput.fileFor(tracePath, runs, name);
			javaTrace = target.runsJava() ? f : null;
			cTrace = target == SimulationTarget.C ? f : target == SimulationTarget.BOTH ? SimulationOutput.fileFor(f, 2, "c") : null;
		}
		SoakProgress progress = SoakProgress.wanted(random, quiet) ? new SoakProgress(err, System::nanoTime) : null;
		long start = System.nanoTime();
		SoakResult soak;
		try (SoakTraces traces = tracePath == null ? null : new SoakTraces(javaTrace, cTrace)) {
			soak = new SoakRunner(runner, settings).run(traces, progress);
			if (traces != null) {
				traces.commit();
			}
		} catch (IOException e) {
			if (progress != null) {
				progress.done();
			}
			err.println("wskl simulate: error: cannot write the trace: " + ModelLoader.reason(e));
			return WsklCli.EXIT_PROBLEMS;
		} catch (IllegalArgumentException e) {
			err.println("wskl simulate: error: " + e.getMessage());
			return WsklCli.EXIT_PROBLEMS;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (progress != null) {
			progress.done();
		}
		if (javaTrace != null) {
			soakFiles.add(javaTrace.toString());
		}
		if (cTrace != null) {
			soakFiles.add(cTrace.toString());
		}
		soakShards = soak.shards();
		soakWindow = soak.windowShard();
		TargetResult r = soak.result();
		out.println();
		if (verbose) {
			out.println("random run events" + (soak.shards() > 1 ? " (shard " + (soak.windowShard() + 1) + " of " + soak.shards() + ")" : "") + ":");
			SimulationOutput.trace(out, r.primary());
		}
		int before = results.size();
		TargetOutput.report(out, "random run of " + random + " requests, seed " + seed + " (" + soak.shards()
				+ " shard(s) of at most " + shardSize + ", " + soak.jobs() + " job(s))", r, results);
		soakResults.addAll(results.subList(before, results.size()));
		diverged |= r.comparison() != null && !r.comparison().equal();
		if (random >= 10_000 && !quiet) {
			err.printf(java.util.Locale.ROOT, "wskl simulate: %d requests simulated in %.1f s (%,.0f requests/s, %d job(s), %d shard(s))%n",
					random, seconds, random / seconds, soak.jobs(), soak.shards());
		}
		return null;
	}
}

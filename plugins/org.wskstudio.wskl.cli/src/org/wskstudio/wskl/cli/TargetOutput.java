package org.wskstudio.wskl.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.host.CSources;

import picocli.CommandLine.Option;

/**
 * The {@code --target} and {@code --c-source} options of {@code wskl simulate} and how a run on
 * a target is reported: per target the usual report, for both the comparison.
 */
final class TargetOutput {

	/** Mixed into SimulateCommand. */
	static final class Options {
		@Option(names = "--target", paramLabel = "java|c|both", defaultValue = "java",
				description = "the driver that runs: the generated Java twin (default), the C driver built for this host "
						+ "with AddressSanitizer and UndefinedBehaviorSanitizer (needs gcc), or both, compared back to back")
		String target;

		@Option(names = "--c-source", paramLabel = "DIR",
				description = "with --target c or both: run the C files of DIR (generated, then edited, e.g. the "
						+ "deferred-check hooks in <prefix>_checks.c) instead of generating them")
		String cSource;

		SimulationTarget target() {
			return SimulationTarget.parse(target);
		}

		/** The C to run, or null for the generated C. */
		CSources cSources() {
			if (cSource == null) {
				return null;
			}
			try {
				return CSources.directory(Path.of(cSource));
			} catch (InvalidPathException e) {
				throw new IllegalArgumentException("Invalid --c-source '" + cSource + "': " + e.getReason());
			}
		}
	}

	private TargetOutput() {
	}

	/** Prints the report(s) of one run and adds its results to {@code results}. */
	static void report(PrintWriter out, String title, TargetResult r, List<ScenarioResult> results) {
		switch (r.target()) {
			case JAVA -> SimulationOutput.report(out, title, r.java());
			case C -> SimulationOutput.report(out, title + " on the C driver", r.c());
			case BOTH -> {
				SimulationOutput.report(out, title + " on the Java twin", r.java());
				SimulationOutput.report(out, title + " on the C driver", r.c());
				out.println("  back to back: " + (r.comparison().equal() ? "" : "DIVERGED: ")
						+ r.comparison().report().replace("\n", "\n  "));
			}
		}
		if (r.java() != null) {
			results.add(r.java());
		}
		if (r.c() != null) {
			results.add(r.c());
		}
	}
}

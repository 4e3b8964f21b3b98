package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.trace.JsonLinesWriter;
import org.wskstudio.wsk.sim.trace.SvgSequenceWriter;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetSweep;

/** How {@code wskl simulate} and {@code wskl demo} show runs: reports, readable traces, the summary, trace files. */
final class SimulationOutput {

	/** Rows of the SVG sequence diagram at most. */
	static final int SVG_ROWS = 2000;

	private SimulationOutput() {
	}

	/** The simulator's report of one run, and every violation with the model element it names. */
	static void report(PrintWriter out, String title, ScenarioResult r) {
		out.println(title + ": " + (r.passed() ? "PASSED" : "FAILED"));
		for (String f : r.failedExpectations()) {
			out.println("  failed expectation: " + f.replace("\n", "\n  "));
		}
		for (Violation v : r.violations().stream().limit(20).toList()) {
			out.println("  violation: " + v);
		}
		if (r.violations().size() > 20) {
			out.println("  ... " + (r.violations().size() - 20) + " more violation(s)");
		}
		for (String line : r.summary().toString().split("\n")) {
			out.println("  " + line);
		}
	}

	/**
	 * The runs of a fault sweep after its unfailed run's report: one line per failed allocation
	 * point (which point, per target the verdict, outcomes and violations, for both whether the two
	 * agree) and what failed in each, with the divergence of a run where the targets differ.
	 */
	static void sweep(PrintWriter out, TargetSweep sweep) {
		if (sweep.runs().size() == 1) {
			return;
		}
		List<TargetSweep.Run> runs = sweep.failedAllocationRuns();
		TargetResult first = sweep.unfailed().result();
		out.println("  fault sweep: " + runs.size() + " failed-allocation run(s) (" + sweep.irpPoints()
				+ " IoAllocateIrp, " + sweep.poolPoints() + " ExAllocatePoolWithTag reached)" + switch (first.target()) {
					case JAVA -> "";
					case C -> " on the C driver";
					case BOTH -> " on the Java twin and the C driver, back to back";
				} + ": " + (runs.stream().allMatch(TargetSweep.Run::clean) ? "PASSED" : "FAILED"));
		for (TargetSweep.Run run : runs) {
			out.println("    " + run.reportLine());
			for (ScenarioResult r : java.util.Arrays.asList(run.result().java(), run.result().c())) {
				if (r == null) {
					continue;
				}
				for (String f : r.failedExpectations()) {
					out.println("      failed expectation: " + f.replace("\n", "\n      "));
				}
				for (Violation v : r.violations().stream().limit(5).toList()) {
					out.println("      violation: " + v);
				}
			}
			if (run.result().comparison() != null && !run.result().comparison().equal()) {
				out.println("      " + run.result().comparison().report().replace("\n", "\n      "));
			}
		}
	}

	/** The run's events, one line each: time, arrow, call or callback, model element, details, result. */
	static void trace(PrintWriter out, ScenarioResult r) {
		for (TraceEvent e : r.trace().events()) {
			StringBuilder sb = new StringBuilder("    ");
			String time = VirtualTime.format(e.time());
			sb.append(" ".repeat(Math.max(0, 11 - time.length()))).append(time).append("  ");
			sb.append(e.isViolation() ? "VIOLATION " + e.rule() : e.actor() + " -> " + e.target() + "  " + e.kind());
			if (e.element() != null) {
				sb.append("  [").append(e.element()).append(']');
			}
			if (!e.details().isEmpty()) {
				sb.append("  ").append(e.details());
			}
			if (e.result() != null) {
				sb.append("  => ").append(e.result());
			}
			out.println(sb);
		}
		if (r.trace().dropped() > 0) {
			out.println("    ... " + r.trace().dropped() + " more event(s) not kept");
		}
	}

	/** The summary over all runs: requests by outcome, violations by rule, failed expectations. */
	static void summary(PrintWriter out, List<ScenarioResult> results) {
		Map<RequestOutcome, Integer> outcomes = new EnumMap<>(RequestOutcome.class);
		Map<String, Integer> violations = new TreeMap<>();
		int requests = 0;
		int failed = 0;
		int failedRuns = 0;
		for (ScenarioResult r : results) {
			requests += r.summary().requests();
			r.summary().outcomes().forEach((o, n) -> outcomes.merge(o, n, Integer::sum));
			r.summary().violationsByRule().forEach((rule, n) -> violations.merge(rule, n, Integer::sum));
			failed += r.failedExpectations().size();
			failedRuns += r.passed() && r.violations().isEmpty() ? 0 : 1;
		}
		out.println("summary: " + results.size() + " run(s), " + (results.size() - failedRuns) + " passed, " + failedRuns
				+ " failed");
		StringBuilder sb = new StringBuilder("  requests: " + requests);
		outcomes.forEach((o, n) -> {
			if (n > 0) {
				sb.append(", ").append(o.name().toLowerCase().replace('_', '-')).append(' ').append(n);
			}
		});
		out.println(sb);
		int total = violations.values().stream().mapToInt(Integer::intValue).sum();
		out.println("  rule violations: " + total + (violations.isEmpty() ? "" : " " + violations));
		out.println("  failed expectations: " + failed);
	}

	static boolean ok(List<ScenarioResult> results) {
		return results.stream().allMatch(r -> r.passed() && r.violations().isEmpty());
	}

	/**
	 * Where the trace of run {@code index} of {@code count} goes: the file itself for a single
	 * run, else {@code name.<run>.ext} beside it.
	 */
	static Path fileFor(Path file, int count, String runName) {
		if (count == 1) {
			return file;
		}
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name;
		String ext = dot > 0 ? name.substring(dot) : "";
		return file.resolveSibling(stem + "." + runName + ext);
	}

	static void writeJsonLines(Path file, ScenarioResult r) throws IOException {
		createParent(file);
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			JsonLinesWriter.write(r.trace(), w);
		}
	}

	static void writeSvg(Path file, ScenarioResult r) throws IOException {
		createParent(file);
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			SvgSequenceWriter.write(r.trace(), w, "Scenario " + r.scenario(), SVG_ROWS);
		}
	}

	private static void createParent(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
	}
}

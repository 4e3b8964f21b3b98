package org.wskstudio.wskl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Prints problems one a line, sorted by file, line and column, and the summary of a check. */
public final class ProblemPrinter {

	private ProblemPrinter() {
	}

	/** Prints the problems sorted; returns how many are errors. */
	public static int print(PrintWriter writer, Collection<Problem> problems) {
		List<Problem> sorted = new ArrayList<>(problems);
		sorted.sort(Problem.ORDER);
		for (Problem problem : sorted) {
			writer.println(oneLine(problem.format()));
		}
		writer.flush();
		return (int) sorted.stream().filter(Problem::isError).count();
	}

	/** E.g. {@code 2 files checked: 3 errors, 1 warning} or {@code 4 files checked: no problems}. */
	public static String summary(int files, Collection<Problem> problems) {
		long errors = count(problems, Problem.Severity.ERROR);
		long warnings = count(problems, Problem.Severity.WARNING);
		long infos = count(problems, Problem.Severity.INFO);
		List<String> parts = new ArrayList<>();
		if (errors > 0) {
			parts.add(plural(errors, "error"));
		}
		if (warnings > 0) {
			parts.add(plural(warnings, "warning"));
		}
		if (infos > 0) {
			parts.add(plural(infos, "info"));
		}
		return plural(files, "file") + " checked: " + (parts.isEmpty() ? "no problems" : String.join(", ", parts));
	}

	private static long count(Collection<Problem> problems, Problem.Severity severity) {
		return problems.stream().filter(p -> p.severity() == severity).count();
	}

	private static String plural(long n, String word) {
		return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
	}

	/** Keeps one problem on one line, whatever its message holds. */
	private static String oneLine(String text) {
		return text.replace("\r", "\\r").replace("\n", "\\n");
	}
}

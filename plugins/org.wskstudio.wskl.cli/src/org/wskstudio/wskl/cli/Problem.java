package org.wskstudio.wskl.cli;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in an input file. {@code line} and {@code column} are 1-based; 0 means the
 * problem concerns the file as a whole (it does not exist, is a directory...), and is printed
 * without a position.
 */
public record Problem(String file, int line, int column, Severity severity, String message) {

	/** Severity as printed: {@code error}, {@code warning} or {@code info}. */
	public enum Severity {
		ERROR("error"), WARNING("warning"), INFO("info");

		private final String label;

		Severity(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** By file, line, column, then errors before warnings, then message. */
	public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
			.thenComparingInt(Problem::line)
			.thenComparingInt(Problem::column)
			.thenComparing(Problem::severity)
			.thenComparing(Problem::message);

	public Problem {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
	}

	/** A problem of the whole file, printed as {@code FILE: error: message}. */
	public static Problem fileError(String file, String message) {
		return new Problem(file, 0, 0, Severity.ERROR, message);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** {@code file:line:col: severity: message}, or {@code file: severity: message} without a position. */
	public String format() {
		String where = line > 0 ? file + ":" + line + ":" + Math.max(column, 1) : file;
		return where + ": " + severity.label() + ": " + message;
	}

	@Override
	public String toString() {
		return format();
	}
}

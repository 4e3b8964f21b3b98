package org.wskstudio.wskl.tests.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.wskstudio.wskl.cli.WsklCli;

/** One run of {@code wskl} in this JVM: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

	static CliRun wskl(Object... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		String[] strings = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
		int code = WsklCli.run(new PrintWriter(out), new PrintWriter(err), strings);
		return new CliRun(code, out.toString(), err.toString());
	}

	List<String> outLines() {
		return out.lines().toList();
	}

	List<String> errLines() {
		return err.lines().toList();
	}

	/** Line numbers of the {@code FILE:LINE:COL: error:} lines about this file, in order. */
	static List<Integer> errorLines(List<String> lines, Path file) {
		String prefix = file + ":";
		return lines.stream()
				.filter(l -> l.startsWith(prefix) && l.matches(".*:\\d+:\\d+: error: .*"))
				.map(l -> Integer.parseInt(l.substring(prefix.length()).split(":")[0]))
				.toList();
	}

	@Override
	public String toString() {
		return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
	}
}

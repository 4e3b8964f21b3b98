package org.wskstudio.wskl.simulate.host;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.wskstudio.wsk.sim.verify.Rule;

/**
 * One running C driver: the host executable as a child process, spoken to over its stdin and
 * stdout (see wskhost.c for the protocol). Calls nest both ways: while the simulator waits for
 * the answer to a callback ({@link #call}), it serves the driver's kernel calls through the
 * handler, which may call back into the driver again. A watchdog kills a child that does not
 * answer within the per-call limit; every failure ends as a {@link HostFailure}.
 */
public final class HostProcess implements AutoCloseable {
	/** The sanitizers: stop at the first report, print stacks with file:line, leaks at exit. */
	static final String ASAN_OPTIONS = "halt_on_error=1:abort_on_error=0:detect_leaks=1:symbolize=1:exitcode=23:handle_abort=1"
			+ ":allocator_may_return_null=0:print_summary=1";
	static final String UBSAN_OPTIONS = "halt_on_error=1:print_stacktrace=1:symbolize=1:exitcode=24";

	private final HostExecutable executable;
	private final Process process;
	private final BufferedReader in;
	private final BufferedWriter out;
	private final StringBuilder stderr = new StringBuilder();
	private final Thread stderrPump;
	private final Thread watchdog;
	private final long callTimeoutNanos;
	private volatile long waitingSince;           // 0 while not waiting for the child
	private volatile boolean killedForHang;
	private Function<String[], String> handler;
	private boolean dead;

	public HostProcess(HostExecutable executable, long callTimeoutMillis) {
		this.executable = executable;
		this.callTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(callTimeoutMillis);
		ProcessBuilder pb = new ProcessBuilder(executable.path().toString());
		Map<String, String> env = pb.environment();
		env.put("ASAN_OPTIONS", ASAN_OPTIONS);
		env.put("UBSAN_OPTIONS", UBSAN_OPTIONS);
		env.put("LSAN_OPTIONS", "exitcode=23");
		try {
			process = pb.start();
		} catch (IOException e) {
			throw new HostBuildException("cannot start " + executable.path() + ": " + e.getMessage());
		}
		in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII), 1 << 16);
		out = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII), 1 << 16);
		stderrPump = new Thread(() -> pump(process.getErrorStream()), "wskhost-stderr");
		stderrPump.setDaemon(true);
		stderrPump.start();
		watchdog = new Thread(this::watch, "wskhost-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		String hello = readLine();
		if (!hello.startsWith("H wskhost")) {
			throw failure(Rule.C_PROTOCOL, "the C host did not greet: " + hello);
		}
	}

	public HostExecutable executable() {
		return executable;
	}

	/** Serves the driver's "K" messages: gets the tokens, returns the answer's values ("R" is added). */
	public void setHandler(Function<String[], String> handler) {
		this.handler = handler;
	}

	/** Calls into the driver: "C message"; returns the answer's values. */
	public long[] call(String message) {
		if (dead) {
			throw new HostFailure(Rule.C_CRASH, "the C driver's process is no longer running", null);
		}
		send("C " + message);
		while (true) {
			String line = readLine();
			if (line.startsWith("R")) {
				return parseAnswer(line);
			}
			if (line.startsWith("K ")) {
				String[] tokens = line.substring(2).split(" ", -1);
				String answer = handler.apply(tokens);
				send(answer.isEmpty() ? "R" : "R " + answer);
				continue;
			}
			throw failure(Rule.C_PROTOCOL, "unexpected line from the C host: " + abbreviate(line));
		}
	}

	private static long[] parseAnswer(String line) {
		if (line.length() <= 2) {
			return new long[0];
		}
		String[] parts = line.substring(2).split(" ");
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = Long.parseUnsignedLong(parts[i], 16);
		}
		return values;
	}

	private void send(String line) {
		try {
			out.write(line);
			out.write('\n');
			out.flush();
		} catch (IOException e) {
			throw failure(Rule.C_CRASH, "the C driver's process stopped reading");
		}
	}

	private String readLine() {
		waitingSince = System.nanoTime();
		String line;
		try {
			line = in.readLine();
		} catch (IOException e) {
			line = null;
		} finally {
			waitingSince = 0;
		}
		if (line == null) {
			throw failure(killedForHang ? Rule.C_HANG : Rule.C_CRASH, null);
		}
		return line;
	}

	/** Ends the process: "C exit", then waits for LeakSanitizer; a report then is a failure too. */
	public void exit() {
		if (dead) {
			return;
		}
		send("C exit");
		try {
			if (!process.waitFor(callTimeoutNanos, TimeUnit.NANOSECONDS)) {
				killedForHang = true;
				process.destroyForcibly();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		int code = process.isAlive() ? -1 : process.exitValue();
		if (code != 0 || killedForHang) {
			throw failure(killedForHang ? Rule.C_HANG : Rule.C_CRASH, null);
		}
		dead = true;
	}

	/** Builds the failure from the process's end: the sanitizer report if there is one. */
	private HostFailure failure(Rule fallback, String detail) {
		dead = true;
		process.destroyForcibly();
		try {
			process.waitFor(5, TimeUnit.SECONDS);
			stderrPump.join(5000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		String err;
		synchronized (stderr) {
			err = stderr.toString();
		}
		SanitizerReport report = SanitizerReport.parse(err, executable);
		if (killedForHang || fallback == Rule.C_HANG) {
			// the watchdog's SIGABRT made AddressSanitizer print where the driver was
			String where = report == null || report.location() == null ? ""
					: " at " + report.location() + String.join("", report.frames().stream().map(f -> "\n    " + f).toList());
			return new HostFailure(Rule.C_HANG, "the C driver did not answer within "
					+ TimeUnit.NANOSECONDS.toMillis(callTimeoutNanos) + " ms (hang or endless loop); stopped" + where,
					report == null ? null : report.location());
		}
		if (report != null) {
			return new HostFailure(report.crash() ? Rule.C_CRASH : Rule.C_SANITIZER, report.message(), report.location());
		}
		String why = detail != null ? detail
				: "the C driver's process ended" + (process.isAlive() ? "" : " with exit code " + process.exitValue());
		String tail = lastLines(err, 8);
		return new HostFailure(fallback, why + (tail.isEmpty() ? "" : "; its stderr ends with:\n" + tail), null);
	}

	private void pump(InputStream err) {
		byte[] buffer = new byte[8192];
		try {
			int n;
			while ((n = err.read(buffer)) > 0) {
				synchronized (stderr) {
					if (stderr.length() < 1 << 20) {
						stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
					}
				}
			}
		} catch (IOException e) {
			// the process ended
		}
	}

	private void watch() {
		while (process.isAlive()) {
			long since = waitingSince;
			if (since != 0 && System.nanoTime() - since > callTimeoutNanos) {
				killedForHang = true;
				abortForStack();
				process.destroyForcibly();
				return;
			}
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	/** SIGABRT first: AddressSanitizer then prints the stack of the spinning code, with file:line. */
	private void abortForStack() {
		try {
			Process kill = new ProcessBuilder("kill", "-ABRT", Long.toString(process.pid())).start();
			kill.waitFor(2, TimeUnit.SECONDS);
			process.waitFor(5, TimeUnit.SECONDS);
		} catch (IOException e) {
			// no kill command: killed below without a stack
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** What the driver printed to stderr so far (DbgPrintEx goes to the trace, not here). */
	public String stderr() {
		synchronized (stderr) {
			return stderr.toString();
		}
	}

	private static String lastLines(String s, int n) {
		String[] lines = s.strip().split("\n");
		StringBuilder b = new StringBuilder();
		for (int i = Math.max(0, lines.length - n); i < lines.length; i++) {
			if (!lines[i].isBlank()) {
				b.append("  ").append(lines[i]).append('\n');
			}
		}
		return b.toString().stripTrailing();
	}

	private static String abbreviate(String s) {
		return s.length() > 200 ? s.substring(0, 200) + "..." : s;
	}

	@Override
	public void close() {
		dead = true;
		process.destroyForcibly();
		watchdog.interrupt();
	}
}

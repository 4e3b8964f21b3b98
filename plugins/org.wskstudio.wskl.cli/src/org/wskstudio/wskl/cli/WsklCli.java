package org.wskstudio.wskl.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wskl}: the headless command line of WSK Studio.
 *
 * <p>Exit codes: 0 no errors, 1 errors in the input files (or output that could not be
 * written), 2 usage errors (unknown command or option, missing argument).
 */
@Command(name = "wskl", mixinStandardHelpOptions = true, versionProvider = WsklCli.Version.class,
		description = "Checks WSKL files (Winsock Kernel listening sockets), prints their WSK code model,"
				+ " generates driver code from them and runs the generated driver in the WSK runtime simulator.",
		subcommands = { CheckCommand.class, ModelCommand.class, GenerateCommand.class, SimulateCommand.class,
				DemoCommand.class, LspCommand.class, CommandLine.HelpCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:no errors", "1:errors in the input files, output that could not be written, or (simulate) a rule violation or failed expectation",
				"2:usage error (unknown command or option, missing argument)" })
public final class WsklCli implements Callable<Integer> {

	/** Problems in the input (or output that could not be written). */
	public static final int EXIT_PROBLEMS = 1;

	/** Bad command line: picocli's own code for parameter errors. */
	public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

	@Spec
	CommandSpec spec;

	/** Without a subcommand: the usage help, on standard output. */
	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getOut());
		return CommandLine.ExitCode.OK;
	}

	/** Runs {@code wskl} with these arguments, printing to {@code out} and {@code err}; returns the exit code. */
	public static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new WsklCli());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
			// A bug of ours, not of the input: one line, the stack trace only on request.
			failed.getErr().println("wskl: internal error: " + exception);
			if (System.getenv("WSKL_DEBUG") != null) {
				exception.printStackTrace(failed.getErr());
			} else {
				failed.getErr().println("wskl: set WSKL_DEBUG=1 to see the stack trace");
			}
			return EXIT_PROBLEMS;
		});
		try {
			return commandLine.execute(args == null ? new String[0] : args);
		} finally {
			out.flush();
			err.flush();
		}
	}

	public static void main(String[] args) {
		// Guice's class generation touches sun.misc.Unsafe, which Java 24+ warns about; nothing here needs it
		if (System.getProperty("guice_bytecode_gen_option") == null) {
			System.setProperty("guice_bytecode_gen_option", "DISABLED");
		}
		silenceLog();
		PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
		PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
		System.exit(run(out, err, args));
	}

	/** For the runnable jar: Xtext's log goes nowhere (it would print on standard output), unless WSKL_DEBUG is set. */
	private static void silenceLog() {
		if (System.getenv("WSKL_DEBUG") == null) {
			org.apache.log4j.Logger root = org.apache.log4j.Logger.getRootLogger();
			root.removeAllAppenders();
			root.addAppender(new org.apache.log4j.varia.NullAppender());
		}
	}

	/**
	 * The path an output option names ({@code -o DIR}, {@code --trace F.jsonl}), or null without
	 * the option; an empty or invalid one is a usage error (an empty one would be the current folder).
	 */
	static Path outputPath(CommandLine commandLine, String option, String value) {
		if (value != null && value.isBlank()) {
			throw new CommandLine.ParameterException(commandLine, option + " needs a name");
		}
		return path(commandLine, option, value);
	}

	/** The path an option or parameter names, or null without it; an invalid one is a usage error. */
	static Path path(CommandLine commandLine, String option, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Path.of(value);
		} catch (InvalidPathException e) {
			throw new CommandLine.ParameterException(commandLine, "Invalid " + option + " '" + value + "': " + e.getReason());
		}
	}

	/** The version of this bundle or jar, as its manifest says. */
	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			String version = WsklCli.class.getPackage().getImplementationVersion();
			return new String[] { "wskl " + (version != null ? version : "1.0.0") };
		}
	}
}

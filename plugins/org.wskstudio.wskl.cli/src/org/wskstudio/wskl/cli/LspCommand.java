package org.wskstudio.wskl.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.wskstudio.wskl.ide.server.WskLanguageServer;

import picocli.CommandLine.Command;

/**
 * {@code wskl lsp}: the language server of {@code .wskl} and {@code .wsks} files on standard
 * input and output, for VS Code and any other LSP editor. Standard output carries the protocol
 * and nothing else: whatever else prints there (System.out, Xtext's log) goes to standard error.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "Runs the language server of .wskl and .wsks files (Language Server Protocol, JSON-RPC"
				+ " on standard input and output; log on standard error). Started by an editor, not by hand.")
final class LspCommand implements Callable<Integer> {

	@Override
	public Integer call() throws InterruptedException {
		OutputStream protocol = new FileOutputStream(FileDescriptor.out);
		System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
		logToStandardError();
		WskLanguageServer.serve(new FileInputStream(FileDescriptor.in), protocol);
		return 0;
	}

	/** Warnings and errors of Xtext and lsp4j on standard error (all of the log with WSKL_DEBUG set). */
	private static void logToStandardError() {
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		ConsoleAppender appender = new ConsoleAppender(new PatternLayout("wskl lsp: %p %c{1}: %m%n"), ConsoleAppender.SYSTEM_ERR);
		root.addAppender(appender);
		root.setLevel(System.getenv("WSKL_DEBUG") != null ? Level.DEBUG : Level.WARN);
		java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
	}
}

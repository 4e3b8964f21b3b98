package org.wskstudio.wskl.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.pipeline.ModelResult;
import org.wskstudio.wskl.pipeline.WsklPipeline;
import org.wskstudio.wskl.simulate.ScenarioFiles;

/**
 * Reads {@code .wskl} files for the command line and runs them through the language's
 * {@link WsklPipeline} (parse, validate, transform, with its policy for follow-on errors);
 * turns the pipeline's issues into {@link Problem}s, with the parser's messages said plainly.
 * Bad input (missing, a directory, not {@code .wskl}, binary, unreadable) becomes a
 * {@link Problem}, never an exception.
 */
public final class ModelLoader {

	public static final String EXTENSION = ".wskl";

	private final WsklPipeline pipeline = WsklPipeline.standalone();

	/** Loads, validates and (without errors) transforms one file, named as the user gave it. */
	public LoadedModel load(String file) {
		InputFiles.Input input = InputFiles.read(file, List.of(EXTENSION));
		if (!input.ok()) {
			return new LoadedModel(file, null, List.of(input.problem()), null);
		}
		ModelResult result;
		try {
			result = pipeline.model(WsklPipeline.uri(input.path()), input.text(), CancelIndicator.NullImpl);
		} catch (RuntimeException e) {
			return new LoadedModel(file, null,
					List.of(new Problem(file, 1, 1, Problem.Severity.ERROR, "cannot parse: " + reason(e))), null);
		}
		List<Problem> problems = problems(file, result.issues());
		return new LoadedModel(file, result.driver(), problems, result.codeModel());
	}

	/** The code model of a loaded file without errors. */
	public Optional<WskDriver> codeModel(LoadedModel model) {
		if (model.hasErrors()) {
			throw new IllegalArgumentException("the model of " + model.file() + " has errors");
		}
		return Optional.of(model.codeModel());
	}

	/** The pipeline's issues of a file as problems, sorted by line and column. */
	static List<Problem> problems(String file, List<Issue> issues) {
		List<Problem> problems = new ArrayList<>();
		for (Issue issue : issues) {
			Problem.Severity severity = severity(issue.getSeverity());
			if (severity != null) {
				problems.add(ListedProblems.of(file, issue, severity).orElseGet(() -> new Problem(file,
						positive(issue.getLineNumber()), positive(issue.getColumn()), severity,
						issue.isSyntaxError() ? SyntaxMessages.rephrase(issue.getMessage()) : message(issue))));
			}
		}
		problems.sort(Problem.ORDER);
		return problems;
	}

	/** The problems of loaded scenario files, worded as a model's are, sorted by file, line and column. */
	static List<Problem> problems(ScenarioFiles.Loaded scenarios) {
		List<Problem> problems = new ArrayList<>();
		for (ScenarioFiles.FileIssues file : scenarios.files()) {
			problems.addAll(problems(file.file(), file.issues()));
		}
		problems.sort(Problem.ORDER);
		return problems;
	}

	private static String message(Issue issue) {
		String message = issue.getMessage();
		if (message == null || message.isBlank()) {
			return "(no message)";
		}
		return org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC.equals(issue.getCode())
				? SyntaxMessages.rephraseLinking(message.strip())
				: message.strip();
	}

	private static Problem.Severity severity(Severity severity) {
		if (severity == null) {
			return Problem.Severity.ERROR;
		}
		return switch (severity) {
		case ERROR -> Problem.Severity.ERROR;
		case WARNING -> Problem.Severity.WARNING;
		case INFO -> Problem.Severity.INFO;
		case IGNORE -> null;
		};
	}

	private static int positive(Integer value) {
		return value == null || value < 1 ? 1 : value;
	}

	/** A short reason for a failure, for messages: the file and what went wrong for file system errors. */
	static String reason(Throwable e) {
		if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
			return f.getFile() + ": " + why(e);
		}
		return why(e);
	}

	/** What went wrong, without the file a file system error names. */
	static String why(Throwable e) {
		if (e instanceof java.nio.file.FileSystemException f) {
			return f.getReason() != null ? f.getReason()
					: f instanceof AccessDeniedException ? "permission denied"
					: f instanceof NoSuchFileException ? "no such file or folder"
					: f instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
					: f instanceof java.nio.file.NotDirectoryException ? "not a directory"
					: f.getClass().getSimpleName();
		}
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}

}

package org.wskstudio.wskl.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.WsklStandaloneSetup;
import org.wskstudio.wskl.transform.WsklToWskModel;
import org.wskstudio.wskl.wskl.Driver;

import com.google.inject.Injector;

/**
 * Reads, parses and validates {@code .wskl} files outside Eclipse, and builds their WSK code
 * model. Bad input (missing, a directory, not {@code .wskl}, binary, unreadable) becomes a
 * {@link Problem}, never an exception. The Xtext injector is created once per JVM.
 */
public final class ModelLoader {

	public static final String EXTENSION = ".wskl";

	private static Injector injector;

	private final Injector languageInjector;

	public ModelLoader() {
		this.languageInjector = injector();
	}

	/** The WSKL injector, created (with EMF registration) on first use. */
	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new WsklStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** Loads and validates one file, named as the user gave it. */
	public LoadedModel load(String file) {
		InputFiles.Input input = InputFiles.read(file, List.of(EXTENSION));
		if (!input.ok()) {
			return new LoadedModel(file, null, List.of(input.problem()));
		}
		return parse(file, input.path(), input.text());
	}

	/**
	 * The code model of a loaded file without errors. A failure of the transformation is added
	 * to {@code problems} as an error and gives an empty result.
	 */
	public Optional<WskDriver> codeModel(LoadedModel model, List<Problem> problems) {
		if (model.hasErrors()) {
			throw new IllegalArgumentException("the model of " + model.file() + " has errors");
		}
		try {
			WskDriver driver = languageInjector.getInstance(WsklToWskModel.class).transform(model.driver());
			return Optional.of(driver);
		} catch (RuntimeException e) {
			problems.add(new Problem(model.file(), 1, 1, Problem.Severity.ERROR,
					"cannot build the code model: " + reason(e)));
			return Optional.empty();
		}
	}

	private LoadedModel parse(String file, Path path, String text) {
		XtextResourceSet resourceSet = languageInjector.getInstance(XtextResourceSet.class);
		URI uri = URI.createFileURI(path.toAbsolutePath().normalize().toString());
		Resource resource = languageInjector.getInstance(IResourceFactory.class).createResource(uri);
		resourceSet.getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException | RuntimeException e) {
			return new LoadedModel(file, null,
					List.of(new Problem(file, 1, 1, Problem.Severity.ERROR, "cannot parse: " + reason(e))));
		}
		IResourceValidator validator = languageInjector.getInstance(IResourceValidator.class);
		List<Problem> problems = new ArrayList<>();
		List<Issue> issues;
		try (LoggedErrors failures = new LoggedErrors(ResourceValidatorImpl.class)) {
			issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
			for (String failure : failures.messages()) {
				problems.add(new Problem(file, 1, 1, Problem.Severity.ERROR, "validation failed: " + failure));
			}
		}
		// Checks of a tree the parser had to patch up report follow-on noise (a missing port reads
		// as port 0): with syntax errors, only those are reported.
		if (issues.stream().anyMatch(Issue::isSyntaxError)) {
			issues = issues.stream().filter(Issue::isSyntaxError).toList();
			problems.clear();
		}
		for (Issue issue : issues) {
			Problem.Severity severity = severity(issue.getSeverity());
			if (severity != null) {
				problems.add(ListedProblems.of(file, issue, severity).orElseGet(() -> new Problem(file,
						positive(issue.getLineNumber()), positive(issue.getColumn()), severity,
						issue.isSyntaxError() ? SyntaxMessages.rephrase(issue.getMessage()) : message(issue))));
			}
		}
		Driver driver = resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Driver d) ? null : d;
		if (driver == null && problems.stream().noneMatch(Problem::isError)) {
			problems.add(new Problem(file, 1, 1, Problem.Severity.ERROR, "no driver in this file"));
		}
		problems.sort(Problem.ORDER);
		return new LoadedModel(file, driver, problems);
	}

	/** The text of the file, or empty if it holds NUL bytes or is not UTF-8. A BOM is dropped. */

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

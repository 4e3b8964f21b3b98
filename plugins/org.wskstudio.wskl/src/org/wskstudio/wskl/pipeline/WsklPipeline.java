package org.wskstudio.wskl.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.WsklStandaloneSetup;
import org.wskstudio.wskl.WsksStandaloneSetup;
import org.wskstudio.wskl.transform.WsklToWskModel;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wsks.Scenario;
import org.wskstudio.wskl.wsks.ScenarioFile;
import org.wskstudio.wskl.wsks.WsksPackage;

import com.google.inject.Injector;

/**
 * The one way from text to code model, headless: parse, validate, transform. The command line
 * ({@code wskl check|model|generate|simulate|demo}), the IDE's editor validation and builder and
 * the IDE's simulation launch all go through it, so they report the same problems and build the
 * same code model. Reading files is the caller's (the command line reports unreadable input its
 * own way, the IDE reads documents and workspace files); everything after the text is here.
 * <p>
 * Policy, in one place:
 * <ul>
 * <li>follow-on errors: {@link FollowOnErrors} (with syntax errors only those are reported; a
 * model with errors is not transformed);</li>
 * <li>a check that throws (Xtext's validator only logs it) is an error
 * ({@link #VALIDATION_FAILED}), never a silent "no problems"; a failed transformation too
 * ({@link #TRANSFORM_FAILED});</li>
 * <li>a text without a driver (or without a scenario) is an error when nothing else is
 * ({@link #NO_DRIVER}, {@link #NO_SCENARIO});</li>
 * <li>a scenario file is resolved against the models given, or with none given against the
 * models next to it (every {@code .wskl} in its folder); their own problems are theirs, not the
 * scenario's. A simulation gives the simulated model, so its scenarios resolve against it.</li>
 * </ul>
 */
public final class WsklPipeline {

	/** Issue code: a check of the validator threw. */
	public static final String VALIDATION_FAILED = "org.wskstudio.wskl.pipeline.validationFailed";
	/** Issue code: the transformation to the code model threw (a bug, reported at the model's start). */
	public static final String TRANSFORM_FAILED = "org.wskstudio.wskl.pipeline.transformFailed";
	/** Issue code: the text parsed to no driver. */
	public static final String NO_DRIVER = "org.wskstudio.wskl.pipeline.noDriver";
	/** Issue code: the text parsed to no scenario. */
	public static final String NO_SCENARIO = "org.wskstudio.wskl.pipeline.noScenario";
	/** Issue code: a scenario is for another driver than the one simulated. */
	public static final String OTHER_DRIVER = "org.wskstudio.wskl.pipeline.otherDriver";

	public static final String MODEL_EXTENSION = "wskl";
	public static final String SCENARIO_EXTENSION = "wsks";

	private static WsklPipeline standalone;

	private final Injector wskl;
	private final Injector wsks;

	/** A pipeline on the languages' injectors (the IDE passes its own, mixed with the ide modules). */
	public WsklPipeline(Injector wskl, Injector wsks) {
		this.wskl = wskl;
		this.wsks = wsks;
	}

	/** The pipeline outside Eclipse, on the standalone injectors (created with EMF registration once per JVM). */
	public static synchronized WsklPipeline standalone() {
		if (standalone == null) {
			Injector wskl = new WsklStandaloneSetup().createInjectorAndDoEMFRegistration();
			standalone = new WsklPipeline(wskl, new WsksStandaloneSetup().createInjectorAndDoEMFRegistration());
		}
		return standalone;
	}

	/** The injector of a file's language, by its extension (WSKS for {@code .wsks}, else WSKL). */
	public Injector injector(URI uri) {
		return SCENARIO_EXTENSION.equals(uri.fileExtension()) ? wsks : wskl;
	}

	/** A new resource set for one run of the pipeline. */
	public XtextResourceSet newResourceSet() {
		return wskl.getInstance(XtextResourceSet.class);
	}

	/** Parses a text into a new resource of its language (by the URI's extension) in the resource set. */
	public XtextResource parse(XtextResourceSet resourceSet, URI uri, String text) {
		Injector injector = injector(uri);
		XtextResource resource = (XtextResource) injector.getInstance(IResourceFactory.class).createResource(uri);
		resourceSet.getResources().add(resource);
		try {
			resource.load(new LazyStringInputStream(text, StandardCharsets.UTF_8.name()),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			throw new IllegalStateException("reading a string failed: " + e.getMessage(), e);
		}
		return resource;
	}

	/**
	 * The issues to report of a parsed resource ({@link FollowOnErrors}); a check that threw is an
	 * error issue. Cancellation propagates as Xtext's cancellation exception.
	 */
	public List<Issue> validate(XtextResource resource, CancelIndicator cancel) {
		IResourceValidator validator = injector(resource.getURI()).getInstance(IResourceValidator.class);
		List<Issue> issues = new ArrayList<>();
		try (LoggedErrors failures = new LoggedErrors(ResourceValidatorImpl.class)) {
			issues.addAll(validator.validate(resource, CheckMode.ALL, cancel == null ? CancelIndicator.NullImpl : cancel));
			for (String failure : failures.messages()) {
				issues.add(0, issue(VALIDATION_FAILED, "validation failed: " + failure));
			}
		}
		return FollowOnErrors.reported(issues);
	}

	/** A model text: parsed into a fresh resource set, validated, and transformed when it has no errors. */
	public ModelResult model(URI uri, String text, CancelIndicator cancel) {
		XtextResource resource = parse(newResourceSet(), uri, text);
		return model(resource, cancel);
	}

	/** A parsed model resource: validated, and transformed when it has no errors. */
	public ModelResult model(XtextResource resource, CancelIndicator cancel) {
		List<Issue> issues = new ArrayList<>(validate(resource, cancel));
		Driver driver = root(resource, Driver.class);
		if (driver == null && !FollowOnErrors.hasErrors(issues)) {
			issues.add(issue(NO_DRIVER, "no driver in this file"));
		}
		WskDriver codeModel = null;
		if (driver != null && !FollowOnErrors.hasErrors(issues)) {
			try {
				codeModel = wskl.getInstance(WsklToWskModel.class).transform(driver);
			} catch (RuntimeException e) {
				issues.add(issue(TRANSFORM_FAILED, "cannot build the code model: " + reason(e)));
			}
		}
		return new ModelResult(resource, driver, issues, codeModel);
	}

	/**
	 * A scenario text, resolved against the models given (URI and text each), or with none given
	 * against the models next to it on disk. The models' own problems are not reported.
	 */
	public ScenarioResult scenario(URI uri, String text, List<ModelSource> models, CancelIndicator cancel)
			throws IOException {
		XtextResourceSet resourceSet = newResourceSet();
		XtextResource resource = parse(resourceSet, uri, text);
		for (ModelSource model : models.isEmpty() ? modelsNextTo(uri) : models) {
			parse(resourceSet, model.uri(), model.text());
		}
		return scenario(resource, null, cancel);
	}

	/**
	 * A simulation's inputs in one resource set: the model file (validated and transformed) and
	 * the scenario files resolved against it. A scenario for another driver is an error of its file.
	 */
	public Simulation simulation(Path model, List<Path> scenarioFiles) throws IOException {
		XtextResourceSet resourceSet = newResourceSet();
		XtextResource modelResource = parse(resourceSet, uri(model), read(model));
		List<XtextResource> scenarioResources = new ArrayList<>();
		for (Path file : scenarioFiles) {
			scenarioResources.add(parse(resourceSet, uri(file), read(file)));
		}
		ModelResult modelResult = model(modelResource, null);
		List<ScenarioResult> files = new ArrayList<>();
		for (XtextResource resource : scenarioResources) {
			files.add(scenario(resource, modelResult.driver(), null));
		}
		return new Simulation(modelResult, files);
	}

	private ScenarioResult scenario(XtextResource resource, Driver simulated, CancelIndicator cancel) {
		List<Issue> issues = new ArrayList<>(validate(resource, cancel));
		ScenarioFile file = root(resource, ScenarioFile.class);
		List<Scenario> scenarios = file == null ? List.of() : List.copyOf(file.getScenarios());
		if (file == null && !FollowOnErrors.hasErrors(issues)) {
			issues.add(issue(NO_SCENARIO, "no scenario in this file"));
		}
		List<String> others = new ArrayList<>();
		for (Scenario s : simulated == null ? List.<Scenario>of() : scenarios) {
			String written = NodeModelUtils.findNodesForFeature(s, WsksPackage.Literals.SCENARIO__DRIVER).stream()
					.findFirst().map(NodeModelUtils::getTokenText).orElse(null);
			if (written != null && !written.equals(simulated.getName())) {
				others.add(written);
			}
			if (s.getDriver() != simulated && !s.getDriver().eIsProxy()) {
				issues.add(issue(OTHER_DRIVER, "scenario " + s.getName() + " is for driver " + s.getDriver().getName()
						+ ", not for " + simulated.getName()));
			}
		}
		return new ScenarioResult(resource.getURI(), resource, scenarios, issues, others);
	}

	/** The models next to a scenario file on disk (every {@code .wskl} in its folder, by name). */
	public static List<ModelSource> modelsNextTo(URI scenario) throws IOException {
		if (!scenario.isFile()) {
			return List.of();
		}
		Path folder = Path.of(scenario.toFileString()).toAbsolutePath().normalize().getParent();
		if (folder == null) {
			return List.of();
		}
		List<ModelSource> models = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path f : files.filter(f -> f.toString().endsWith("." + MODEL_EXTENSION)).sorted().toList()) {
				models.add(new ModelSource(uri(f), read(f)));
			}
		}
		return models;
	}

	/** The file URI of a path, absolute and normalized. */
	public static URI uri(Path path) {
		return URI.createFileURI(path.toAbsolutePath().normalize().toString());
	}

	/** A short reason for a failure: its message, else its type. */
	public static String reason(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}

	/** A file's text as UTF-8, without the byte order mark that editors on Windows put first. */
	public static String read(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static <T extends EObject> T root(XtextResource resource, Class<T> type) {
		return resource.getContents().isEmpty() || !type.isInstance(resource.getContents().get(0)) ? null
				: type.cast(resource.getContents().get(0));
	}

	private static Issue issue(String code, String message) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(Severity.ERROR);
		issue.setCode(code);
		issue.setMessage(message);
		issue.setLineNumber(1);
		issue.setColumn(1);
		issue.setOffset(0);
		issue.setLength(0);
		return issue;
	}

	/** A model's text for resolving a scenario: its URI and content. */
	public record ModelSource(URI uri, String text) {
	}

	/** A simulation's model and scenario files, loaded together. */
	public record Simulation(ModelResult model, List<ScenarioResult> scenarioFiles) {

		public Simulation {
			scenarioFiles = List.copyOf(scenarioFiles);
		}

		/** Every scenario of the files, in file order. */
		public List<Scenario> scenarios() {
			return scenarioFiles.stream().flatMap(f -> f.scenarios().stream()).toList();
		}
	}
}

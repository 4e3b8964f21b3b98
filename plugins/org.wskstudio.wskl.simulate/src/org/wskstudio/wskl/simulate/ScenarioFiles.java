package org.wskstudio.wskl.simulate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.WsklStandaloneSetup;
import org.wskstudio.wskl.WsksStandaloneSetup;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wsks.Scenario;
import org.wskstudio.wskl.wsks.ScenarioFile;

import com.google.inject.Injector;

/**
 * Loads a WSKL model together with WSKS scenario files in one resource set (a scenario names
 * its driver, the driver's listeners and checks), and validates the scenario files. The model
 * itself is validated by whoever loaded it first (the command line's ModelLoader).
 */
public final class ScenarioFiles {

	/** A problem of a scenario file: where, how bad, what. */
	public record Problem(String file, int line, int column, boolean error, String message) {
		@Override
		public String toString() {
			return file + ":" + line + ":" + column + ": " + (error ? "error" : "warning") + ": " + message;
		}
	}

	/** The model's driver, the scenarios in file order, and the scenario files' problems. */
	public record Loaded(Driver driver, List<Scenario> scenarios, List<Problem> problems) {
		public boolean hasErrors() {
			return driver == null || problems.stream().anyMatch(Problem::error);
		}
	}

	private static Injector injector;

	private ScenarioFiles() {
	}

	private static synchronized Injector injector() {
		if (injector == null) {
			new WsklStandaloneSetup().createInjectorAndDoEMFRegistration();
			injector = new WsksStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** Loads the model and the scenario files; file names in problems are as given. */
	public static Loaded load(Path model, List<Path> scenarioFiles) {
		XtextResourceSet resourceSet = injector().getInstance(XtextResourceSet.class);
		Resource modelResource = resourceSet.getResource(uri(model), true);
		List<Resource> scenarioResources = new ArrayList<>();
		for (Path file : scenarioFiles) {
			scenarioResources.add(resourceSet.getResource(uri(file), true));
		}
		EcoreUtil.resolveAll(resourceSet);
		Driver driver = modelResource.getContents().isEmpty() || !(modelResource.getContents().get(0) instanceof Driver d)
				? null : d;
		List<Scenario> scenarios = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (int i = 0; i < scenarioFiles.size(); i++) {
			Resource resource = scenarioResources.get(i);
			String name = scenarioFiles.get(i).toString();
			problems.addAll(validate(resource, name));
			if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof ScenarioFile file) {
				for (Scenario s : file.getScenarios()) {
					if (driver != null && s.getDriver() != driver && !s.getDriver().eIsProxy()) {
						problems.add(new Problem(name, 1, 1, true, "scenario " + s.getName() + " is for driver "
								+ s.getDriver().getName() + ", not for " + driver.getName()));
					}
					scenarios.add(s);
				}
			} else if (problems.stream().noneMatch(p -> p.file().equals(name) && p.error())) {
				problems.add(new Problem(name, 1, 1, true, "no scenario in this file"));
			}
		}
		return new Loaded(driver, List.copyOf(scenarios), List.copyOf(problems));
	}

	/**
	 * Validates a scenario text against the given models, or with none given against the models
	 * in its folder (every {@code .wskl} there, as the editor and the simulation launch find
	 * them); the file name in problems is as given. The models' own problems are not reported.
	 */
	public static List<Problem> check(Path scenario, String text, String name, List<Path> models) throws IOException {
		XtextResourceSet resourceSet = injector().getInstance(XtextResourceSet.class);
		for (Path model : models.isEmpty() ? modelsNextTo(scenario) : models) {
			resourceSet.getResource(uri(model), true);
		}
		Resource resource = injector().getInstance(IResourceFactory.class).createResource(uri(scenario));
		resourceSet.getResources().add(resource);
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		return validate(resource, name);
	}

	/** The .wskl files in the scenario's folder, by name. */
	private static List<Path> modelsNextTo(Path scenario) throws IOException {
		Path folder = scenario.toAbsolutePath().normalize().getParent();
		if (folder == null) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".wskl")).sorted().toList();
		}
	}

	/** The errors and warnings of a scenario resource. */
	private static List<Problem> validate(Resource resource, String name) {
		List<Problem> problems = new ArrayList<>();
		IResourceValidator validator = ((XtextResource) resource).getResourceServiceProvider().getResourceValidator();
		for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
			if (issue.getSeverity() == Severity.ERROR || issue.getSeverity() == Severity.WARNING) {
				problems.add(new Problem(name, positive(issue.getLineNumber()), positive(issue.getColumn()),
						issue.getSeverity() == Severity.ERROR, issue.getMessage()));
			}
		}
		return problems;
	}

	private static URI uri(Path path) {
		return URI.createFileURI(path.toAbsolutePath().normalize().toString());
	}

	private static int positive(Integer value) {
		return value == null || value < 1 ? 1 : value;
	}
}

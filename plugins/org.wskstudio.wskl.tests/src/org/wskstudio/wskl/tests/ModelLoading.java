package org.wskstudio.wskl.tests;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.WsklStandaloneSetup;
import org.wskstudio.wskl.transform.WsklToWskModel;
import org.wskstudio.wskl.wskl.Driver;

import com.google.inject.Injector;

/** Loads .wskl files the way the command line does, for tests outside the injection extension. */
public final class ModelLoading {

	private static Injector injector;

	private ModelLoading() {
	}

	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new WsklStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	public static Resource load(Path file) {
		XtextResourceSet resourceSet = injector().getInstance(XtextResourceSet.class);
		return resourceSet.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
	}

	public static List<Issue> validate(Resource resource) {
		return injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	/** Loads, checks there is no error, and transforms to the WSK code model. */
	public static WskDriver codeModel(Path file) {
		Resource resource = load(file);
		List<Issue> errors = validate(resource).stream().filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new AssertionError(file + " has errors: " + errors);
		}
		return new WsklToWskModel().transform((Driver) resource.getContents().get(0));
	}
}

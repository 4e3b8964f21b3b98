package org.wskstudio.wskl.testing;

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
import org.wskstudio.wskl.pipeline.ModelResult;
import org.wskstudio.wskl.pipeline.WsklPipeline;

import com.google.inject.Injector;

/**
 * Loads .wskl files for tests outside the injection extension: as resources to validate, or as the
 * code model the command line builds.
 */
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

	/**
	 * The code model of a .wskl file, built by the language's pipeline as the command line builds
	 * it; a file with errors fails the test.
	 */
	public static WskDriver codeModel(Path file) {
		ModelResult result = WsklPipeline.standalone().model(WsklPipeline.uri(file), Examples.read(file), null);
		if (result.hasErrors()) {
			throw new AssertionError(file + " has errors: " + result.issues());
		}
		return result.codeModel();
	}
}

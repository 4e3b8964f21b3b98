package org.wskstudio.wskl.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.WsklStandaloneSetup;
import org.wskstudio.wskl.WsksStandaloneSetup;

import com.google.inject.Injector;

/** Loads a scenario file together with the model it is for, as the command line does. */
public final class ScenarioLoading {

	private static Injector injector;

	private ScenarioLoading() {
	}

	private static synchronized Injector injector() {
		if (injector == null) {
			new WsklStandaloneSetup().createInjectorAndDoEMFRegistration();
			injector = new WsksStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** The scenario resource, with the model loaded beside it and every reference resolved. */
	public static Resource load(Path model, Path scenario) {
		XtextResourceSet resourceSet = injector().getInstance(XtextResourceSet.class);
		resourceSet.getResource(URI.createFileURI(model.toAbsolutePath().toString()), true);
		Resource resource = resourceSet.getResource(URI.createFileURI(scenario.toAbsolutePath().toString()), true);
		EcoreUtil.resolveAll(resourceSet);
		return resource;
	}

	public static List<Issue> validate(Resource resource) {
		IResourceServiceProvider provider = IResourceServiceProvider.Registry.INSTANCE.getResourceServiceProvider(resource.getURI());
		return new ArrayList<>(provider.getResourceValidator().validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
	}
}

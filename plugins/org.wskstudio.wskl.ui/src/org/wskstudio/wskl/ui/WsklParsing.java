package org.wskstudio.wskl.ui;

import java.io.IOException;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;

import com.google.inject.Injector;

/**
 * Parses a snapshot of a text into a fresh Xtext resource of its own resource set. Every caller
 * gets its own resource, so the reconciler, content assist, hover and the marker job can run in
 * parallel without sharing EMF objects. A WSKL file refers only to itself (a pend rule names a
 * deferred check of the same driver); a scenario file names a driver of a model next to it, so
 * its resource set also holds those models ({@link ScenarioModels}). No index of the workspace
 * is needed.
 */
public final class WsklParsing {

	private WsklParsing() {
	}

	/** A WSKL text of no file. */
	public static XtextResource parse(String text) {
		return parse(WskSource.wskl(text));
	}

	public static XtextResource parse(WskSource source) {
		Injector injector = source.language().injector();
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = load(injector, resourceSet, source.uri(), source.text());
		if (source.language() == WskLanguage.WSKS) {
			ScenarioModels.addTo(resourceSet, source);
		}
		return resource;
	}

	/** Parses the text into a new resource of the language (the injector's) in the resource set. */
	static XtextResource load(Injector injector, XtextResourceSet resourceSet, URI uri, String text) {
		XtextResource resource = (XtextResource) injector.getInstance(IResourceFactory.class).createResource(uri);
		resourceSet.getResources().add(resource);
		try {
			resource.load(new LazyStringInputStream(text, "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			// cannot happen for a string; keep an empty resource
			WsklUiPlugin.log("Could not parse " + uri, e);
		}
		return resource;
	}
}

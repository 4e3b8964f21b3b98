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
 * Parses a snapshot of a document's text into a fresh Xtext resource of its own resource set.
 * Every caller gets its own resource, so the reconciler, content assist, hover and the marker
 * job can run in parallel without sharing EMF objects. A WSKL file refers only to itself (a
 * pend rule names a deferred check of the same driver), so no index of other files is needed.
 */
public final class WsklParsing {

	private static final URI SYNTHETIC_URI = URI.createURI("synthetic:/editor." + WsklFiles.FILE_EXTENSION);

	private WsklParsing() {
	}

	public static XtextResource parse(String text) {
		return parse(WsklUiPlugin.injector(), text);
	}

	public static XtextResource parse(Injector injector, String text) {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) injector.getInstance(IResourceFactory.class).createResource(SYNTHETIC_URI);
		resourceSet.getResources().add(resource);
		try {
			resource.load(new LazyStringInputStream(text, "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			// cannot happen for a string; keep an empty resource
			WsklUiPlugin.log("Could not parse WSKL text", e);
		}
		return resource;
	}
}

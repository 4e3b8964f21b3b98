package org.wskstudio.wskl.ui;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

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
		XtextResourceSet resourceSet = source.language().injector().getInstance(XtextResourceSet.class);
		XtextResource resource = load(resourceSet, source.uri(), source.text());
		if (source.language() == WskLanguage.WSKS) {
			ScenarioModels.addTo(resourceSet, source);
		}
		return resource;
	}

	/** Parses the text into a new resource of its language (by the URI's extension) in the resource set. */
	static XtextResource load(XtextResourceSet resourceSet, URI uri, String text) {
		return WsklUiPlugin.pipeline().parse(resourceSet, uri, text);
	}
}

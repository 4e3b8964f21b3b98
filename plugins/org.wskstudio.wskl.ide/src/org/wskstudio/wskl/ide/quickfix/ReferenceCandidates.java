package org.wskstudio.wskl.ide.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.wskstudio.wskl.ide.navigation.CrossReferences;

/**
 * The names an unresolved reference could take: what the language's scope provider offers
 * there (in a scenario the drivers of the models next to it, their listeners and checks, the
 * scenario's named requests; in a model the driver's deferred checks). Names that share a longer
 * prefix with what is written come first.
 */
final class ReferenceCandidates {

	static final int MAX = 5;

	private ReferenceCandidates() {
	}

	/** The candidates for the reference written at the offset; empty when there is none. */
	static List<String> at(XtextResource resource, int offset) {
		CrossReferences.Site site = CrossReferences.siteAt(resource, offset);
		if (site == null) {
			return List.of();
		}
		String written = site.leaf().getText();
		IScopeProvider scopes = resource.getResourceServiceProvider().get(IScopeProvider.class);
		Set<String> names = new LinkedHashSet<>();
		for (IEObjectDescription description : scopes.getScope(site.element(), site.reference()).getAllElements()) {
			String name = description.getName().toString();
			if (CrossReferences.isWritable(name) && !name.equals(written)) {
				names.add(name);
			}
		}
		List<String> sorted = new ArrayList<>(names);
		sorted.sort(Comparator.comparingInt((String name) -> -commonPrefix(name, written))
				.thenComparing(Comparator.naturalOrder()));
		return sorted.subList(0, Math.min(MAX, sorted.size()));
	}

	private static int commonPrefix(String a, String b) {
		int n = 0;
		while (n < a.length() && n < b.length() && Character.toLowerCase(a.charAt(n)) == Character.toLowerCase(b.charAt(n))) {
			n++;
		}
		return n;
	}
}

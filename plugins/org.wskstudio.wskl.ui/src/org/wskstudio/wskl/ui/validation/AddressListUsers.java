package org.wskstudio.wskl.ui.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.address.AddressLists;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.wskl.AddressPattern;

/**
 * The models that read an address list ({@code reject remote from "drop.txt"}): a change of the
 * list is a change of those models, so the builder and the marker updater re-validate (and the
 * builder regenerates) them. Found from the saved models of the list's project, without a
 * remembered index, so a list changed while Eclipse was closed is followed as well: a model is
 * parsed only when its text names the list's file name, and then its {@code from} strings are
 * resolved as the validator resolves them.
 */
public final class AddressListUsers {

	private AddressListUsers() {
	}

	/** True when the delta changes what the file holds (added, removed, new content). */
	public static boolean contentChanged(IResourceDelta delta) {
		return delta.getKind() == IResourceDelta.ADDED || delta.getKind() == IResourceDelta.REMOVED
				|| delta.getKind() == IResourceDelta.CHANGED
						&& (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
	}

	/** The models (of the lists' projects) that read any of the files as an address list. */
	public static List<IFile> modelsReading(Collection<IFile> lists) throws CoreException {
		Set<IFile> result = new LinkedHashSet<>();
		Set<IProject> projects = new LinkedHashSet<>();
		for (IFile list : lists) {
			if (list.getProject().isAccessible()) {
				projects.add(list.getProject());
			}
		}
		for (IProject project : projects) {
			for (IFile model : models(project)) {
				if (readsAny(model, lists)) {
					result.add(model);
				}
			}
		}
		return List.copyOf(result);
	}

	private static List<IFile> models(IProject project) throws CoreException {
		List<IFile> models = new ArrayList<>();
		project.accept(resource -> {
			if (resource.isDerived() || resource.isTeamPrivateMember()) {
				return false;
			}
			if (resource instanceof IFile file && WsklFiles.isWskl(file)) {
				models.add(file);
			}
			return true;
		});
		return models;
	}

	private static boolean readsAny(IFile model, Collection<IFile> lists) throws CoreException {
		if (!model.isAccessible()) {
			return false;
		}
		WskSource source = WskSource.saved(model);
		if (lists.stream().noneMatch(list -> source.text().contains(list.getName()))) {
			return false;
		}
		Set<URI> wanted = new LinkedHashSet<>();
		for (IFile list : lists) {
			wanted.add(URI.createPlatformResourceURI(list.getFullPath().toString(), true));
			if (list.getLocation() != null) {
				wanted.add(URI.createFileURI(list.getLocation().toOSString()));
			}
		}
		XtextResource resource = WsklParsing.parse(source);
		for (var it = resource.getAllContents(); it.hasNext();) {
			EObject element = it.next();
			if (element instanceof AddressPattern pattern && AddressLists.isList(pattern)
					&& AddressLists.uri(pattern).filter(wanted::contains).isPresent()) {
				return true;
			}
		}
		return false;
	}
}

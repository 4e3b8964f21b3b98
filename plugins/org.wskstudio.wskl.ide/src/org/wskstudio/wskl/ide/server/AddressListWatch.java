package org.wskstudio.wskl.ide.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.IResourceDescription;
import org.wskstudio.wskl.address.AddressLists;
import org.wskstudio.wskl.wskl.AddressPattern;

/**
 * The models of the language server's workspace that read one of the given files as an address
 * list ({@code reject remote from "drop.txt"}), so that a change of the list on disk
 * ({@code workspace/didChangeWatchedFiles}) re-validates them as a change of the model would. A
 * model is read only when its text names one of the lists' file names; its {@code from}
 * strings are then resolved as the validator resolves them.
 */
final class AddressListWatch {

	private static final String MODEL_EXTENSION = "wskl";

	private AddressListWatch() {
	}

	/** The models (open or not) reading any of the lists; runs under the server's write lock. */
	static List<URI> modelsReading(WorkspaceManager workspace, Collection<URI> lists) {
		Set<String> paths = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		for (URI list : lists) {
			paths.add(key(list));
			names.add(list.lastSegment());
		}
		List<URI> models = new ArrayList<>();
		for (IResourceDescription description : workspace.getIndex().getAllResourceDescriptions()) {
			URI model = description.getURI();
			if (MODEL_EXTENSION.equals(model.fileExtension())
					&& Boolean.TRUE.equals(workspace.doRead(model, (document, resource) ->
							names.stream().anyMatch(document.getContents()::contains) && reads(resource, paths)))) {
				models.add(model);
			}
		}
		return models;
	}

	private static boolean reads(Resource resource, Set<String> lists) {
		if (resource == null || resource.getContents().isEmpty()) {
			return false;
		}
		for (AddressPattern pattern : EcoreUtil2.eAllOfType(resource.getContents().get(0), AddressPattern.class)) {
			if (AddressLists.isList(pattern) && AddressLists.uri(pattern).map(AddressListWatch::key).filter(lists::contains).isPresent()) {
				return true;
			}
		}
		return false;
	}

	/** A file URI as its path (the client and EMF may spell the same file's URI differently). */
	private static String key(URI uri) {
		return uri.isFile() ? java.nio.file.Path.of(uri.toFileString()).normalize().toString() : uri.toString();
	}
}

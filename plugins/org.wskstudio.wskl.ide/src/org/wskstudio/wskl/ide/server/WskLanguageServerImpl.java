package org.wskstudio.wskl.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.IResourceDescription;

import com.google.inject.Inject;

/**
 * Xtext's language server, answering a request it does not know with MethodNotFound (-32601), as
 * JSON-RPC asks, and starting without a workspace when the client opens single files
 * ({@link WskWorkspaceManager} adds their folders). A changed file that is no model or scenario
 * (an address list, {@code reject remote from "drop.txt"}) re-validates the models that read it
 * ({@link AddressListWatch}).
 */
public class WskLanguageServerImpl extends LanguageServerImpl {

	@Inject
	private UriExtensions uris;

	@Override
	protected Buildable toBuildable(DidChangeWatchedFilesParams params) {
		Buildable files = super.toBuildable(params);
		List<URI> lists = params.getChanges().stream().map(event -> uris.toUri(event.getUri()))
				.filter(uri -> getResourceServiceProvider(uri) == null).toList();
		List<URI> models = lists.isEmpty() ? List.of() : AddressListWatch.modelsReading(getWorkspaceManager(), lists);
		if (models.isEmpty()) {
			return files;
		}
		Buildable readers = getWorkspaceManager().didChangeFiles(models, List.of());
		return cancel -> {
			List<IResourceDescription.Delta> deltas = new ArrayList<>(files.build(cancel));
			deltas.addAll(readers.build(cancel));
			return deltas;
		};
	}

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		boolean noFolders = params.getWorkspaceFolders() == null || params.getWorkspaceFolders().isEmpty();
		if (params.getRootUri() == null && params.getRootPath() == null && noFolders) {
			// Xtext needs a root or workspace folders: an empty list of folders, which the files' folders join
			ClientCapabilities capabilities = params.getCapabilities() != null ? params.getCapabilities() : new ClientCapabilities();
			WorkspaceClientCapabilities workspace = capabilities.getWorkspace() != null ? capabilities.getWorkspace()
					: new WorkspaceClientCapabilities();
			workspace.setWorkspaceFolders(true);
			capabilities.setWorkspace(workspace);
			params.setCapabilities(capabilities);
			params.setWorkspaceFolders(new ArrayList<>());
		}
		return super.initialize(params);
	}

	@Override
	public CompletableFuture<?> request(String method, Object parameter) {
		try {
			return super.request(method, parameter);
		} catch (UnsupportedOperationException e) {
			CompletableFuture<Object> failed = new CompletableFuture<>();
			failed.completeExceptionally(new ResponseErrorException(
					new ResponseError(ResponseErrorCode.MethodNotFound, "Unknown method: " + method, null)));
			return failed;
		}
	}
}

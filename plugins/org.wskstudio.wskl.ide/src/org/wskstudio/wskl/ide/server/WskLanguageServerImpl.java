package org.wskstudio.wskl.ide.server;

import java.util.concurrent.CompletableFuture;

import java.util.ArrayList;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, answering a request it does not know with MethodNotFound (-32601), as
 * JSON-RPC asks, and starting without a workspace when the client opens single files
 * ({@link WskWorkspaceManager} adds their folders).
 */
public class WskLanguageServerImpl extends LanguageServerImpl {

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

package org.wskstudio.wskl.ide.server;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.eclipse.xtext.ide.server.BuildManager;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.workspace.IProjectConfig;
import org.eclipse.xtext.workspace.UnknownProjectConfig;

import com.google.inject.Singleton;

/**
 * Xtext's workspace, which also serves a file opened outside every workspace folder (an editor
 * with one file open and no folder): the file's folder becomes a workspace folder, so that a
 * scenario finds the models next to it, as in the Eclipse IDE and {@code wskl check}.
 */
@Singleton
public class WskWorkspaceManager extends WorkspaceManager {

	@Override
	public BuildManager.Buildable didOpen(URI uri, Integer version, String contents) {
		IProjectConfig project = getProjectConfig(uri);
		if (uri.isFile() && (project == null || project instanceof UnknownProjectConfig)) {
			URI folder = uri.trimSegments(1).appendSegment("");
			WorkspaceFolder added = new WorkspaceFolder(folder.toString(), uri.trimSegments(1).lastSegment());
			didChangeWorkspaceFolders(new DidChangeWorkspaceFoldersParams(new WorkspaceFoldersChangeEvent(List.of(added), List.of())),
					CancelIndicator.NullImpl);
		}
		return super.didOpen(uri, version, contents);
	}
}

package org.wskstudio.wskl.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;

/** Which files, editors and documents are WSKL models or WSKS scenarios. */
public final class WsklFiles {

	/** The content type of {@code *.wskl} files (plugin.xml), bound to the Generic Editor. */
	public static final String CONTENT_TYPE_ID = WskLanguage.WSKL.contentTypeId();
	public static final String FILE_EXTENSION = WskLanguage.WSKL.fileExtension();
	/** The content type of {@code *.wsks} scenario files. */
	public static final String SCENARIO_CONTENT_TYPE_ID = WskLanguage.WSKS.contentTypeId();

	private WsklFiles() {
	}

	public static boolean isWskl(IFile file) {
		return WskLanguage.of(file) == WskLanguage.WSKL;
	}

	public static boolean isWskl(IEditorPart editor) {
		return language(editor) == WskLanguage.WSKL;
	}

	/** Whether the file is a model or a scenario. */
	public static boolean isSource(IFile file) {
		return WskLanguage.of(file) != null;
	}

	/** The language of the editor's input, or null when it is neither a model nor a scenario. */
	public static WskLanguage language(IEditorPart editor) {
		return editor == null ? null : language(editor.getEditorInput());
	}

	public static WskLanguage language(IEditorInput input) {
		if (input == null) {
			return null;
		}
		IFile file = Adapters.adapt(input, IFile.class);
		if (file != null) {
			return WskLanguage.of(file);
		}
		for (WskLanguage language : WskLanguage.values()) {
			IContentType type = Platform.getContentTypeManager().getContentType(language.contentTypeId());
			if (type != null && input.getName() != null && type.isAssociatedWith(input.getName())) {
				return language;
			}
		}
		return null;
	}

	/** The scenario files in a folder (those a change of a model there can affect). */
	public static List<IFile> scenarioFiles(IContainer folder) throws CoreException {
		return files(folder, WskLanguage.WSKS);
	}

	/** The model files in a folder (those its scenarios can name). */
	public static List<IFile> modelFiles(IContainer folder) throws CoreException {
		return files(folder, WskLanguage.WSKL);
	}

	private static List<IFile> files(IContainer folder, WskLanguage language) throws CoreException {
		List<IFile> result = new ArrayList<>();
		if (folder != null && folder.isAccessible()) {
			for (IResource member : folder.members()) {
				if (member instanceof IFile file && WskLanguage.of(file) == language) {
					result.add(file);
				}
			}
		}
		return result;
	}

	/** The document an editor shows, or null. */
	public static IDocument document(ITextEditor editor) {
		if (editor == null || editor.getDocumentProvider() == null) {
			return null;
		}
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}
}

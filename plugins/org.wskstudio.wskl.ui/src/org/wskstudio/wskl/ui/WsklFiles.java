package org.wskstudio.wskl.ui;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;

/** Which files, editors and documents are WSKL ones. */
public final class WsklFiles {

	/** The content type of {@code *.wskl} files (plugin.xml), bound to the Generic Editor. */
	public static final String CONTENT_TYPE_ID = "org.wskstudio.wskl";
	public static final String FILE_EXTENSION = "wskl";

	private WsklFiles() {
	}

	public static boolean isWskl(IFile file) {
		return file != null && FILE_EXTENSION.equals(file.getFileExtension());
	}

	public static boolean isWskl(IEditorInput input) {
		if (input == null) {
			return false;
		}
		IFile file = Adapters.adapt(input, IFile.class);
		if (file != null) {
			return isWskl(file);
		}
		IContentType type = Platform.getContentTypeManager().getContentType(CONTENT_TYPE_ID);
		return type != null && input.getName() != null && type.isAssociatedWith(input.getName());
	}

	public static boolean isWskl(IEditorPart editor) {
		return editor != null && isWskl(editor.getEditorInput());
	}

	/** The document an editor shows, or null. */
	public static IDocument document(ITextEditor editor) {
		if (editor == null || editor.getDocumentProvider() == null) {
			return null;
		}
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}
}

package org.wskstudio.wskl.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;

/**
 * A text to parse, with its language and where it lives. The location is the workspace path of
 * the file (or, for a file outside the workspace, its file system path), null for a text of no
 * file. A scenario's location tells which models it can name (those in its folder); whether the
 * source is {@code live} (an editor's document) tells whether those models are read from their
 * open editors or from their saved content.
 */
public record WskSource(WskLanguage language, String text, IPath location, boolean live) {

	/** A WSKL text of no file. */
	public static WskSource wskl(String text) {
		return new WskSource(WskLanguage.WSKL, text, null, true);
	}

	/** The document's current text; language and location from its file buffer (WSKL when it has none). */
	public static WskSource of(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		IPath location = buffer == null ? null : buffer.getLocation();
		WskLanguage language = WskLanguage.of(location);
		return new WskSource(language == null ? WskLanguage.WSKL : language, document.get(), location, true);
	}

	/** The file's saved content. */
	public static WskSource saved(IFile file) throws CoreException {
		WskLanguage language = WskLanguage.of(file);
		return new WskSource(language == null ? WskLanguage.WSKL : language, read(file), file.getFullPath(), false);
	}

	/** The workspace file at the location, or null. */
	public IFile file() {
		if (location == null || ResourcesPlugin.getPlugin() == null) {
			return null;
		}
		IResource member = ResourcesPlugin.getWorkspace().getRoot().findMember(location);
		return member instanceof IFile file ? file : null;
	}

	/** The EMF URI of the text's resource: platform resource, file, or a synthetic one. */
	public URI uri() {
		if (location == null) {
			return URI.createURI("synthetic:/editor." + language.fileExtension());
		}
		return file() != null ? URI.createPlatformResourceURI(location.toString(), true)
				: URI.createFileURI(location.toOSString());
	}

	/** A file's saved content, in its charset. */
	public static String read(IFile file) throws CoreException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		} catch (IOException e) {
			throw new CoreException(Status.error("Could not read " + file.getFullPath(), e));
		}
	}
}

package org.wskstudio.wskl.ui.navigation;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.wskstudio.wskl.ide.navigation.CrossReferences;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * Go to definition (Ctrl+click, F3) from a name to its declaration: in a model from
 * {@code with check Name} to the {@code deferred check Name}; in a scenario from the driver,
 * listener and check names to their declarations in the model next to it (opened in its editor)
 * and from {@code for request} to the step that named the request.
 */
public class WsklHyperlinkDetector extends AbstractHyperlinkDetector {

	/** A declaration: the file it is in (null: the same text) and the region of its name. */
	public record Definition(ITextRegion source, IFile file, ITextRegion target) {
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer textViewer, IRegion region, boolean canShowMultipleHyperlinks) {
		ITextEditor editor = getAdapter(ITextEditor.class);
		if (editor == null || WsklFiles.language(editor) == null || textViewer.getDocument() == null) {
			return null;
		}
		Definition definition = definitionOf(WskSource.of(textViewer.getDocument()), region.getOffset());
		return definition == null ? null : new IHyperlink[] { new DeclarationHyperlink(editor, definition) };
	}

	/** For an offset of a WSKL text of no file: the definition of the reference there, or null. */
	public static Definition definitionOf(String text, int offset) {
		return definitionOf(WskSource.wskl(text), offset);
	}

	/** The definition of the reference at the offset, or null. */
	public static Definition definitionOf(WskSource source, int offset) {
		XtextResource resource = WsklParsing.parse(source);
		CrossReferences.Resolved resolved = CrossReferences.at(resource, offset);
		ITextRegion name = resolved == null ? null : resolved.targetName();
		if (name == null) {
			return null;
		}
		URI targetUri = resolved.target().eResource().getURI();
		IFile file = targetUri.equals(resource.getURI()) ? null : workspaceFile(targetUri);
		if (file == null && !targetUri.equals(resource.getURI())) {
			return null; // a model outside the workspace: nothing to open it in
		}
		return new Definition(resolved.source(), file, name);
	}

	private static IFile workspaceFile(URI uri) {
		if (!uri.isPlatformResource()) {
			return null;
		}
		IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(uri.toPlatformString(true)));
		return file.exists() ? file : null;
	}

	private static final class DeclarationHyperlink implements IHyperlink {
		private final ITextEditor editor;
		private final Definition definition;

		DeclarationHyperlink(ITextEditor editor, Definition definition) {
			this.editor = editor;
			this.definition = definition;
		}

		@Override
		public IRegion getHyperlinkRegion() {
			return new Region(definition.source().getOffset(), definition.source().getLength());
		}

		@Override
		public String getTypeLabel() {
			return "Declaration";
		}

		@Override
		public String getHyperlinkText() {
			return definition.file() == null ? "Open declaration" : "Open declaration in " + definition.file().getName();
		}

		@Override
		public void open() {
			ITextEditor target = editor;
			if (definition.file() != null) {
				try {
					IEditorPart part = IDE.openEditor(editor.getSite().getPage(), definition.file(), true);
					target = part == null ? null : part.getAdapter(ITextEditor.class);
				} catch (PartInitException e) {
					WsklUiPlugin.log("Could not open " + definition.file().getFullPath(), e);
					return;
				}
			}
			if (target != null) {
				target.selectAndReveal(definition.target().getOffset(), definition.target().getLength());
			}
		}
	}
}

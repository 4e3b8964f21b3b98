package org.wskstudio.wskl.ui.outline;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.wskstudio.wskl.ui.WsklFiles;

/**
 * Gives the generic editor an outline for .wskl and .wsks files. The generic editor has no outline
 * extension point, but its {@code getAdapter} falls through to the platform's adapter manager,
 * so this factory (registered for {@link ITextEditor} in plugin.xml) answers the Outline view's
 * request for an {@link IContentOutlinePage} - only for model and scenario editors.
 */
public class WsklOutlineAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptableObject, Class<T> adapterType) {
		if (adapterType == IContentOutlinePage.class && adaptableObject instanceof ITextEditor editor
				&& WsklFiles.language(editor) != null) {
			return adapterType.cast(new WsklOutlinePage(editor));
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}

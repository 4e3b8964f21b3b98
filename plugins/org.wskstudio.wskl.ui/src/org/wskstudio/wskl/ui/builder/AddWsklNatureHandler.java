package org.wskstudio.wskl.ui.builder;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Configure > Add WSKL Nature, on the selected projects. */
public class AddWsklNatureHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
			for (Object element : selection) {
				IProject project = Adapters.adapt(element, IProject.class);
				if (project != null && project.isOpen()) {
					try {
						WsklNature.addTo(project, null);
					} catch (CoreException e) {
						throw new ExecutionException("Could not add the WSKL nature to " + project.getName(), e);
					}
				}
			}
		}
		return null;
	}
}

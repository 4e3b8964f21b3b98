package org.wskstudio.wskl.ui.simulation;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;

/**
 * Run As &gt; WSK Simulation on a .wskl file (its scenarios: every .wsks next to it) or a .wsks
 * file (the model: the .wskl next to it with the same base name).
 */
public class SimulationLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
			IFile file = Adapters.adapt(s.getFirstElement(), IFile.class);
			if (file != null) {
				launch(file, mode);
			}
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IFile file = Adapters.adapt(editor.getEditorInput(), IFile.class);
		if (file != null) {
			launch(file, mode);
		}
	}

	private static void launch(IFile file, String mode) {
		try {
			DebugUITools.launch(configurationFor(file), mode);
		} catch (CoreException e) {
			ErrorDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "WSK Simulation",
					"Cannot launch the simulation of " + file.getName(), e.getStatus());
		}
	}

	/** The saved configuration for a .wskl or .wsks file: an existing one with the same files, or a new one. */
	public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
		IFile model;
		String scenario;
		if ("wsks".equals(file.getFileExtension())) {
			String base = file.getName().substring(0, file.getName().length() - ".wsks".length());
			model = file.getParent().getFile(new org.eclipse.core.runtime.Path(base + ".wskl"));
			if (!model.exists()) {
				throw new CoreException(Simulations.error("no model " + model.getFullPath() + " next to "
						+ file.getName(), null));
			}
			scenario = file.getFullPath().toString();
		} else {
			model = file;
			scenario = "";
		}
		String modelPath = model.getFullPath().toString();
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(Simulations.LAUNCH_TYPE_ID);
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
			if (modelPath.equals(c.getAttribute(Simulations.ATTR_MODEL, ""))
					&& scenario.equals(c.getAttribute(Simulations.ATTR_SCENARIO, ""))
					&& c.getAttribute(Simulations.ATTR_SEED, "").isEmpty()) {
				return c;
			}
		}
		String name = manager.generateLaunchConfigurationName(file.getName().replace('.', ' '));
		ILaunchConfigurationWorkingCopy copy = type.newInstance(null, name);
		copy.setAttribute(Simulations.ATTR_MODEL, modelPath);
		copy.setAttribute(Simulations.ATTR_SCENARIO, scenario);
		copy.setAttribute(Simulations.ATTR_SEED, "");
		copy.setMappedResources(new org.eclipse.core.resources.IResource[] { model });
		return copy.doSave();
	}
}

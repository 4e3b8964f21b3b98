package org.wskstudio.wskl.ui.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.MultiRule;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.WsklUiPlugin;
import org.wskstudio.wskl.ui.builder.WsklNature;

/**
 * Keeps the problem markers of models ({@code .wskl}) and scenarios ({@code .wsks}) in step with
 * their saved content: every time a file's content changes on disk (a save in the editor, a
 * quick fix applied to a closed file, a refresh), a workspace job validates the new content and
 * replaces its markers. A change of a model (added, changed, removed) also re-validates the
 * scenarios next to it, which name its driver, listeners and checks; a change of an address list
 * ({@code reject remote from "drop.txt"}) re-validates the models that read it. A resource change listener
 * rather than a builder, so that it works in any project without adding a nature to it; in
 * projects with the WSKL nature the {@link org.wskstudio.wskl.ui.builder.WsklBuilder} does the
 * same as part of each build, and this listener leaves them alone.
 */
public class WsklMarkerUpdater implements IResourceChangeListener {

	/** Jobs of this family update markers; tests join them. */
	public static final Object JOB_FAMILY = WsklMarkerUpdater.class;

	public void install() {
		ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
	}

	public void uninstall() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		if (event.getDelta() == null) {
			return;
		}
		Set<IFile> changed = new LinkedHashSet<>();
		Set<IFile> otherFiles = new LinkedHashSet<>();
		try {
			event.getDelta().accept(delta -> {
				if (delta.getResource() instanceof IProject project) {
					return project.isAccessible() && !project.hasNature(WsklNature.ID);
				}
				if (delta.getResource() instanceof IFile file && WsklFiles.isSource(file)) {
					changed.addAll(affectedBy(file, delta));
				} else if (delta.getResource() instanceof IFile file && AddressListUsers.contentChanged(delta)) {
					otherFiles.add(file); // perhaps an address list a model reads
				}
				return true;
			});
			if (!otherFiles.isEmpty()) {
				changed.addAll(AddressListUsers.modelsReading(otherFiles));
			}
		} catch (CoreException e) {
			WsklUiPlugin.log("Could not read a resource delta", e);
		}
		if (!changed.isEmpty()) {
			schedule(List.copyOf(changed));
		}
	}

	/**
	 * The files whose markers a change of the file invalidates: the file itself when it was added
	 * or its content changed, and for a model also the scenarios next to it (even when the model
	 * was removed).
	 */
	public static List<IFile> affectedBy(IFile file, IResourceDelta delta) throws CoreException {
		boolean added = delta.getKind() == IResourceDelta.ADDED;
		boolean removed = delta.getKind() == IResourceDelta.REMOVED;
		boolean contentChanged = delta.getKind() == IResourceDelta.CHANGED
				&& (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
		if (!added && !removed && !contentChanged) {
			return List.of();
		}
		List<IFile> result = new ArrayList<>();
		if (!removed) {
			result.add(file);
		}
		if (WsklFiles.isWskl(file)) {
			result.addAll(WsklFiles.scenarioFiles(file.getParent()));
		}
		return result;
	}

	/** Validates the files' saved content and replaces their markers, in a workspace job. */
	public static void schedule(List<IFile> files) {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		ISchedulingRule[] rules = files.stream().map(workspace.getRuleFactory()::markerRule).toArray(ISchedulingRule[]::new);
		WorkspaceJob job = new WorkspaceJob("Validating WSKL models and scenarios") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				for (IFile file : files) {
					if (monitor.isCanceled()) {
						return Status.CANCEL_STATUS;
					}
					try {
						if (file.isAccessible()) {
							WsklMarkers.replace(file, WsklValidation.validate(WskSource.saved(file), monitor::isCanceled));
						}
					} catch (OperationCanceledException e) {
						return Status.CANCEL_STATUS;
					} catch (CoreException e) {
						if (file.exists()) { // else it was deleted meanwhile: nothing to mark
							throw e;
						}
					}
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JOB_FAMILY;
			}
		};
		job.setRule(MultiRule.combine(rules));
		job.setSystem(true);
		job.schedule();
	}
}

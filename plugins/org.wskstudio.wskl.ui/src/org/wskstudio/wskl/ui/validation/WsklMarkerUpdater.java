package org.wskstudio.wskl.ui.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
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
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * Keeps the problem markers of {@code .wskl} files in step with their saved content: every time
 * a file's content changes on disk (a save in the editor, a quick fix applied to a closed file,
 * a refresh), a workspace job validates the new content and replaces its markers. A resource
 * change listener rather than an incremental builder, so that it works in any project without
 * adding a nature or a builder to it.
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
		List<IFile> changed = new ArrayList<>();
		try {
			event.getDelta().accept(delta -> {
				if (delta.getResource() instanceof IFile file && WsklFiles.isWskl(file)) {
					boolean added = delta.getKind() == IResourceDelta.ADDED;
					boolean contentChanged = delta.getKind() == IResourceDelta.CHANGED
							&& (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
					if (added || contentChanged) {
						changed.add(file);
					}
				}
				return true;
			});
		} catch (CoreException e) {
			WsklUiPlugin.log("Could not read a resource delta", e);
		}
		if (!changed.isEmpty()) {
			schedule(changed);
		}
	}

	/** Validates the files' saved content and replaces their markers, in a workspace job. */
	public static void schedule(List<IFile> files) {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		ISchedulingRule[] rules = files.stream().map(workspace.getRuleFactory()::markerRule).toArray(ISchedulingRule[]::new);
		WorkspaceJob job = new WorkspaceJob("Validating WSKL files") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				for (IFile file : files) {
					if (monitor.isCanceled()) {
						return Status.CANCEL_STATUS;
					}
					try {
						if (file.isAccessible()) {
							WsklMarkers.replace(file, WsklValidation.validate(read(file), monitor::isCanceled));
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

	public static String read(IFile file) throws CoreException {
		try (InputStream in = file.getContents(true)) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			return bytes.toString(Charset.forName(file.getCharset()));
		} catch (IOException e) {
			throw new CoreException(Status.error("Could not read " + file.getFullPath(), e));
		}
	}
}

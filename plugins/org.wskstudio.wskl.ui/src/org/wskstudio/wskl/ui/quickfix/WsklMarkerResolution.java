package org.wskstudio.wskl.ui.quickfix;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.texteditor.AbstractMarkerAnnotationModel;
import org.wskstudio.wskl.ide.quickfix.WskQuickFix;
import org.wskstudio.wskl.ui.WsklUiPlugin;
import org.wskstudio.wskl.ui.validation.WsklMarkers;

/**
 * Applies a {@link WskQuickFix} to the file of a marker through its shared text file buffer:
 * when the file is open in an editor the editor's document changes (and stays dirty, undoable);
 * when it is not, the change is saved at once. The fixed marker is deleted; the file's markers
 * are recomputed on its next save.
 */
public class WsklMarkerResolution implements IMarkerResolution2 {

	private final WskQuickFix fix;

	public WsklMarkerResolution(WskQuickFix fix) {
		this.fix = fix;
	}

	@Override
	public String getLabel() {
		return fix.label();
	}

	@Override
	public String getDescription() {
		return fix.description();
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public void run(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file)) {
			return;
		}
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		IPath path = file.getFullPath();
		boolean openElsewhere = manager.getTextFileBuffer(path, LocationKind.IFILE) != null;
		try {
			manager.connect(path, LocationKind.IFILE, new NullProgressMonitor());
			try {
				ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
				Position position = currentPosition(buffer, marker);
				boolean changed = WsklQuickFixes.apply(fix, buffer.getDocument(), position.getOffset(), position.getLength(),
						WsklMarkers.issueData(marker));
				if (changed && !openElsewhere) {
					buffer.commit(new NullProgressMonitor(), true);
				}
				if (changed && marker.exists()) {
					marker.delete();
				}
			} finally {
				manager.disconnect(path, LocationKind.IFILE, new NullProgressMonitor());
			}
		} catch (CoreException | BadLocationException e) {
			WsklUiPlugin.log("Could not apply the quick fix '" + fix.label() + "' to " + path, e);
		}
	}

	/** Where the marker is in the document now (an open editor moves it with the edits). */
	private static Position currentPosition(ITextFileBuffer buffer, IMarker marker) {
		IAnnotationModel model = buffer.getAnnotationModel();
		if (model instanceof AbstractMarkerAnnotationModel markerModel) {
			Position position = markerModel.getMarkerPosition(marker);
			if (position != null && !position.isDeleted()) {
				return position;
			}
		}
		int start = marker.getAttribute(IMarker.CHAR_START, 0);
		int end = marker.getAttribute(IMarker.CHAR_END, start);
		return new Position(start, Math.max(0, end - start));
	}
}

package org.wskstudio.wskl.ui.quickfix;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.wskstudio.wskl.ide.quickfix.WskQuickFix;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.WsklUiPlugin;
import org.wskstudio.wskl.ui.validation.WsklMarkers;

/**
 * Quick fixes of problem markers of models and scenarios, chosen by the marker's issue code
 * attribute (and for unresolved references by the names in scope at the marker).
 */
public class WsklMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return WsklQuickFixes.hasFixes(WsklMarkers.issueCode(marker));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		String code = WsklMarkers.issueCode(marker);
		List<WskQuickFix> fixes;
		if (marker.getResource() instanceof IFile file && WsklFiles.isSource(file)) {
			try {
				fixes = WsklQuickFixes.fixesFor(code, WskSource.saved(file), marker.getAttribute(IMarker.CHAR_START, 0));
			} catch (CoreException e) {
				WsklUiPlugin.log("Could not read " + file.getFullPath() + " for its quick fixes", e);
				fixes = WsklQuickFixes.fixesFor(code);
			}
		} else {
			fixes = WsklQuickFixes.fixesFor(code);
		}
		return fixes.stream().map(WsklMarkerResolution::new).toArray(IMarkerResolution[]::new);
	}
}

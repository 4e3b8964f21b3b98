package org.wskstudio.wskl.ui.quickfix;

import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.wskstudio.wskl.ui.validation.WsklMarkers;

/** Quick fixes of WSKL problem markers, chosen by the marker's issue code attribute. */
public class WsklMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return WsklQuickFixes.hasFixes(WsklMarkers.issueCode(marker));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		return WsklQuickFixes.fixesFor(WsklMarkers.issueCode(marker)).stream()
				.map(WsklMarkerResolution::new).toArray(IMarkerResolution[]::new);
	}
}

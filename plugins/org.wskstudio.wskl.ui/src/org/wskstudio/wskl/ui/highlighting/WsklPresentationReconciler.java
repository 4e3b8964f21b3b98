package org.wskstudio.wskl.ui.highlighting;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/**
 * Syntax highlighting of WSKL (registered for the generic editor in plugin.xml). A WSKL file
 * has a single partition; every change re-colours the whole document, because a change can
 * open or close a block comment or a string far from the edited line. WSKL files are a few
 * hundred lines at most, so lexing them on each keystroke costs well under a millisecond per
 * line.
 */
public class WsklPresentationReconciler extends PresentationReconciler {

	public WsklPresentationReconciler() {
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(new WsklTokenScanner()) {
			@Override
			public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
				return new Region(0, event.getDocument().getLength());
			}
		};
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}
}

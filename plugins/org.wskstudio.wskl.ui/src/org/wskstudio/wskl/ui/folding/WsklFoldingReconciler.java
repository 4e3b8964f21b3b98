package org.wskstudio.wskl.ui.folding;

import org.eclipse.jface.text.reconciler.MonoReconciler;

/** Folding of WSKL blocks (generic editor {@code foldingReconcilers}). */
public class WsklFoldingReconciler extends MonoReconciler {

	public WsklFoldingReconciler() {
		super(new WsklFoldingStrategy(), false);
		setDelay(300);
	}
}

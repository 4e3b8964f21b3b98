package org.wskstudio.wskl.ui.validation;

import org.eclipse.jface.text.reconciler.MonoReconciler;

/**
 * Validates the document as you type (registered for the generic editor's
 * {@code reconcilers} extension point) and shows the problems as annotations.
 */
public class WsklValidationReconciler extends MonoReconciler {

	public WsklValidationReconciler() {
		super(new WsklValidationStrategy(), false);
		setDelay(300);
	}
}

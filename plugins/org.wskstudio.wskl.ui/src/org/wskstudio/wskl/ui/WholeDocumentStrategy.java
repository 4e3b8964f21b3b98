package org.wskstudio.wskl.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;

/**
 * A reconciling strategy that always works on the whole document: model and scenario files are
 * a few hundred lines at most, and one change can alter what a distant line means (a closing
 * brace, a renamed listener). Subclasses say what to do with the document.
 */
public abstract class WholeDocumentStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private IDocument document;
	private IProgressMonitor monitor = new NullProgressMonitor();

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor == null ? new NullProgressMonitor() : monitor;
	}

	@Override
	public void initialReconcile() {
		reconcileDocument();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcileDocument();
	}

	@Override
	public void reconcile(IRegion partition) {
		reconcileDocument();
	}

	protected IDocument document() {
		return document;
	}

	protected IProgressMonitor monitor() {
		return monitor;
	}

	/** Reconciles the whole current document. */
	protected abstract void reconcileDocument();
}

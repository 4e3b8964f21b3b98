package org.wskstudio.wskl.ui.outline;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.progress.UIJob;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * The Outline view's page for a WSKL editor (driver, deferred checks, listeners, their accept
 * mode, inspect rules and connection events) or a WSKS editor (scenarios and their steps). It follows the document (rebuilt half a second
 * after the last change); selecting an entry selects its name in the editor.
 */
public class WsklOutlinePage extends ContentOutlinePage {

	private final ITextEditor editor;
	private IDocument document;
	private final IDocumentListener listener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// nothing
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			refresh.schedule(500);
		}
	};
	private final UIJob refresh = new UIJob("Updating the WSK Studio outline") {
		@Override
		public IStatus runInUIThread(IProgressMonitor monitor) {
			update();
			return Status.OK_STATUS;
		}
	};

	public WsklOutlinePage(ITextEditor editor) {
		this.editor = editor;
		refresh.setSystem(true);
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object element) {
				return ((WsklOutlineNode) element).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((WsklOutlineNode) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((WsklOutlineNode) element).label();
			}
		});
		document = WsklFiles.document(editor);
		if (document != null) {
			document.addDocumentListener(listener);
		}
		update();
	}

	/** Rebuilds the tree from the document now (the page also does it after each change). */
	public void update() {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed() || document == null) {
			return;
		}
		try {
			viewer.setInput(WsklOutlineTree.build(WskSource.of(document)));
			viewer.expandAll();
		} catch (RuntimeException e) {
			WsklUiPlugin.log("Could not build the outline", e);
		}
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getSelection() instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof WsklOutlineNode node) {
			editor.selectAndReveal(node.offset(), node.length());
		}
	}

	@Override
	public void dispose() {
		refresh.cancel();
		if (document != null) {
			document.removeDocumentListener(listener);
		}
		super.dispose();
	}
}

package org.wskstudio.wskl.ui.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerLifecycle;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.AnnotationModelEvent;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.IAnnotationModelListener;
import org.eclipse.jface.text.source.IAnnotationModelListenerExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.wskstudio.wskl.ui.WholeDocumentStrategy;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * Validates the whole document and replaces its {@link WsklProblemAnnotation}s.
 *
 * <p>The same file also has problem markers, written when it was last saved
 * ({@link WsklMarkerUpdater}); the editor shows them as marker annotations. To show every
 * problem once: while the document has been edited, the markers' annotations are hidden
 * (marked deleted, as JDT does) and the fresh annotations of this strategy are shown; when new
 * markers arrive for an unmodified document (after a save), they describe exactly the
 * document, and this strategy's annotations are removed in their favour (markers carry the
 * quick fixes of the Problems view).
 */
public class WsklValidationStrategy
		extends WholeDocumentStrategy implements ITextViewerLifecycle, IAnnotationModelListener, IAnnotationModelListenerExtension {

	private ISourceViewer viewer;
	private IAnnotationModel listenedModel;

	@Override
	public void install(ITextViewer textViewer) {
		this.viewer = textViewer instanceof ISourceViewer sourceViewer ? sourceViewer : null;
	}

	@Override
	public void uninstall() {
		IAnnotationModel model = model();
		if (model != null) {
			model.removeAnnotationModelListener(this);
			replaceProblemAnnotations(model, Map.of());
			showMarkerAnnotations(model, true);
		}
		listenedModel = null;
		viewer = null;
	}

	@Override
	protected void reconcileDocument() {
		IDocument current = document();
		IProgressMonitor monitor = monitor();
		IAnnotationModel model = model();
		if (current == null || model == null) {
			return;
		}
		listenTo(model);
		WskSource source = WskSource.of(current);
		String text = source.text();
		List<WsklProblem> problems;
		try {
			problems = WsklValidation.validate(source, monitor::isCanceled);
		} catch (OperationCanceledException e) {
			return;
		} catch (RuntimeException e) {
			if (!monitor.isCanceled()) {
				WsklUiPlugin.log(source.language() + " validation failed", e);
			}
			return;
		}
		if (monitor.isCanceled()) {
			return;
		}
		Map<Annotation, Position> annotations = new HashMap<>();
		for (WsklProblem problem : problems) {
			int offset = Math.min(problem.offset(), text.length());
			int length = Math.max(0, Math.min(problem.length(), text.length() - offset));
			annotations.put(new WsklProblemAnnotation(problem), new Position(offset, length));
		}
		showMarkerAnnotations(model, false);
		replaceProblemAnnotations(model, annotations);
	}

	private IAnnotationModel model() {
		ISourceViewer current = viewer;
		return current == null ? null : current.getAnnotationModel();
	}

	private void listenTo(IAnnotationModel model) {
		if (listenedModel != model) {
			if (listenedModel != null) {
				listenedModel.removeAnnotationModelListener(this);
			}
			model.addAnnotationModelListener(this);
			listenedModel = model;
		}
	}

	private static void replaceProblemAnnotations(IAnnotationModel model, Map<Annotation, Position> annotations) {
		List<Annotation> old = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			if (annotation instanceof WsklProblemAnnotation) {
				old.add(annotation);
			}
		}
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(old.toArray(Annotation[]::new), annotations);
		} else {
			old.forEach(model::removeAnnotation);
			annotations.forEach(model::addAnnotation);
		}
	}

	/** Marks the annotations of WSKL problem markers as (not) deleted; returns whether any changed. */
	private static boolean showMarkerAnnotations(IAnnotationModel model, boolean show) {
		boolean changed = false;
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			if (isWsklMarkerAnnotation(annotation) && annotation.isMarkedDeleted() == show) {
				annotation.markDeleted(!show);
				changed = true;
			}
		}
		return changed;
	}

	private static boolean isWsklMarkerAnnotation(Annotation annotation) {
		if (!(annotation instanceof MarkerAnnotation markerAnnotation)) {
			return false;
		}
		IMarker marker = markerAnnotation.getMarker();
		try {
			return marker.exists() && marker.isSubtypeOf(WsklMarkers.PROBLEM_MARKER);
		} catch (CoreException e) {
			return false;
		}
	}

	@Override
	public void modelChanged(IAnnotationModel model) {
		// see modelChanged(AnnotationModelEvent)
	}

	@Override
	public void modelChanged(AnnotationModelEvent event) {
		boolean markersArrived = false;
		for (Annotation added : event.getAddedAnnotations()) {
			markersArrived |= isWsklMarkerAnnotation(added);
		}
		if (!markersArrived) {
			return;
		}
		IAnnotationModel model = event.getAnnotationModel();
		IDocument document = document();
		ITextFileBuffer buffer = document == null ? null : FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer != null && !buffer.isDirty()) {
			// fresh markers of the saved text: they take over
			replaceProblemAnnotations(model, Map.of());
		} else {
			// markers of an older text: keep showing the as-you-type problems
			showMarkerAnnotations(model, false);
			Map<Annotation, Position> current = new HashMap<>();
			for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
				Annotation annotation = it.next();
				if (annotation instanceof WsklProblemAnnotation) {
					current.put(annotation, model.getPosition(annotation));
				}
			}
			replaceProblemAnnotations(model, current); // repaints without the hidden markers
		}
	}
}

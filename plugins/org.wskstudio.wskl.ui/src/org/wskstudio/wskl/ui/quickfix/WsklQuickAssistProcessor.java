package org.wskstudio.wskl.ui.quickfix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.wskstudio.wskl.ide.quickfix.WskQuickFix;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklUiPlugin;
import org.wskstudio.wskl.ui.validation.WsklMarkers;
import org.wskstudio.wskl.ui.validation.WsklProblem;
import org.wskstudio.wskl.ui.validation.WsklProblemAnnotation;

/**
 * Quick assist (Ctrl+1) for the problems found while typing, before the file is saved: the same
 * fixes as the markers' quick fixes. A problem that a marker annotation already covers is left
 * to the generic editor's marker resolution processor, so no fix is offered twice.
 */
public class WsklQuickAssistProcessor implements IQuickAssistProcessor {

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof WsklProblemAnnotation problem && WsklQuickFixes.hasFixes(problem.getProblem().code());
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IAnnotationModel model = context.getSourceViewer().getAnnotationModel();
		IDocument document = context.getSourceViewer().getDocument();
		if (model == null || document == null) {
			return new ICompletionProposal[0];
		}
		int offset = context.getOffset();
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			Position position = model.getPosition(annotation);
			if (!(annotation instanceof WsklProblemAnnotation problemAnnotation) || position == null
					|| !covers(position, offset)) {
				continue;
			}
			WsklProblem problem = problemAnnotation.getProblem();
			if (coveredByMarker(model, problem.code(), offset)) {
				continue;
			}
			for (WskQuickFix fix : WsklQuickFixes.fixesFor(problem.code(), WskSource.of(document), position.getOffset())) {
				proposals.add(new FixProposal(fix, document, position, problem));
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	private static boolean covers(Position position, int offset) {
		return position.getOffset() <= offset && offset <= position.getOffset() + position.getLength();
	}

	private static boolean coveredByMarker(IAnnotationModel model, String code, int offset) {
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation marker) {
				IMarker m = marker.getMarker();
				Position position = model.getPosition(marker);
				if (m.exists() && code != null && code.equals(WsklMarkers.issueCode(m)) && position != null
						&& covers(position, offset)) {
					return true;
				}
			}
		}
		return false;
	}

	private static final class FixProposal implements ICompletionProposal {
		private final WskQuickFix fix;
		private final IDocument document;
		private final Position position;
		private final WsklProblem problem;

		FixProposal(WskQuickFix fix, IDocument document, Position position, WsklProblem problem) {
			this.fix = fix;
			this.document = document;
			this.position = position;
			this.problem = problem;
		}

		@Override
		public void apply(IDocument target) {
			try {
				WsklQuickFixes.apply(fix, document, position.getOffset(), position.getLength(), problem.data());
			} catch (BadLocationException e) {
				WsklUiPlugin.log("Could not apply the quick fix '" + fix.label() + "'", e);
			}
		}

		@Override
		public Point getSelection(IDocument target) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return fix.description();
		}

		@Override
		public String getDisplayString() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}

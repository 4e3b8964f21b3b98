package org.wskstudio.wskl.ui.folding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerLifecycle;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.wskstudio.wskl.ui.WholeDocumentStrategy;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklLexing;
import org.wskstudio.wskl.ui.WsklLexing.WsklToken;

/**
 * One folding region per brace block that spans lines (listeners, inspect blocks, scenarios), and one
 * per block comment over several lines. Braces are found with the lexer, so braces in strings
 * and comments do not count. Existing regions are kept (with their collapsed state) when their
 * lines do not change.
 */
public class WsklFoldingStrategy extends WholeDocumentStrategy implements ITextViewerLifecycle {

	private ProjectionViewer viewer;

	@Override
	public void install(ITextViewer textViewer) {
		viewer = textViewer instanceof ProjectionViewer projection ? projection : null;
	}

	@Override
	public void uninstall() {
		viewer = null;
	}

	/** The regions to fold in a text: whole lines, from the opening line to the closing one. */
	public static List<Position> foldingRegions(IDocument document) {
		List<Position> regions = new ArrayList<>();
		WskSource source = WskSource.of(document);
		List<WsklToken> tokens = WsklLexing.tokens(source.language(), source.text());
		Deque<WsklToken> open = new ArrayDeque<>();
		try {
			for (WsklToken token : tokens) {
				if (token.isKeyword("{")) {
					open.push(token);
				} else if (token.isKeyword("}") && !open.isEmpty()) {
					addLines(document, open.pop().offset(), token.offset(), regions);
				} else if (token.kind() == WsklLexing.Kind.COMMENT && token.text().startsWith("/*")) {
					addLines(document, token.offset(), token.end() - 1, regions);
				}
			}
		} catch (BadLocationException e) {
			return List.of();
		}
		return regions;
	}

	private static void addLines(IDocument document, int start, int end, List<Position> regions) throws BadLocationException {
		int firstLine = document.getLineOfOffset(start);
		int lastLine = document.getLineOfOffset(end);
		if (lastLine > firstLine) {
			int offset = document.getLineOffset(firstLine);
			IRegion last = document.getLineInformation(lastLine);
			String delimiter = document.getLineDelimiter(lastLine);
			int endOffset = last.getOffset() + last.getLength() + (delimiter == null ? 0 : delimiter.length());
			regions.add(new Position(offset, endOffset - offset));
		}
	}

	@Override
	protected void reconcileDocument() {
		ProjectionViewer current = viewer;
		IDocument doc = document();
		if (current == null || doc == null) {
			return;
		}
		ProjectionAnnotationModel model = current.getProjectionAnnotationModel();
		if (model == null) {
			return;
		}
		List<Position> wanted = foldingRegions(doc);
		Map<String, Annotation> existing = new HashMap<>();
		List<Annotation> deletions = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			Position position = model.getPosition(annotation);
			if (position == null || existing.putIfAbsent(key(position), annotation) != null) {
				deletions.add(annotation);
			}
		}
		Map<Annotation, Position> additions = new HashMap<>();
		for (Position position : wanted) {
			if (existing.remove(key(position)) == null) {
				additions.put(new ProjectionAnnotation(), position);
			}
		}
		deletions.addAll(existing.values());
		if (!deletions.isEmpty() || !additions.isEmpty()) {
			model.modifyAnnotations(deletions.toArray(Annotation[]::new), additions, null);
		}
	}

	private static String key(Position position) {
		return position.getOffset() + ":" + position.getLength();
	}
}

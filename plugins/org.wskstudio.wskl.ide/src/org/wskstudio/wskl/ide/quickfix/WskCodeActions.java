package org.wskstudio.wskl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ReplaceRegion;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * The quick fixes as LSP code actions: for each diagnostic of the request whose code has fixes
 * ({@link WskQuickFixes}), one {@code quickfix} action per fix with the workspace edit that the
 * Eclipse editor would apply. The fix reads the document's current text and its parsed
 * resource, as in Eclipse; a diagnostic's {@code data}, when the client hands it back as a list
 * of strings, is the data.
 */
public class WskCodeActions implements ICodeActionService2 {

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		if (options.getCodeActionParams().getContext() == null) {
			return new ArrayList<>();
		}
		if (options.getResource() != null && options.getDocument() != null) {
			return actions(options, options.getResource(), options.getDocument());
		}
		// Xtext's server hands over the URI and its access only: read the document's resource through it
		return options.getLanguageServerAccess().doSyncRead(options.getURI(),
				context -> actions(options, context.getResource(), context.getDocument()));
	}

	private static List<Either<Command, CodeAction>> actions(Options options, Resource resource, Document document) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		if (!(resource instanceof XtextResource parsed) || document == null) {
			return actions;
		}
		for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = diagnostic.getCode() == null ? null
					: diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft() : String.valueOf(diagnostic.getCode().getRight());
			if (!WskQuickFixes.hasFixes(code)) {
				continue;
			}
			int offset = document.getOffSet(diagnostic.getRange().getStart());
			int length = document.getOffSet(diagnostic.getRange().getEnd()) - offset;
			for (WskQuickFix fix : WskQuickFixes.fixesFor(code, parsed, offset)) {
				if (options.getCancelIndicator() != null && options.getCancelIndicator().isCanceled()) {
					return actions;
				}
				ReplaceRegion edit = fix.edit(document.getContents(), parsed, offset, length, data(diagnostic));
				if (edit != null) {
					actions.add(Either.forRight(action(fix, diagnostic, options.getURI(), document, edit)));
				}
			}
		}
		return actions;
	}

	private static CodeAction action(WskQuickFix fix, Diagnostic diagnostic, String uri, Document document, ReplaceRegion edit) {
		Position start = document.getPosition(edit.getOffset());
		Position end = document.getPosition(edit.getEndOffset());
		CodeAction action = new CodeAction(fix.label());
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(List.of(diagnostic));
		action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(new Range(start, end), edit.getText())))));
		return action;
	}

	private static List<String> data(Diagnostic diagnostic) {
		List<String> data = new ArrayList<>();
		Object raw = diagnostic.getData();
		if (raw instanceof JsonArray array) {
			for (JsonElement element : array) {
				if (element.isJsonPrimitive()) {
					data.add(element.getAsString());
				}
			}
		} else if (raw instanceof String[] strings) {
			data.addAll(List.of(strings));
		} else if (raw instanceof List<?> list) {
			list.forEach(item -> data.add(String.valueOf(item)));
		}
		return data;
	}
}

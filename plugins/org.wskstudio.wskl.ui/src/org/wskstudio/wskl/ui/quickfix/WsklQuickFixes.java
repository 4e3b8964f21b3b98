package org.wskstudio.wskl.ui.quickfix;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/** The quick fixes of each issue code, in the order they are offered. */
public final class WsklQuickFixes {

	private static final Map<String, List<WsklQuickFix>> FIXES = Map.of(
			WsklIssueCodes.MISSING_DEFAULT_ACTION, List.of(new AddDefaultActionFix("reject"), new AddDefaultActionFix("accept")),
			WsklIssueCodes.INSPECT_WITHOUT_CONDITIONAL_ACCEPT, List.of(new EnableConditionalAcceptFix()),
			WsklIssueCodes.INVALID_POOL_TAG, List.of(new FixPoolTagFix()),
			WsklIssueCodes.SHADOWED_RULE, List.of(new RemoveShadowedRuleFix()),
			WsklIssueCodes.PEND_WITHOUT_TIMEOUT, List.of(new AddPendTimeoutFix()),
			WsklIssueCodes.PEND_WITHOUT_DEFAULT, List.of(new AddPendElseFix("reject"), new AddPendElseFix("accept")),
			WsklIssueCodes.HOST_BITS_SET, List.of(new NormalizeNetworkFix()));

	private WsklQuickFixes() {
	}

	/** The fixes of an issue code that do not depend on the text. */
	public static List<WsklQuickFix> fixesFor(String issueCode) {
		return issueCode == null ? List.of() : FIXES.getOrDefault(issueCode, List.of());
	}

	/**
	 * The fixes for a problem at an offset of the source: those of its issue code, and for an
	 * unresolved reference one per name the reference could take there.
	 */
	public static List<WsklQuickFix> fixesFor(String issueCode, WskSource source, int offset) {
		if (Diagnostic.LINKING_DIAGNOSTIC.equals(issueCode)) {
			return ReferenceCandidates.at(WsklParsing.parse(source), offset).stream()
					.<WsklQuickFix>map(ChangeReferenceFix::new).toList();
		}
		return fixesFor(issueCode);
	}

	/** Whether problems with the issue code can have fixes (unresolved references: when a name is in scope). */
	public static boolean hasFixes(String issueCode) {
		return Diagnostic.LINKING_DIAGNOSTIC.equals(issueCode) || !fixesFor(issueCode).isEmpty();
	}

	/**
	 * Applies a fix to a document for the problem at [offset, offset + length).
	 *
	 * @return whether the document changed
	 */
	public static boolean apply(WsklQuickFix fix, IDocument document, int offset, int length, List<String> data)
			throws BadLocationException {
		WskSource source = WskSource.of(document);
		TextEdit edit = fix.edit(source.text(), WsklParsing.parse(source), offset, length, data);
		if (edit == null) {
			return false;
		}
		try {
			edit.apply(document);
		} catch (MalformedTreeException e) {
			throw new BadLocationException(e.getMessage());
		}
		return true;
	}
}

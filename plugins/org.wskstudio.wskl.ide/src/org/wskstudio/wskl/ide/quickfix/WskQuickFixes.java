package org.wskstudio.wskl.ide.quickfix;

import java.util.List;
import java.util.Map;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/**
 * The quick fixes of each issue code, in the order they are offered: the one list that the
 * Eclipse editor (marker resolutions, quick assist) and the language server (code actions,
 * {@link WskCodeActions}) both offer.
 */
public final class WskQuickFixes {

	private static final Map<String, List<WskQuickFix>> FIXES = Map.of(
			WsklIssueCodes.MISSING_DEFAULT_ACTION, List.of(new AddDefaultActionFix("reject"), new AddDefaultActionFix("accept")),
			WsklIssueCodes.INSPECT_WITHOUT_CONDITIONAL_ACCEPT, List.of(new EnableConditionalAcceptFix()),
			WsklIssueCodes.INVALID_POOL_TAG, List.of(new FixPoolTagFix()),
			WsklIssueCodes.SHADOWED_RULE, List.of(RemoveUnreachableRuleFix.shadowed()),
			WsklIssueCodes.UNREACHABLE_RULE, List.of(RemoveUnreachableRuleFix.covered()),
			WsklIssueCodes.PEND_WITHOUT_TIMEOUT, List.of(new AddPendTimeoutFix()),
			WsklIssueCodes.PEND_WITHOUT_DEFAULT, List.of(new AddPendElseFix("reject"), new AddPendElseFix("accept")),
			WsklIssueCodes.HOST_BITS_SET, List.of(new NormalizeNetworkFix()));

	private WskQuickFixes() {
	}

	/** The fixes of an issue code that do not depend on the text. */
	public static List<WskQuickFix> fixesFor(String issueCode) {
		return issueCode == null ? List.of() : FIXES.getOrDefault(issueCode, List.of());
	}

	/**
	 * The fixes for a problem at an offset of a parsed text: those of its issue code, and for an
	 * unresolved reference one per name the reference could take there.
	 */
	public static List<WskQuickFix> fixesFor(String issueCode, XtextResource parsed, int offset) {
		if (Diagnostic.LINKING_DIAGNOSTIC.equals(issueCode)) {
			return ReferenceCandidates.at(parsed, offset).stream().<WskQuickFix>map(ChangeReferenceFix::new).toList();
		}
		return fixesFor(issueCode);
	}

	/** Whether problems with the issue code can have fixes (unresolved references: when a name is in scope). */
	public static boolean hasFixes(String issueCode) {
		return Diagnostic.LINKING_DIAGNOSTIC.equals(issueCode) || !fixesFor(issueCode).isEmpty();
	}
}

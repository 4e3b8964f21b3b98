package org.wskstudio.wsk.generator.c;

import java.util.List;
import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.ModelWords;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskListener;

/**
 * Model elements written back in WSKL-like words for the comments of the generated C (the
 * header's model summary, the rule table), safe for a C comment. The words are
 * {@link ModelWords}'; the C quotes addresses as the model wrote them. Comment text only; no C
 * semantics depend on it.
 */
final class CModelText {

	private CModelText() {
	}

	static String listenerSummary(WskListener l) {
		return ModelWords.listenerSummary(l, endpoint(l), "inspect rules");
	}

	/** {@code dual-stack [::]:40007} */
	static String endpoint(WskListener l) {
		return CLiterals.commentSafe(ModelWords.endpoint(l, true));
	}

	/** {@code pend remote 172.16.0.0/12 with check Reputation timeout 500 ms else reject} */
	static String rule(InspectRule r) {
		StringBuilder sb = new StringBuilder(ModelWords.ruleMatch(r, true));
		if (r.getAction() == InspectAction.PEND) {
			if (r.getCheck() != null) {
				sb.append(" with check ").append(r.getCheck().getName());
			}
			if (r.getTimeoutMillis() > 0) {
				sb.append(" timeout ").append(r.getTimeoutMillis()).append(" ms else ")
						.append(ModelWords.actionWord(r.getTimeoutAction()));
			} else {
				sb.append(" (no timeout)");
			}
		}
		return CLiterals.commentSafe(sb.toString());
	}

	static String ruleList(List<InspectRule> rules) {
		return rules.stream().map(CTrace::of).collect(Collectors.joining(", "));
	}
}

package org.wskstudio.wskl.validation;

import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.wskstudio.wskl.rules.RuleExtent;
import org.wskstudio.wskl.rules.RuleReachability;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.InspectRule;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/**
 * Inspect rules that no request reaches: one earlier rule already matches every request the rule
 * matches ({@link WsklIssueCodes#SHADOWED_RULE}), or several earlier rules together do
 * ({@link WsklIssueCodes#UNREACHABLE_RULE}). Found by one sweep over interval covers
 * ({@link RuleReachability}), near-linear in the number of rules.
 */
public class RuleReachabilityChecks extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into WsklValidator
	}

	@Check
	public void checkInspectRuleShadowed(InspectBlock inspect) {
		if (!(inspect.eContainer() instanceof Listener listener)) {
			return;
		}
		List<InspectRule> rules = inspect.getRules();
		for (RuleReachability.Finding finding : RuleReachability.of(RuleExtent.of(listener))) {
			int i = finding.rule();
			if (finding.single()) {
				error("Rule " + (i + 1) + " is never used: rule " + named(rules, finding.coveredBy().get(0))
						+ " already matches every request it matches. Move it up or remove it.",
						inspect, Literals.INSPECT_BLOCK__RULES, i, WsklIssueCodes.SHADOWED_RULE, Integer.toString(i));
			} else {
				error("Rule " + (i + 1) + " is never used: rules " + listed(rules, finding)
						+ " together already match every request it matches. Remove it, or move it above them.",
						inspect, Literals.INSPECT_BLOCK__RULES, i, WsklIssueCodes.UNREACHABLE_RULE, Integer.toString(i));
			}
		}
	}

	private static String listed(List<InspectRule> rules, RuleReachability.Finding finding) {
		List<Integer> by = finding.coveredBy();
		StringBuilder text = new StringBuilder();
		for (int k = 0; k < by.size(); k++) {
			if (k > 0) {
				text.append(k == by.size() - 1 && finding.complete() ? " and " : ", ");
			}
			text.append(named(rules, by.get(k)));
		}
		return finding.complete() ? text.toString() : text + " and others";
	}

	/** "2 (line 9)": the rule's number in the block, and its line. */
	private static String named(List<InspectRule> rules, int index) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(rules.get(index));
		return (index + 1) + (node != null ? " (line " + node.getStartLine() + ")" : "");
	}
}

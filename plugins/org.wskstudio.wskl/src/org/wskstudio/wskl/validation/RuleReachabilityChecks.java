package org.wskstudio.wskl.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;
import org.wskstudio.wskl.rules.RuleExtent;
import org.wskstudio.wskl.rules.RuleReachability;
import org.wskstudio.wskl.rules.RuleReachability.Finding;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.InspectRule;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/**
 * Inspect rules that no request reaches: one earlier rule already matches every request the rule
 * matches ({@link WsklIssueCodes#SHADOWED_RULE}), or several earlier rules together do
 * ({@link WsklIssueCodes#UNREACHABLE_RULE}). Found by one sweep over interval covers
 * ({@link RuleReachability}), near-linear in the number of rules and list lines.
 *
 * <p>The lines of an address list take part one by one: a line that earlier rules or lines
 * already cover is a warning ({@link WsklIssueCodes#RULE_LIST_ENTRY}) on the model's
 * {@code from "..."} string with the list's {@code file:line:col} in front, at most
 * {@link RuleListChecks#MAX_LINE_PROBLEMS} a list, then their count; a list whose every line is
 * covered makes its rule unreachable like an inline rule. Covering list lines are named by their
 * place ("drop.txt:3").
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
		List<RuleExtent> extents = RuleExtent.of(listener);
		Map<Integer, Integer> linesOf = new LinkedHashMap<>();
		for (RuleExtent extent : extents) {
			if (extent.entry() != null) {
				linesOf.merge(extent.index(), 1, Integer::sum);
			}
		}
		Map<Integer, List<Finding>> listFindings = new LinkedHashMap<>();
		for (Finding finding : RuleReachability.of(extents)) {
			if (finding.rule().entry() == null) {
				reportRule(inspect, rules, finding.rule().index(), finding.coveredBy(), finding.complete());
			} else {
				listFindings.computeIfAbsent(finding.rule().index(), i -> new ArrayList<>()).add(finding);
			}
		}
		listFindings.forEach((index, findings) -> {
			if (findings.size() == linesOf.get(index)) {
				reportWholeList(inspect, rules, index, findings);
			} else {
				reportLines(rules.get(index).getMatch().getRemote(), rules, findings);
			}
		});
	}

	/** Every line of the rule's list is covered: the rule is, by what covers the lines from outside it. */
	private void reportWholeList(InspectBlock inspect, List<InspectRule> rules, int index, List<Finding> findings) {
		Set<RuleExtent> by = new LinkedHashSet<>();
		boolean complete = true;
		for (Finding finding : findings) {
			complete &= finding.complete();
			finding.coveredBy().stream().filter(e -> e.index() != index).forEach(by::add);
		}
		List<RuleExtent> sorted = new ArrayList<>(by);
		sorted.sort((a, b) -> a.index() != b.index() ? Integer.compare(a.index(), b.index())
				: Integer.compare(a.entry().line(), b.entry().line()));
		complete &= sorted.size() <= RuleReachability.NAMED;
		reportRule(inspect, rules, index, sorted.subList(0, Math.min(RuleReachability.NAMED, sorted.size())), complete);
	}

	private void reportRule(InspectBlock inspect, List<InspectRule> rules, int i, List<RuleExtent> by, boolean complete) {
		if (by.size() == 1 && complete) {
			error("Rule " + (i + 1) + " is never used: " + named(rules, by.get(0))
					+ " already matches every request it matches. Move it up or remove it.",
					inspect, Literals.INSPECT_BLOCK__RULES, i, WsklIssueCodes.SHADOWED_RULE, Integer.toString(i));
		} else {
			error("Rule " + (i + 1) + " is never used: " + listed(rules, by, complete)
					+ " together already match every request it matches. Remove it, or move it above them.",
					inspect, Literals.INSPECT_BLOCK__RULES, i, WsklIssueCodes.UNREACHABLE_RULE, Integer.toString(i));
		}
	}

	/** Warnings on the list's string for its covered lines, at most {@link RuleListChecks#MAX_LINE_PROBLEMS}, then the count. */
	private void reportLines(AddressPattern pattern, List<InspectRule> rules, List<Finding> findings) {
		ValidationMessageAcceptor acceptor = getMessageAcceptor();
		for (Finding finding : findings.subList(0, Math.min(findings.size(), RuleListChecks.MAX_LINE_PROBLEMS))) {
			RuleExtent.Entry entry = finding.rule().entry();
			boolean single = finding.coveredBy().size() == 1 && finding.complete();
			String message = entry.text() + " is never used: " + (single
					? named(rules, finding.coveredBy().get(0)) + " already matches every request it matches."
					: listed(rules, finding.coveredBy(), finding.complete()) + " together already match every request it matches.")
					+ " Remove the line.";
			String[] data = { entry.list(), Integer.toString(entry.line()), Integer.toString(entry.column()), message,
					single ? WsklIssueCodes.SHADOWED_RULE : WsklIssueCodes.UNREACHABLE_RULE };
			acceptor.acceptWarning(entry.list() + ":" + entry.line() + ":" + entry.column() + ": " + message, pattern,
					Literals.ADDRESS_PATTERN__LIST, ValidationMessageAcceptor.INSIGNIFICANT_INDEX,
					WsklIssueCodes.RULE_LIST_ENTRY, data);
		}
		if (findings.size() > RuleListChecks.MAX_LINE_PROBLEMS) {
			warning("The address list '" + pattern.getList() + "' has " + findings.size()
					+ " lines that earlier rules or lines already cover; the first " + RuleListChecks.MAX_LINE_PROBLEMS
					+ " are shown.", pattern, Literals.ADDRESS_PATTERN__LIST, WsklIssueCodes.RULE_LIST_ENTRY);
		}
	}

	/** "rules 1 (line 7) and 2 (line 8)"; with list lines "rule 1 (line 7), drop.txt:3 and drop.txt:4". */
	private static String listed(List<InspectRule> rules, List<RuleExtent> by, boolean complete) {
		boolean inline = by.stream().allMatch(e -> e.entry() == null);
		StringBuilder text = new StringBuilder(inline ? "rules " : "");
		for (int k = 0; k < by.size(); k++) {
			if (k > 0) {
				text.append(k == by.size() - 1 && complete ? " and " : ", ");
			}
			text.append(inline ? number(rules, by.get(k).index()) : named(rules, by.get(k)));
		}
		return complete ? text.toString() : text + " and others";
	}

	/** "rule 2 (line 9)" for a rule, "drop.txt:3" for a list line. */
	private static String named(List<InspectRule> rules, RuleExtent extent) {
		RuleExtent.Entry entry = extent.entry();
		return entry == null ? "rule " + number(rules, extent.index()) : entry.list() + ":" + entry.line();
	}

	/** "2 (line 9)": the rule's number in the block, and its line. */
	private static String number(List<InspectRule> rules, int index) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(rules.get(index));
		return (index + 1) + (node != null ? " (line " + node.getStartLine() + ")" : "");
	}
}

package org.wskstudio.wskl.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.model.addressing.IntervalCover;
import org.wskstudio.wskl.rules.RuleExtent.Condition;

/**
 * The rules of a listener that no request can reach, because earlier rules together already
 * match every request they match (first match wins), as firewall policy analysers report them.
 *
 * <p>One pass in rule order over interval covers ({@link IntervalCover}), never all pairs of
 * rules: the rules are grouped by their other conditions (remote ports, local address); each
 * group has one cover per family holding the remote intervals of the earlier rules whose
 * conditions match a superset of the group's. A rule is unreachable when its group's cover
 * already holds its whole interval. That is sound, never a false "never used": an earlier rule
 * counts only if it matches every port and local address the rule does; rules that only
 * together cover the ports (1-100 and 101-65535) are not combined, which can miss an
 * unreachable rule but never invents one. With more than {@value #EXACT_GROUPS} groups, a group
 * is checked against itself and the rules that match everything only, which keeps the pass at
 * O(n log n) for any model.
 *
 * <p>A rule with an address list takes part line by line ({@link RuleExtent#entry()}): each listed
 * range is checked against the earlier rules and the earlier lines, and covers what comes after it,
 * as the expanded rules do. The covers are labelled with the extent's position, so a finding names
 * list lines as well as rules.
 */
public final class RuleReachability {

	/** An unreachable rule (or list line) and the earlier rules and list lines (in rule order) that cover it. */
	public record Finding(RuleExtent rule, List<RuleExtent> coveredBy, boolean complete) {

		/** True when one earlier rule alone covers it (the classic shadowed rule). */
		public boolean single() {
			return coveredBy.size() == 1;
		}
	}

	static final int EXACT_GROUPS = 32;
	/** At most this many covering rules are named. */
	public static final int NAMED = 5;
	private static final int NOBODY = -1;

	private final List<Condition> groups = new ArrayList<>();
	private final List<List<Integer>> targets = new ArrayList<>();
	private final List<List<Integer>> sources = new ArrayList<>();
	private final List<Group> covers = new ArrayList<>();

	/** One group's covers: IPv4 interval, IPv6 interval, and the first rule without remote address. */
	private static final class Group {
		final IntervalCover ipv4 = new IntervalCover();
		final IntervalCover ipv6 = new IntervalCover();
		int anyFamily = NOBODY;

		Group() {
			BigInteger[] mapped = IntervalCover.bounds(RuleExtent.MAPPED);
			ipv6.add(mapped[0], mapped[1], NOBODY);
		}
	}

	private RuleReachability(List<RuleExtent> rules) {
		Map<Condition, Integer> index = new LinkedHashMap<>();
		for (RuleExtent rule : rules) {
			index.computeIfAbsent(rule.condition(), c -> index.size());
		}
		groups.addAll(index.keySet());
		int full = groups.stream().filter(Condition::matchesEverything).findFirst().map(index::get).orElse(NOBODY);
		for (int g = 0; g < groups.size(); g++) {
			targets.add(new ArrayList<>());
			sources.add(new ArrayList<>());
			covers.add(new Group());
		}
		for (int g = 0; g < groups.size(); g++) {
			for (int h = 0; h < groups.size() && groups.size() <= EXACT_GROUPS; h++) {
				if (groups.get(h).covers(groups.get(g))) {
					targets.get(h).add(g);
				}
			}
			if (groups.size() > EXACT_GROUPS) {
				targets.get(g).add(g);
				sources.get(g).add(g);
				if (full != NOBODY && full != g) {
					sources.get(g).add(full);
				}
			} else {
				sources.get(g).add(g);
			}
		}
	}

	/** The unreachable rules among the extents (in rule order), each with what covers it. */
	public static List<Finding> of(List<RuleExtent> rules) {
		RuleReachability sweep = new RuleReachability(rules);
		List<Finding> findings = new ArrayList<>();
		Map<Condition, Integer> groupOf = new LinkedHashMap<>();
		for (int g = 0; g < sweep.groups.size(); g++) {
			groupOf.put(sweep.groups.get(g), g);
		}
		for (int position = 0; position < rules.size(); position++) {
			RuleExtent rule = rules.get(position);
			int group = groupOf.get(rule.condition());
			Finding finding = sweep.find(rule, group, rules);
			if (finding != null) {
				findings.add(finding);
			}
			for (int target : sweep.targets.get(group)) {
				sweep.add(sweep.covers.get(target), rule, position);
			}
		}
		return findings;
	}

	private void add(Group group, RuleExtent rule, int position) {
		switch (rule.family()) {
		case RuleExtent.ANY -> {
			group.ipv4.add(BigInteger.ZERO, space(32), position);
			group.ipv6.add(BigInteger.ZERO, space(128), position);
			if (group.anyFamily == NOBODY) {
				group.anyFamily = position;
			}
		}
		case RuleExtent.IPV4 -> group.ipv4.add(rule.first(), rule.last(), position);
		default -> group.ipv6.add(rule.first(), rule.last(), position);
		}
	}

	private Finding find(RuleExtent rule, int group, List<RuleExtent> earlier) {
		for (int source : sources.get(group)) {
			Group cover = covers.get(source);
			if (rule.family() == RuleExtent.ANY) {
				if (cover.anyFamily != NOBODY) {
					return new Finding(rule, List.of(earlier.get(cover.anyFamily)), true);
				}
				continue;
			}
			IntervalCover.Labels labels = (rule.family() == RuleExtent.IPV4 ? cover.ipv4 : cover.ipv6)
					.labelsOver(rule.first(), rule.last(), NAMED + 1);
			if (labels == null) {
				continue;
			}
			List<Integer> by = new ArrayList<>(labels.labels());
			by.remove(Integer.valueOf(NOBODY));
			by.sort(null);
			for (int candidate : by) {
				if (earlier.get(candidate).spans(rule)) {
					return new Finding(rule, List.of(earlier.get(candidate)), true);
				}
			}
			boolean complete = labels.complete() && by.size() <= NAMED;
			return new Finding(rule, by.subList(0, Math.min(NAMED, by.size())).stream().map(earlier::get).toList(),
					complete);
		}
		return null;
	}

	private static BigInteger space(int bits) {
		return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
	}
}

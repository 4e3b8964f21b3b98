package org.wskstudio.wskl.tests.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.lists.ListedModels.issues;
import static org.wskstudio.wskl.tests.lists.ListedModels.model;
import static org.wskstudio.wskl.tests.lists.ListedModels.write;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.validation.RuleListChecks;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/**
 * The lines of an address list in the reachability sweep: each listed range is covered by earlier
 * rules and lines and covers what comes after it, as the expanded rules do. Rules start on line 7.
 */
class AddressListReachabilityTest {

	@TempDir
	Path dir;

	private List<Issue> check(String list, String rules) {
		write(dir, "drop.txt", list);
		return issues(write(dir, "m.wskl", model("ipv4 0.0.0.0", rules)));
	}

	private static List<Issue> withCode(List<Issue> issues, String code) {
		return issues.stream().filter(i -> code.equals(i.getCode())).toList();
	}

	@Test
	void aLineAnEarlierRuleCoversIsAWarningAtTheListLine() {
		List<Issue> issues = check("192.0.2.0/24\n  10.1.2.0/24\n",
				"\t\treject remote 10.0.0.0/8\n\t\treject remote from \"drop.txt\"\n");
		assertThat(issues).singleElement().satisfies(i -> {
			assertThat(i.getCode()).isEqualTo(WsklIssueCodes.RULE_LIST_ENTRY);
			assertThat(i.getSeverity()).isEqualTo(Severity.WARNING);
			assertThat(i.getMessage()).isEqualTo("drop.txt:2:3: 10.1.2.0/24 is never used: rule 1 (line 7) already matches"
					+ " every request it matches. Remove the line.");
			assertThat(i.getLineNumber()).isEqualTo(8);
			assertThat(i.getColumn()).isEqualTo("\t\treject remote from ".length() + 1);
			assertThat(i.getData()).containsExactly("drop.txt", "2", "3", "10.1.2.0/24 is never used: rule 1 (line 7)"
					+ " already matches every request it matches. Remove the line.", WsklIssueCodes.SHADOWED_RULE);
		});
	}

	@Test
	void aLineEarlierLinesCoverTogetherNamesThem() {
		List<Issue> issues = check("10.0.0.0/25\n10.0.0.128/25\n# both halves again\n10.0.0.0/24\n",
				"\t\treject remote from \"drop.txt\"\n");
		assertThat(issues).extracting(Issue::getMessage).containsExactly("drop.txt:4:1: 10.0.0.0/24 is never used:"
				+ " drop.txt:1 and drop.txt:2 together already match every request it matches. Remove the line.");
		assertThat(issues.get(0).getData()[4]).isEqualTo(WsklIssueCodes.UNREACHABLE_RULE);
	}

	@Test
	void aDuplicateLineIsCoveredByItsFirstCopy() {
		assertThat(check("10.0.0.0/8\n192.0.2.0/24\n10.0.0.0/8\n", "\t\treject remote from \"drop.txt\"\n"))
				.extracting(Issue::getMessage).containsExactly("drop.txt:3:1: 10.0.0.0/8 is never used: drop.txt:1"
						+ " already matches every request it matches. Remove the line.");
	}

	@Test
	void anInlineRuleAfterTheListIsCoveredByItsLinesTogether() {
		List<Issue> issues = check("# halves\n\n10.0.0.0/25\n10.0.0.128/25\n",
				"\t\treject remote from \"drop.txt\"\n\t\taccept remote 10.0.0.0/24\n");
		assertThat(issues).singleElement().satisfies(i -> {
			assertThat(i.getCode()).isEqualTo(WsklIssueCodes.UNREACHABLE_RULE);
			assertThat(i.getSeverity()).isEqualTo(Severity.ERROR);
			assertThat(i.getLineNumber()).isEqualTo(8);
			assertThat(i.getMessage()).isEqualTo("Rule 2 is never used: drop.txt:3 and drop.txt:4 together already match"
					+ " every request it matches. Remove it, or move it above them.");
			assertThat(i.getData()).containsExactly("1");
		});
	}

	@Test
	void anInlineRuleInsideOneLineIsShadowedByIt() {
		assertThat(withCode(check("192.0.2.0/24\n10.0.0.0/8\n", "\t\treject remote from \"drop.txt\"\n"
				+ "\t\taccept remote 10.9.0.0/16\n"), WsklIssueCodes.SHADOWED_RULE)).extracting(Issue::getMessage)
				.containsExactly("Rule 2 is never used: drop.txt:2 already matches every request it matches. Move it up or remove it.");
	}

	@Test
	void aListWhoseEveryLineIsCoveredMakesItsRuleUnreachable() {
		List<Issue> issues = check("10.1.0.0/16\n192.0.2.128/25\n10.1.2.0/24\n",
				"\t\treject remote 10.0.0.0/8\n\t\taccept remote 192.0.2.0/24\n\t\treject remote from \"drop.txt\"\n");
		assertThat(issues).singleElement().satisfies(i -> {
			assertThat(i.getCode()).isEqualTo(WsklIssueCodes.UNREACHABLE_RULE);
			assertThat(i.getLineNumber()).isEqualTo(9);
			assertThat(i.getMessage()).isEqualTo("Rule 3 is never used: rules 1 (line 7) and 2 (line 8) together already"
					+ " match every request it matches. Remove it, or move it above them.");
		});
	}

	@Test
	void anEarlierRuleOnOnePortCoversNoLine() {
		assertThat(check("10.1.0.0/16\n", "\t\treject remote 10.0.0.0/8 port 80\n\t\treject remote from \"drop.txt\"\n"))
				.isEmpty();
		// the other way round: the list's lines on any port cover the port rule after it
		assertThat(withCode(check("10.0.0.0/8\n", "\t\treject remote from \"drop.txt\"\n\t\treject remote 10.1.0.0/16 port 80\n"),
				WsklIssueCodes.SHADOWED_RULE)).hasSize(1);
	}

	@Test
	void badLinesTakeNoPart() {
		List<Issue> issues = check("10.0.0.300/8\n10.1.0.0/16\n", "\t\treject remote from \"drop.txt\"\n"
				+ "\t\taccept remote 10.1.2.0/24\n");
		assertThat(issues).extracting(Issue::getMessage).containsExactlyInAnyOrder(
				"drop.txt:1:1: '10.0.0.300/8' is not a valid IPv4 address.",
				"Rule 2 is never used: drop.txt:2 already matches every request it matches. Move it up or remove it.");
	}

	@Test
	void coveredLinesAreCappedWithACount() {
		StringBuilder list = new StringBuilder("10.0.0.0/8\n");
		for (int i = 0; i < 250; i++) {
			list.append("10.").append(i).append(".0.0/16\n");
		}
		List<Issue> issues = check(list.toString(), "\t\treject remote from \"drop.txt\"\n");
		assertThat(issues).hasSize(RuleListChecks.MAX_LINE_PROBLEMS + 1);
		assertThat(issues.get(0).getMessage()).startsWith("drop.txt:2:1: 10.0.0.0/16 is never used: drop.txt:1 already");
		assertThat(issues.get(issues.size() - 1).getMessage()).isEqualTo(
				"The address list 'drop.txt' has 250 lines that earlier rules or lines already cover; the first 100 are shown.");
		assertThat(issues).allMatch(i -> i.getSeverity() == Severity.WARNING);
	}

	/**
	 * A feed of 100,000 distinct /24 ranges, one range listed again as two of them together, and
	 * a rule after the list that four lines cover: found by the sweep (a pairwise check would make
	 * 5 * 10^9 comparisons here).
	 */
	@Test
	void aListOf100000LinesIsSweptLineByLine() {
		StringBuilder list = new StringBuilder("# reputation feed\n");
		for (int i = 0; i < 100_000; i++) {
			list.append(10 + (i >> 16)).append('.').append((i >> 8) & 0xff).append('.').append(i & 0xff).append(".0/24\n");
		}
		list.append("10.0.0.0/23\n");
		List<Issue> issues = check(list.toString(), "\t\treject remote from \"drop.txt\"\n\t\taccept remote 10.0.4.0/22\n"
				+ "\t\taccept remote 11.134.160.0/24\n");
		assertThat(issues).extracting(Issue::getMessage).containsExactlyInAnyOrder(
				"drop.txt:100002:1: 10.0.0.0/23 is never used: drop.txt:2 and drop.txt:3 together already match every request"
						+ " it matches. Remove the line.",
				"Rule 2 is never used: drop.txt:6, drop.txt:7, drop.txt:8 and drop.txt:9 together already match every request"
						+ " it matches. Remove it, or move it above them.");
	}
}

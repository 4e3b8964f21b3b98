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
 * Validation of address lists: each line is checked as the same range written in a rule would
 * be, reported on the model's {@code from "..."} string with the list's file:line:col in front of
 * the message and in the issue data; a list that cannot be read is an error at the string.
 */
class AddressListValidationTest {

	@TempDir
	Path dir;

	private Path modelWith(String family, String rules) {
		return write(dir, "m.wskl", model(family, rules));
	}

	@Test
	void aValidListHasNoIssues() {
		write(dir, "drop.txt", "# feed\n10.0.0.0/8\n\n  192.0.2.0/24 # test net\n");
		assertThat(issues(modelWith("ipv4 0.0.0.0", "\t\treject remote from \"drop.txt\"\n"))).isEmpty();
	}

	@Test
	void aListIsNotAnyAddressInTheReachabilityCheck() {
		write(dir, "drop.txt", "10.0.0.0/8\n");
		// the rules after the list stay reachable where the list does not cover them
		// (its lines' part in the sweep: AddressListReachabilityTest)
		assertThat(issues(modelWith("ipv4 0.0.0.0", "\t\treject remote from \"drop.txt\"\n\t\taccept remote 192.168.0.0/16\n"
				+ "\t\treject remote 11.0.0.0/16\n"))).isEmpty();
	}

	@Test
	void aBadLineIsAnErrorOnTheFromStringNamingTheListLine() {
		write(dir, "drop.txt", "10.0.0.0/8\n\n    10.0.0.300/24\n");
		Path model = modelWith("ipv4 0.0.0.0", "\t\treject remote from \"drop.txt\"\n");
		Issue issue = single(issues(model));
		assertThat(issue.getCode()).isEqualTo(WsklIssueCodes.RULE_LIST_ENTRY);
		assertThat(issue.getSeverity()).isEqualTo(Severity.ERROR);
		assertThat(issue.getMessage()).isEqualTo("drop.txt:3:5: '10.0.0.300/24' is not a valid IPv4 address.");
		// on the model's string: line 7, column of the opening quote
		assertThat(issue.getLineNumber()).isEqualTo(7);
		assertThat(issue.getColumn()).isEqualTo("\t\treject remote from ".length() + 1);
		assertThat(issue.getLength()).isEqualTo("\"drop.txt\"".length());
		assertThat(issue.getData()).containsExactly("drop.txt", "3", "5", "'10.0.0.300/24' is not a valid IPv4 address.",
				WsklIssueCodes.INVALID_ADDRESS);
	}

	@Test
	void eachKindOfBadLineHasItsInlineMessageAndCode() {
		write(dir, "drop.txt", """
				10.0.0.0/33
				[2001:db8::]/129
				10.0.0.0/x
				10.1.2.3/8
				10.9.0.0/16 SBL123
				""");
		List<Issue> issues = issues(modelWith("dual-stack [::]", "\t\treject remote from \"drop.txt\"\n"));
		assertThat(issues).extracting(Issue::getMessage).containsExactly(
				"drop.txt:1:10: Prefix length /33 is too long for an IPv4 address (at most /32).",
				"drop.txt:2:14: Prefix length /129 is too long for an IPv6 address (at most /128).",
				"drop.txt:3:10: '10.0.0.0/x' has no valid prefix length: write /0 to /32 after the address.",
				"drop.txt:4:1: Address 10.1.2.3/8 has host bits set; it means 10.0.0.0/8.",
				"drop.txt:5:13: 'SBL123' follows the range '10.9.0.0/16': a list line holds one address or range;"
						+ " a comment starts with '#'.");
		assertThat(issues).extracting(Issue::getSeverity).containsExactly(Severity.ERROR, Severity.ERROR, Severity.ERROR,
				Severity.WARNING, Severity.ERROR);
		assertThat(issues).extracting(i -> i.getData()[4]).containsExactly(WsklIssueCodes.INVALID_PREFIX_LENGTH,
				WsklIssueCodes.INVALID_PREFIX_LENGTH, WsklIssueCodes.INVALID_PREFIX_LENGTH, WsklIssueCodes.HOST_BITS_SET,
				WsklIssueCodes.INVALID_ADDRESS);
	}

	@Test
	void theListenersFamilyIsCheckedPerLineWithTheInlineMessage() {
		write(dir, "drop.txt", "10.0.0.0/8\n[2001:db8::]/32\n");
		Issue listed = single(issues(modelWith("ipv4 0.0.0.0", "\t\treject remote from \"drop.txt\"\n")));
		Issue inline = single(issues(write(dir, "inline.wskl", model("ipv4 0.0.0.0", "\t\treject remote [2001:db8::]/32\n"))));
		assertThat(inline.getCode()).isEqualTo(WsklIssueCodes.RULE_FAMILY_MISMATCH);
		assertThat(listed.getMessage()).isEqualTo("drop.txt:2:1: " + inline.getMessage());
		assertThat(listed.getData()[4]).isEqualTo(WsklIssueCodes.RULE_FAMILY_MISMATCH);

		// an IPv4 range on an IPv6-only listener, on the local side
		write(dir, "local.txt", "[2001:db8::1]\n192.0.2.1\n");
		Issue local = single(issues(modelWith("ipv6 [::]", "\t\taccept local from \"local.txt\"\n")));
		assertThat(local.getMessage()).startsWith("local.txt:2:1: IPv4 local range 192.0.2.1/32 on ipv6 listener 'L'");
	}

	@Test
	void aMissingListIsAnErrorAtTheModelsString() {
		Path model = modelWith("ipv4 0.0.0.0", "\t\taccept remote 192.0.2.0/24\n\t\treject remote from \"lists/nothere.txt\"\n");
		Issue issue = single(issues(model));
		assertThat(issue.getCode()).isEqualTo(WsklIssueCodes.RULE_LIST_UNREADABLE);
		assertThat(issue.getLineNumber()).isEqualTo(8);
		assertThat(issue.getColumn()).isEqualTo("\t\treject remote from ".length() + 1);
		assertThat(issue.getMessage()).isEqualTo("Cannot read the address list 'lists/nothere.txt' ("
				+ dir.resolve("lists/nothere.txt") + "): no such file or directory.");
	}

	@Test
	void aFolderIsNoList() {
		write(dir, "lists/drop.txt", "10.0.0.0/8\n");
		Issue issue = single(issues(modelWith("ipv4 0.0.0.0", "\t\treject remote from \"lists\"\n")));
		assertThat(issue.getCode()).isEqualTo(WsklIssueCodes.RULE_LIST_UNREADABLE);
		assertThat(issue.getMessage()).isEqualTo("Cannot read the address list 'lists' (" + dir.resolve("lists") + "): is a directory.");
	}

	@Test
	void aListInAFolderIsReadRelativeToTheModel() {
		write(dir, "lists/drop.txt", "10.0.0.0/8\n10.0.0.256\n");
		Issue issue = single(issues(modelWith("ipv4 0.0.0.0", "\t\treject remote from \"lists/drop.txt\"\n")));
		assertThat(issue.getMessage()).isEqualTo("lists/drop.txt:2:1: '10.0.0.256' is not a valid IPv4 address.");
	}

	@Test
	void anEmptyListIsAWarning() {
		write(dir, "drop.txt", "# nothing yet\n");
		Issue issue = single(issues(modelWith("ipv4 0.0.0.0", "\t\treject remote from \"drop.txt\"\n")));
		assertThat(issue.getSeverity()).isEqualTo(Severity.WARNING);
		assertThat(issue.getCode()).isEqualTo(WsklIssueCodes.RULE_NEVER_MATCHES);
	}

	@Test
	void aRuleTakesAddressesFromOneListOnly() {
		write(dir, "drop.txt", "10.0.0.0/8\n");
		Issue issue = single(issues(modelWith("ipv4 0.0.0.0",
				"\t\treject remote from \"drop.txt\" local from \"drop.txt\"\n")));
		assertThat(issue.getCode()).isEqualTo(WsklIssueCodes.RULE_LIST_TWICE);
	}

	@Test
	void anInlineRuleForAnyAddressShadowsAListAfterIt() {
		write(dir, "drop.txt", "10.0.0.0/8\n");
		List<Issue> issues = issues(modelWith("ipv4 0.0.0.0", "\t\taccept remote any\n\t\treject remote from \"drop.txt\"\n"));
		assertThat(issues).filteredOn(i -> WsklIssueCodes.SHADOWED_RULE.equals(i.getCode())).extracting(Issue::getMessage)
				.contains("Rule 2 is never used: rule 1 (line 7) already matches every request it matches. Move it up or remove it.");
	}

	@Test
	void manyBadLinesAreCappedWithACount() {
		StringBuilder list = new StringBuilder();
		for (int i = 0; i < 250; i++) {
			list.append("10.0.").append(i).append(".300\n");
		}
		write(dir, "drop.txt", list.toString());
		List<Issue> issues = issues(modelWith("ipv4 0.0.0.0", "\t\treject remote from \"drop.txt\"\n"));
		assertThat(issues).hasSize(RuleListChecks.MAX_LINE_PROBLEMS + 1);
		assertThat(issues.get(issues.size() - 1).getMessage())
				.isEqualTo("The address list 'drop.txt' has 250 problems; the first 100 are shown.");
		assertThat(issues.get(issues.size() - 1).getSeverity()).isEqualTo(Severity.ERROR);
	}

	private static Issue single(List<Issue> issues) {
		assertThat(issues).as(issues.toString()).hasSize(1);
		return issues.get(0);
	}
}

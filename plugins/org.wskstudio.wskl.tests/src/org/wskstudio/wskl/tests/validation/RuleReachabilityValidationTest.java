package org.wskstudio.wskl.tests.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wskstudio.wskl.tests.WsklInjectorProvider;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/** Rules that earlier rules together make unreachable (union coverage), and those they must not. */
@ExtendWith(InjectionExtension.class)
@InjectWith(WsklInjectorProvider.class)
class RuleReachabilityValidationTest extends ValidationTestSupport {

	private static final String PEND_OK = "pend remote 172.16.0.0/12 with check Rep timeout 500 ms else reject\n";

	/** Rules on line 7 on: HEADER, check, listener, options, accept, inspect take lines 1-6. */
	private List<Issue> unreachable(String rules) {
		return issuesWith(conditional(rules + "\n" + PEND_OK + "default accept"), WsklIssueCodes.UNREACHABLE_RULE);
	}

	private List<Issue> shadowed(String rules) {
		return issuesWith(conditional(rules + "\n" + PEND_OK + "default accept"), WsklIssueCodes.SHADOWED_RULE);
	}

	private static String dualStack(String rules) {
		return HEADER + "deferred check Rep\nlistener L on dual-stack [::]:8000 {\noptions conditional-accept\n"
				+ "accept by event per-socket\ninspect {\n" + rules + "\n" + PEND_OK + "default accept\n}\n}\n";
	}

	@Test
	void twoHalvesCoverTheirNetwork() {
		assertThat(unreachable("reject remote 10.0.0.0/25\nreject remote 10.0.0.128/25\naccept remote 10.0.0.0/24"))
				.singleElement().satisfies(i -> {
					assertThat(isError(i)).isTrue();
					assertThat(i.getLineNumber()).isEqualTo(9);
					assertThat(i.getMessage()).isEqualTo("Rule 3 is never used: rules 1 (line 7) and 2 (line 8) together"
							+ " already match every request it matches. Remove it, or move it above them.");
					assertThat(i.getData()).containsExactly("2");
				});
	}

	@Test
	void piecesOfDifferentSizesAndOrderCover() {
		assertThat(unreachable("reject remote 10.0.0.192/26\nreject remote 10.0.0.0/25\nreject remote 10.0.0.128/26\n"
				+ "accept remote 10.0.0.0/24")).singleElement()
				.satisfies(i -> assertThat(i.getMessage()).contains("rules 1 (line 7), 2 (line 8) and 3 (line 9) together"));
	}

	@Test
	void aGapLeavesTheRuleReachable() {
		assertThat(unreachable("reject remote 10.0.0.0/25\nreject remote 10.0.0.192/26\naccept remote 10.0.0.0/24")).isEmpty();
		assertThat(shadowed("reject remote 10.0.0.0/25\nreject remote 10.0.0.192/26\naccept remote 10.0.0.0/24")).isEmpty();
	}

	@Test
	void oneEarlierRuleThatSpansItIsNamedAlone() {
		assertThat(shadowed("reject remote 10.0.0.0/25\nreject remote 10.0.0.0/16\naccept remote 10.0.0.0/24"))
				.singleElement().satisfies(i -> assertThat(i.getMessage()).startsWith("Rule 3 is never used: rule 2 (line 8)"));
		assertThat(unreachable("reject remote 10.0.0.0/25\nreject remote 10.0.0.0/16\naccept remote 10.0.0.0/24")).isEmpty();
	}

	@Test
	void portLimitedRulesDoNotCoverARuleForEveryPort() {
		assertThat(codes(conditional("reject remote 10.0.0.0/25 port 1-1023\nreject remote 10.0.0.128/25\n"
				+ "accept remote 10.0.0.0/24\n" + PEND_OK + "default accept"))).isEmpty();
		assertThat(codes(conditional("reject remote 10.0.0.0/25 port 80\nreject remote 10.0.0.128/25 port 80\n"
				+ "accept remote 10.0.0.0/24 port 80-81\n" + PEND_OK + "default accept"))).isEmpty();
	}

	@Test
	void rulesForEveryPortCoverAPortLimitedRule() {
		assertThat(unreachable("reject remote 10.0.0.0/25\nreject remote 10.0.0.128/25 port 0-65535\n"
				+ "accept remote 10.0.0.0/24 port 80")).hasSize(1);
		assertThat(unreachable("reject remote 10.0.0.0/25 port 1-1000\nreject remote 10.0.0.128/25 port 50-90\n"
				+ "accept remote 10.0.0.0/24 port 80")).hasSize(1);
	}

	@Test
	void localConditionsAreRespected() {
		assertThat(codes(conditional("reject remote 10.0.0.0/25 local 192.168.1.1\nreject remote 10.0.0.128/25\n"
				+ "accept remote 10.0.0.0/24\n" + PEND_OK + "default accept"))).isEmpty();
		assertThat(unreachable("reject remote 10.0.0.0/25 local 192.168.0.0/16\nreject remote 10.0.0.128/25\n"
				+ "accept remote 10.0.0.0/24 local 192.168.1.1")).hasSize(1);
		// the listener is bound to port 8000, so 'local port 8000' is no condition at all
		assertThat(unreachable("reject remote 10.0.0.0/25 local port 8000\nreject remote 10.0.0.128/25\n"
				+ "accept remote 10.0.0.0/24")).hasSize(1);
	}

	@Test
	void ipv4RulesCoverIpv4MappedPeersAndIpv6RulesDoNot() {
		// every IPv4 address, so every IPv4 and IPv4-mapped peer of the dual-stack listener
		assertThat(issuesWith(dualStack("reject remote 0.0.0.0/1\nreject remote 128.0.0.0/1\naccept remote 0.0.0.0/0"),
				WsklIssueCodes.UNREACHABLE_RULE)).singleElement().satisfies(i -> assertThat(i.getLineNumber()).isEqualTo(9));
		// ::/1 and 8000::/1 hold ::ffff:0:0/96 as numbers, but mapped peers are matched as IPv4
		assertThat(codes(dualStack("reject remote [::]/1\nreject remote [8000::]/1\naccept remote 10.0.0.0/8"))).isEmpty();
		assertThat(issuesWith(dualStack("reject remote [::]/1\nreject remote [8000::]/1\naccept remote [::]/0"),
				WsklIssueCodes.UNREACHABLE_RULE)).hasSize(1);
	}

	@Test
	void theIpv4MappedPartOfAnIpv6RangeNeedsNoCover() {
		// ::fffe:0:0/95 is ::fffe:0:0/96 (covered by rule 1) and ::ffff:0:0/96 (IPv4 peers, never this rule's)
		assertThat(issuesWith(dualStack("reject remote [::fffe:0:0]/96\naccept remote [::fffe:0:0]/95"),
				WsklIssueCodes.SHADOWED_RULE)).singleElement()
				.satisfies(i -> assertThat(i.getMessage()).startsWith("Rule 2 is never used: rule 1 (line 7)"));
	}

	@Test
	void aRuleForEveryAddressIsOnlyCoveredByAnotherOne() {
		// rule 3 is not reported; the pend after it (172.16.0.0/12) is shadowed by rule 2 (128.0.0.0/1)
		String everyAddress = "reject remote 0.0.0.0/1\nreject remote 128.0.0.0/1\naccept remote any";
		assertThat(unreachable(everyAddress)).isEmpty();
		assertThat(shadowed(everyAddress)).singleElement()
				.satisfies(i -> assertThat(i.getMessage()).startsWith("Rule 4 is never used: rule 2 (line 8)"));
		// the listener's own port as a local condition is none: rule 1 matches everything, before the rest
		assertThat(shadowed("reject local port 8000\naccept remote any")).hasSize(2).first()
				.satisfies(i -> assertThat(i.getMessage()).startsWith("Rule 2 is never used: rule 1 (line 7)"));
	}

	@Test
	void aGeneratedBlocklistOfAHundredThousandRulesGetsExactlyThePlantedFindings() {
		StringBuilder rules = new StringBuilder();
		int count = 0;
		int planted = 0;
		for (int k = 0; count < 100_000; k++) {
			String block = (1 + k / 65536) + "." + (k / 256 % 256) + "." + (k % 256);
			String previous = (1 + (k - 1) / 65536) + "." + ((k - 1) / 256 % 256) + "." + ((k - 1) % 256);
			switch (k % 1000) {
			case 0 -> rules.append("reject remote ").append(block).append(".0/25\nreject remote ").append(block).append(".128/25\n");
			case 1 -> rules.append("reject remote ").append(block).append(".0/24\naccept remote ").append(previous)
					.append(".0/24\n"); // union: the two halves of block k-1
			case 2 -> rules.append("reject remote ").append(block).append(".0/25 port 80\nreject remote ").append(block)
					.append(".128/25\n");
			case 3 -> rules.append("accept remote ").append(previous).append(".0/24\n"); // not covered: port 80 only
			case 4 -> rules.append("reject remote ").append(block).append(".0/24\naccept remote ").append(block)
					.append(".7/32\n"); // shadowed by the /24 just before
			default -> rules.append("reject remote ").append(block).append(".0/24\n");
			}
			count += k % 1000 == 3 || k % 1000 > 4 ? 1 : 2;
			planted += k % 1000 == 1 ? 1 : 0;
		}
		assertThat(planted).isEqualTo(100);
		List<Issue> issues = issues(conditional(rules + PEND_OK + "default accept"));
		assertThat(issues.stream().filter(i -> WsklIssueCodes.UNREACHABLE_RULE.equals(i.getCode()))).hasSize(planted);
		assertThat(issues.stream().filter(i -> WsklIssueCodes.SHADOWED_RULE.equals(i.getCode()))).hasSize(planted);
		assertThat(issues).hasSize(2 * planted);
	}
}

package org.wskstudio.wskl.tests.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wskstudio.wskl.tests.WsklInjectorProvider;
import org.wskstudio.wskl.validation.WsklIssueCodes;

@ExtendWith(InjectionExtension.class)
@InjectWith(WsklInjectorProvider.class)
class InspectValidationTest extends ValidationTestSupport {

	private static final String PEND_OK = "pend remote 172.16.0.0/12 with check Rep timeout 500 ms else reject\n";

	@Test
	void inspectRulesWithoutConditionalAcceptAreAnError() {
		String model = HEADER + listener("L", 80, "accept by irp\ninspect {\nreject remote 10.0.0.0/8\ndefault accept\n}");
		assertThat(issuesWith(model, WsklIssueCodes.INSPECT_WITHOUT_CONDITIONAL_ACCEPT)).singleElement().satisfies(i -> {
			assertThat(i.getLineNumber()).isEqualTo(4);
			assertThat(i.getLength()).isEqualTo("inspect".length());
		});
	}

	@Test
	void conditionalAcceptWithoutRulesIsAnError() {
		assertThat(codes(HEADER + listener("L", 80, "options conditional-accept\naccept by irp")))
				.containsExactly(WsklIssueCodes.CONDITIONAL_ACCEPT_WITHOUT_RULES);
		assertThat(codes(HEADER + listener("L", 80, "options conditional-accept\naccept by irp\ninspect {\ndefault reject\n}")))
				.containsExactly(WsklIssueCodes.CONDITIONAL_ACCEPT_WITHOUT_RULES);
	}

	@Test
	void conditionalAcceptWithRulesAndDefaultIsFine() {
		assertThat(codes(conditional("reject remote 10.0.0.0/8\n" + PEND_OK + "default accept"))).isEmpty();
	}

	@Test
	void missingDefaultActionIsAnError() {
		assertThat(codes(conditional("reject remote 10.0.0.0/8\n" + PEND_OK))).containsExactly(WsklIssueCodes.MISSING_DEFAULT_ACTION);
	}

	@ParameterizedTest
	@CsvSource({ "256.0.0.0/8", "1.2.3.999/8", "[2001:db8:::1]/32" })
	void invalidRuleAddressesAreErrors(String range) {
		assertThat(codes(conditional("reject remote " + range + "\n" + PEND_OK + "default accept")))
				.contains(WsklIssueCodes.INVALID_ADDRESS);
	}

	@ParameterizedTest
	@CsvSource({ "10.0.0.0/33", "[2001:db8::]/129" })
	void tooLongPrefixesAreErrors(String range) {
		assertThat(codes(conditional("reject remote " + range + "\n" + PEND_OK + "default accept")))
				.contains(WsklIssueCodes.INVALID_PREFIX_LENGTH);
	}

	@Test
	void hostBitsSetIsAWarningThatNamesTheRange() {
		assertThat(issuesWith(conditional("reject remote 10.1.2.3/8\n" + PEND_OK + "default accept"), WsklIssueCodes.HOST_BITS_SET))
				.singleElement().satisfies(i -> {
					assertThat(isError(i)).isFalse();
					assertThat(i.getMessage()).contains("10.0.0.0/8");
				});
	}

	@ParameterizedTest
	@CsvSource({ "port 70000", "port 2000-1000" })
	void invalidPortsAreErrors(String ports) {
		assertThat(codes(conditional("reject remote any " + ports + "\n" + PEND_OK + "default accept")))
				.contains(WsklIssueCodes.INVALID_PORT);
	}

	@Test
	void ipv6RuleOnIpv4ListenerIsAnError() {
		assertThat(codes(conditional("reject remote [2001:db8::]/32\n" + PEND_OK + "default accept")))
				.containsExactly(WsklIssueCodes.RULE_FAMILY_MISMATCH);
	}

	@Test
	void ipv4RuleOnIpv6OnlyListenerIsAnErrorButFineOnDualStack() {
		String rules = "inspect {\nreject remote 10.0.0.0/8\naccept remote [2001:db8::]/32\ndefault reject\n}";
		String ipv6 = HEADER + "listener L on ipv6 [::]:80 {\noptions conditional-accept\naccept by irp\n" + rules + "\n}";
		String dual = HEADER + "listener L on dual-stack [::]:80 {\noptions conditional-accept\naccept by irp\n" + rules + "\n}";
		assertThat(codes(ipv6)).containsExactly(WsklIssueCodes.RULE_FAMILY_MISMATCH);
		assertThat(codes(dual)).isEmpty();
	}

	@Test
	void localPortThatIsNotTheListenersNeverMatches() {
		assertThat(codes(conditional("accept local port 9999\n" + PEND_OK + "default reject")))
				.containsExactly(WsklIssueCodes.RULE_NEVER_MATCHES);
	}

	@Test
	void ruleUnderABroaderEarlierRuleIsShadowed() {
		var issues = issuesWith(conditional("reject remote 10.0.0.0/8\naccept remote 10.1.0.0/16\n" + PEND_OK + "default accept"),
				WsklIssueCodes.SHADOWED_RULE);
		assertThat(issues).singleElement().satisfies(i -> {
			assertThat(isError(i)).isTrue();
			assertThat(i.getMessage()).contains("Rule 2", "rule 1");
			assertThat(i.getLineNumber()).isEqualTo(8);
		});
	}

	@Test
	void ruleWithNarrowerPortsIsShadowedByAnyAddressRule() {
		assertThat(codes(conditional("reject remote any\naccept remote 192.168.0.0/16 port 80\n" + PEND_OK + "default accept")))
				.contains(WsklIssueCodes.SHADOWED_RULE);
	}

	@Test
	void narrowerRuleBeforeBroaderOneIsFine() {
		assertThat(codes(conditional("accept remote 10.1.0.0/16\nreject remote 10.0.0.0/8\n" + PEND_OK + "default accept")))
				.isEmpty();
	}

	@Test
	void rulesThatOnlyOverlapAreNotShadowed() {
		assertThat(codes(conditional("reject remote 10.0.0.0/8 port 1-100\naccept remote 10.1.0.0/16 port 50-200\n" + PEND_OK
				+ "default accept"))).isEmpty();
	}

	@Test
	void pendWithoutTimeoutOrElseIsAnError() {
		assertThat(codes(conditional("pend remote 10.0.0.0/8 with check Rep\ndefault accept")))
				.containsExactlyInAnyOrder(WsklIssueCodes.PEND_WITHOUT_TIMEOUT, WsklIssueCodes.PEND_WITHOUT_DEFAULT);
		assertThat(codes(conditional("pend remote 10.0.0.0/8 with check Rep timeout 2 s\ndefault accept")))
				.containsExactly(WsklIssueCodes.PEND_WITHOUT_DEFAULT);
		assertThat(codes(conditional("pend remote 10.0.0.0/8 with check Rep else accept\ndefault accept")))
				.containsExactly(WsklIssueCodes.PEND_WITHOUT_TIMEOUT);
	}

	@ParameterizedTest
	@CsvSource({ "0 ms", "61 s" })
	void pendTimeoutIsBounded(String timeout) {
		assertThat(codes(conditional("pend remote 10.0.0.0/8 with check Rep timeout " + timeout + " else reject\ndefault accept")))
				.containsExactly(WsklIssueCodes.INVALID_TIMEOUT);
	}

	@Test
	void pendingLimitIsBounded() {
		String model = HEADER + "deferred check Rep\n" + listener("L", 80,
				"options conditional-accept\naccept by irp\ninspect max pending 0 {\n" + PEND_OK + "default reject\n}");
		assertThat(codes(model)).containsExactly(WsklIssueCodes.INVALID_PENDING_LIMIT);
	}

	@Test
	void unknownDeferredCheckIsALinkingError() {
		assertThat(issues(conditional("pend remote 10.0.0.0/8 with check Nobody timeout 1 s else reject\ndefault accept")))
				.anySatisfy(i -> assertThat(i.getMessage()).contains("Nobody"));
	}
}

package org.wskstudio.wskl.tests.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.lists.ListedModels.model;
import static org.wskstudio.wskl.tests.lists.ListedModels.write;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wsk.generator.common.ModelTrace;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.DecisionRule;
import org.wskstudio.wskl.wskl.Driver;

/**
 * A rule with an address list stands for one rule per listed range, in the list's order, at the
 * rule's place among the others: the code model's decision list is the expansion, and each
 * expanded rule keeps the model's position and its list's file and line.
 */
class AddressListExpansionTest {

	@TempDir
	Path dir;

	@Test
	void theGrammarReadsFromWithAFileNameAndPorts() {
		write(dir, "drop.txt", "10.0.0.0/8\n");
		Path file = write(dir, "m.wskl", model("ipv4 0.0.0.0", "\t\treject remote from \"drop.txt\" port 22-23\n"));
		Driver driver = (Driver) ModelLoading.load(file).getContents().get(0);
		DecisionRule rule = (DecisionRule) driver.getListeners().get(0).getInspect().getRules().get(0);
		AddressPattern remote = rule.getMatch().getRemote();
		assertThat(remote.getList()).isEqualTo("drop.txt");
		assertThat(remote.getNetwork()).isNull();
		assertThat(remote.isAny()).isFalse();
		assertThat(remote.getPorts().getLow()).isEqualTo(22);
		assertThat(remote.getPorts().getHigh()).isEqualTo(23);
	}

	@Test
	void theListExpandsInPlaceInItsOrder() {
		write(dir, "drop.txt", "# feed\n10.1.0.0/16\n\n  10.0.0.0/8  # after the /16: first match keeps both\n192.0.2.7\n");
		Path file = write(dir, "m.wskl", model("dual-stack [::]", """
						accept remote 10.1.2.3
						reject remote from "drop.txt" port 1024-65535
						accept remote [2001:db8::]/32
				"""));
		WskListener listener = ModelLoading.codeModel(file).getListeners().get(0);
		List<InspectRule> rules = listener.getInspectRules();
		assertThat(rules).extracting(r -> r.getRemote().getText()).containsExactly("10.1.2.3", "10.1.0.0/16 port 1024-65535",
				"10.0.0.0/8 port 1024-65535", "192.0.2.7/32 port 1024-65535", "[2001:db8::]/32", "any");
		assertThat(rules).extracting(InspectRule::getIndex).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(rules).extracting(InspectRule::getOrigin).containsExactly("rule 1 of listener L", "rule 2 of listener L",
				"rule 3 of listener L", "rule 4 of listener L", "rule 5 of listener L", "rule 6 of listener L");
		assertThat(rules).extracting(InspectRule::getAction).containsExactly(InspectAction.ACCEPT, InspectAction.REJECT,
				InspectAction.REJECT, InspectAction.REJECT, InspectAction.ACCEPT, InspectAction.PEND);
		// where each comes from: the list's file and line; the model's position stays the rule's
		assertThat(rules).extracting(InspectRule::getListFile).containsExactly(null, "drop.txt", "drop.txt", "drop.txt", null,
				null);
		assertThat(rules).extracting(InspectRule::getListLine).containsExactly(0, 2, 4, 5, 0, 0);
		assertThat(rules).extracting(InspectRule::getSourceLine).containsExactly(7, 8, 8, 8, 9, 10);
		assertThat(rules).extracting(ModelTrace::where).containsExactly("m.wskl:7", "drop.txt:2", "drop.txt:4", "drop.txt:5",
				"m.wskl:9", "m.wskl:10");
		InspectRule host = rules.get(3);
		assertThat(host.getRemote().getFamily()).isEqualTo(AddressFamily.INET);
		assertThat(host.getRemote().getNetwork()).containsExactly(192, 0, 2, 7);
		assertThat(host.getRemote().getPrefixLength()).isEqualTo(32);
		assertThat(host.getRemote().getPortLow()).isEqualTo(1024);
		assertThat(host.getRemote().getPortHigh()).isEqualTo(65535);
		assertThat(host.getLocal().isAnyAddress()).isTrue();
	}

	@Test
	void aPendFromAListKeepsItsCheckTimeoutAndElseOnEveryRange() {
		write(dir, "lists/suspects.txt", "198.18.0.0/15\n[2001:db8:bad::]/48\n");
		Path file = write(dir, "m.wskl", model("dual-stack [::]",
				"\t\tpend remote from \"lists/suspects.txt\" with check Rep timeout 2 s else accept\n"));
		WskDriver driver = ModelLoading.codeModel(file);
		List<InspectRule> rules = driver.getListeners().get(0).getInspectRules();
		assertThat(rules).hasSize(3);
		for (InspectRule rule : rules.subList(0, 2)) {
			assertThat(rule.getAction()).isEqualTo(InspectAction.PEND);
			assertThat(rule.getCheck()).isSameAs(driver.getDeferredChecks().get(0));
			assertThat(rule.getTimeoutMillis()).isEqualTo(2000);
			assertThat(rule.getTimeoutAction()).isEqualTo(InspectAction.ACCEPT);
			assertThat(rule.getListFile()).isEqualTo("lists/suspects.txt");
		}
		assertThat(rules.get(1).getRemote().getFamily()).isEqualTo(AddressFamily.INET6);
		assertThat(ModelTrace.where(rules.get(1))).isEqualTo("suspects.txt:2");
	}

	@Test
	void aLocalListExpandsOnTheLocalSide() {
		write(dir, "mine.txt", "192.0.2.1\n192.0.2.2\n");
		Path file = write(dir, "m.wskl", model("ipv4 0.0.0.0", "\t\taccept remote 10.0.0.0/8 local from \"mine.txt\"\n"));
		List<InspectRule> rules = ModelLoading.codeModel(file).getListeners().get(0).getInspectRules();
		assertThat(rules.subList(0, 2)).extracting(r -> r.getRemote().getText() + " / " + r.getLocal().getText())
				.containsExactly("10.0.0.0/8 / 192.0.2.1/32", "10.0.0.0/8 / 192.0.2.2/32");
	}

	@Test
	void theBlocklistExampleExpandsEveryListedRange() {
		WskListener front = ModelLoading.codeModel(Examples.example("blocklist.wskl")).getListeners().get(0);
		long listed = Examples.read(Examples.example("blocklist-drop.txt")).lines().map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
		assertThat(listed).isGreaterThanOrEqualTo(30);
		List<InspectRule> rules = front.getInspectRules();
		assertThat(rules).hasSize((int) listed + 2);
		assertThat(rules.get(0).getListFile()).isNull();
		assertThat(rules.subList(1, rules.size() - 1)).allSatisfy(r -> {
			assertThat(r.getListFile()).isEqualTo("blocklist-drop.txt");
			assertThat(r.getAction()).isEqualTo(InspectAction.REJECT);
		});
		assertThat(rules.get(rules.size() - 1).getAction()).isEqualTo(InspectAction.PEND);
	}
}

package org.wskstudio.wskl.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.scenario.Expectation;
import org.wskstudio.wsk.sim.scenario.FaultSweep;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioAction;
import org.wskstudio.wskl.simulate.ScenarioFiles;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;
import org.wskstudio.wskl.testing.Examples;

/** WSKS steps become simulator actions and expectations. */
class ScenarioTranslatorTest {

	@TempDir
	Path temp;

	private Scenario translate(String model, String text) throws IOException {
		Path file = Files.writeString(temp.resolve("s.wsks"), text);
		ScenarioFiles.Loaded loaded = ScenarioFiles.load(Examples.example(model), List.of(file));
		assertThat(loaded.problems()).filteredOn(ScenarioFiles.Problem::error).isEmpty();
		return new ScenarioTranslator().translate(loaded.scenarios().get(0));
	}

	private static List<ConnectSpec> connects(Scenario s) {
		return s.actions().stream().filter(ScenarioAction.Connect.class::isInstance)
				.map(a -> ((ScenarioAction.Connect) a).spec()).toList();
	}

	@Test
	void connectStepsGetTimesListenersDropsAndDefaultLocalEndpoints() throws IOException {
		Scenario s = translate("dual_stack.wskl", """
				scenario S for EchoServer seed 9 {
					at 2 s connect 10.1.1.1:1000 -> Public drops at 2500 ms
					at 3 ms connect [2001:db8::7]:1001 -> Public
					at 4 ms connect 127.0.0.1:2000 -> Admin
					at 5 ms connect 127.0.0.1:2001 to 127.0.0.1:9000 -> Admin
				}
				""");
		assertThat(s.name()).isEqualTo("S");
		assertThat(s.seed()).hasValue(9);
		List<ConnectSpec> c = connects(s);
		assertThat(c.get(0).at()).isEqualTo(VirtualTime.s(2));
		assertThat(c.get(0).dropAt()).isEqualTo(VirtualTime.ms(2500));
		assertThat(c.get(0).listener()).isEqualTo("Public");
		// wildcard [::]: the simulator's host address of the remote's family
		assertThat(c.get(0).local()).hasToString("192.0.2.10:40007");
		assertThat(c.get(1).local()).hasToString("[2001:db8::10]:40007");
		// a specific bind: the listener's own address
		assertThat(c.get(2).local()).hasToString("127.0.0.1:9000");
		assertThat(c.get(3).remote()).hasToString("127.0.0.1:2001");
		assertThat(c.get(1).dropAt()).isEqualTo(ConnectSpec.NEVER);
	}

	@Test
	void expectationsAndCheckAnswersForNamedRequests() throws IOException {
		Scenario s = translate("dual_stack.wskl", """
				scenario S for EchoServer {
					at 0 ms connect 10.0.0.1:1 -> Public expect accepted
					at 1 ms connect [2001:db8::5]:1002 -> Public as v6 expect pended-then-accepted
					at 50 ms check Reputation answers reject for v6
					at 60 ms check Reputation answers accept
					at 70 ms fail listener Public
					fail irp allocation 3
					fail pool allocation 2
					expect 2 timed-out
					expect no violations
					expect violation IRP_LEAK
				}
				""");
		assertThat(s.seed()).isEmpty();
		assertThat(s.actions()).contains(new ScenarioAction.CheckAnswer("Reputation", false, "[2001:db8::5]:1002",
				VirtualTime.ms(50)), new ScenarioAction.CheckAnswer("Reputation", true, null, VirtualTime.ms(60)),
				new ScenarioAction.FailListener("Public", VirtualTime.ms(70)), new ScenarioAction.FailIrpAllocation(3),
				new ScenarioAction.FailPoolAllocation(2));
		assertThat(s.expectations()).containsExactly(new Expectation.Outcome(0, RequestOutcome.ACCEPTED),
				new Expectation.Outcome(1, RequestOutcome.PENDED_THEN_ACCEPTED),
				new Expectation.Count(RequestOutcome.TIMED_OUT, 2), new Expectation.NoViolations(),
				new Expectation.Violations("IRP_LEAK", 1, Integer.MAX_VALUE));
	}

	@Test
	void faultSweepsInTheOrderWrittenWithTheirExpectationsAndNoFixedFailure() throws IOException {
		Scenario s = translate("dual_stack.wskl", """
				scenario S for EchoServer {
					fail each pool allocation
					at 0 ms connect 10.0.0.1:1 -> Public expect accepted
					fail each irp allocation
					expect no violations
				}
				""");
		assertThat(s.sweeps()).containsExactly(FaultSweep.Kind.POOL, FaultSweep.Kind.IRP);
		assertThat(s.actions()).noneMatch(a -> a instanceof ScenarioAction.FailIrpAllocation
				|| a instanceof ScenarioAction.FailPoolAllocation);
		assertThat(s.expectations()).extracting(Expectation::holdsUnderFaults).containsExactly(false, true);
	}

	@Test
	void aCounterExpectationChecksTheCountersAtItsTime() throws IOException {
		Scenario s = translate("dual_stack.wskl", """
				scenario S for EchoServer {
					at 0 ms connect 10.0.0.1:1 -> Public
					at 40 ms expect counters
				}
				""");
		assertThat(s.actions()).filteredOn(a -> a instanceof ScenarioAction.CheckCounters)
				.containsExactly(new ScenarioAction.CheckCounters(40_000));
	}

	@Test
	void aScenarioWithoutSweepSweepsNothing() throws IOException {
		Scenario s = translate("dual_stack.wskl", """
				scenario S for EchoServer {
					fail irp allocation 2
					at 0 ms connect 10.0.0.1:1 -> Public
				}
				""");
		assertThat(s.sweeps()).isEmpty();
	}

	@Test
	void anIpv4ClientOfADualStackListenerIsAskedAboutAsIpv4() throws IOException {
		Scenario s = translate("dual_stack.wskl", """
				scenario S for EchoServer {
					at 0 ms connect [::ffff:172.16.0.5]:1234 -> Public as mapped
					at 5 ms check Reputation answers accept for mapped
				}
				""");
		assertThat(s.actions()).contains(new ScenarioAction.CheckAnswer("Reputation", true, "172.16.0.5:1234",
				VirtualTime.ms(5)));
	}

	@Test
	void anUnknownRuleIsReportedWithItsLine() throws IOException {
		Path file = Files.writeString(temp.resolve("s.wsks"), """
				scenario S for EchoServer {
					at 0 ms connect 10.0.0.1:1 -> Public
					expect violation NO_SUCH_RULE
				}
				""");
		ScenarioFiles.Loaded loaded = ScenarioFiles.load(Examples.example("dual_stack.wskl"), List.of(file));
		assertThatThrownBy(() -> new ScenarioTranslator().translate(loaded.scenarios().get(0)))
				.hasMessageContaining("s.wsks:3: no simulator rule is called NO_SUCH_RULE")
				.hasMessageContaining("IRP_LEAK");
	}

	@Test
	void everyOutcomeHasItsSimulatorTwin() {
		for (org.wskstudio.wskl.wsks.Outcome o : org.wskstudio.wskl.wsks.Outcome.values()) {
			assertThat(ScenarioTranslator.outcome(o).name()).isEqualTo(o.name());
		}
	}
}

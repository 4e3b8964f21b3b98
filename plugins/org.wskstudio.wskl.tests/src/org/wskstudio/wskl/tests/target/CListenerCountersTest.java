package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.net.DriverCounter;
import org.wskstudio.wsk.sim.net.ListenerCounters;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wsk.sim.verify.CounterCheck;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.TargetSweep;
import org.wskstudio.wskl.simulate.host.CSources;
import org.wskstudio.wskl.simulate.host.CTarget;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/**
 * Rule COUNTER_MISMATCH on the C target (issue 14): the simulator reads the C's own counters
 * through its {@code <Prefix>_QueryListenerCounters}, as it reads the Java twin's; in every example
 * scenario the C reports every listener with the counts the twin reports and the simulator
 * recorded, and a C edited to count an inspect accept a second time is caught, at a scenario's
 * {@code at T expect counters} and at unload, naming the counter, both values and the listener;
 * a C that misses a count only where an allocation fails is caught by its fault sweep.
 */
class CListenerCountersTest {

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void theCReportsTheCountsItsTwinReportsAndTheSimulatorRecorded(Path model) {
		var runner = Targets.both(model);
		List<String> listeners = runner.javaRunner().model().getListeners().stream().map(WskListener::getName).toList();
		for (var source : Targets.scenarios(model)) {
			Scenario scenario = new ScenarioTranslator(new SimConfig()).translate(source);
			CTarget.CRun c = runner.cTarget().run(scenario, new SimConfig(), null);
			assertThat(c.result().violations()).as("%s on C: %s", source.getName(), c.result().report()).isEmpty();
			assertThat(c.counters()).extracting(ListenerCounters::listener).as(source.getName())
					.containsExactlyElementsOf(listeners);
			for (ListenerCounters lc : c.counters()) {
				assertThat(lc.values()).as(source.getName()).containsKey(DriverCounter.ACCEPTED);
				lc.values().forEach((counter, value) -> assertThat(value)
						.as("%s: %s %s", source.getName(), lc.listener(), counter)
						.isEqualTo(CounterCheck.expected(counter, lc.listener(), c.result().requests())));
			}
			SimDriver twin = runner.javaRunner().newDriver();
			ScenarioRunner.run(scenario, twin, new SimConfig());
			assertThat(c.counters()).as(source.getName()).containsExactlyElementsOf(twin.listenerCounters());
		}
	}

	@Test
	void aCCountingTheInspectAcceptTooIsCaughtAtTheScenariosStepAndAtUnload() {
		WskDriver m = ModelLoading.codeModel(Examples.example("conditional_accept.wskl"));
		CSources generated = CTarget.generatedSources(m);
		String file = "guard_driver.c";
		String text = generated.content(file);
		String find = "    case WskInspectAccept:\n        return WskInspectAccept;";
		assertThat(text.indexOf(find)).as("the inspect path's accept case").isNotNegative()
				.isEqualTo(text.lastIndexOf(find));
		CSources broken = generated.with(file, text.replace(find, "    case WskInspectAccept:\n"
				+ "        InterlockedIncrement(&Listener->AcceptedCount);    /* broken: counted twice */\n"
				+ "        return WskInspectAccept;"));

		ScenarioResult r = new CTarget(m, broken).run(one().checkCountersAt(ms(5)), new SimConfig());
		List<Violation> mismatches = r.violations().stream().filter(v -> v.rule() == Rule.COUNTER_MISMATCH).toList();
		assertThat(r.violations()).as(r.report()).hasSize(2).containsExactlyElementsOf(mismatches);
		assertThat(mismatches.get(0).time()).isEqualTo(ms(5));
		for (Violation v : mismatches) {
			assertThat(v.listener()).isEqualTo("Public");
			assertThat(v.message()).startsWith("Listener Public: the driver's AcceptedCount is 2 but the simulator "
					+ "recorded 1 connections handed to the driver and kept");
		}

		ScenarioResult kept = new CTarget(m, generated).run(one().checkCountersAt(ms(5)), new SimConfig());
		assertThat(kept.violations()).as(kept.report()).isEmpty();
	}

	/**
	 * A count missed only where an allocation failed: the unfailed run cannot see it, the C's fault
	 * sweep does (the run where the connection's context cannot be allocated).
	 */
	@Test
	void aCMissingTheDeclinedCountOnItsAllocationFailurePathIsCaughtByItsSweep() {
		Path model = Examples.example("event_accept.wskl");
		WskDriver m = ModelLoading.codeModel(model);
		CSources generated = CTarget.generatedSources(m);
		String file = "evtacc_driver.c";
		String text = generated.content(file);
		String find = "    if (Connection == NULL) {\n        InterlockedIncrement(&Listener->DeclinedCount);\n";
		assertThat(text.indexOf(find)).as("the declined path").isNotNegative().isEqualTo(text.lastIndexOf(find));
		CSources broken = generated.with(file, text.replace(find, "    if (Connection == NULL) {    /* broken */\n"));

		TargetSweep sweep = new TargetRunner(m, SimulationTarget.C, new SimConfig(), broken)
				.sweep(Targets.scenarios(model).get(0));
		assertThat(sweep.unfailed().clean()).as(sweep.unfailed().reportLine()).isTrue();
		List<TargetSweep.Run> caught = sweep.failedAllocationRuns().stream().filter(r -> !r.clean()).toList();
		assertThat(caught).isNotEmpty();
		for (TargetSweep.Run run : caught) {
			assertThat(run.result().c().violations()).as(run.label()).isNotEmpty().allSatisfy(v -> {
				assertThat(v.rule()).isEqualTo(Rule.COUNTER_MISMATCH);
				assertThat(v.message()).startsWith("Listener Public: the driver's DeclinedCount is 0 but the simulator "
						+ "recorded 1 sockets WskAcceptEvent declined");
			});
		}
		assertThat(caught).extracting(TargetSweep.Run::label).contains("fail pool allocation 1");
	}

	/** One connection that the first accept rule of conditional_accept.wskl accepts at once. */
	private static Scenario one() {
		Scenario s = new Scenario("one");
		s.connect(ms(1), "192.168.1.10:4000", "Public");
		return s;
	}
}

package org.wskstudio.wskl.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.java.JavaGenerator;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.net.DriverCounter;
import org.wskstudio.wsk.sim.net.ListenerCounters;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wsk.sim.verify.CounterCheck;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.simulate.compile.DriverCompiler;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;
import org.wskstudio.wskl.testing.Examples;

/**
 * The generated drivers' listener counters (issue 14): every listener of every example reports
 * them through Pfx_QueryListenerCounters, they equal what the simulator recorded in every example
 * scenario, and a twin that counts an inspect accept a second time is caught by COUNTER_MISMATCH.
 */
class ListenerCountersTest {

	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyListenerReportsCountersEqualToTheSimulatorsOutcomes(Path model) {
		SimulationRunner runner = Simulations.runner(model);
		List<String> listeners = runner.model().getListeners().stream().map(WskListener::getName).toList();
		for (org.wskstudio.wskl.wsks.Scenario source : Simulations.scenarios(model).scenarios()) {
			SimDriver driver = runner.newDriver();
			ScenarioResult r = ScenarioRunner.run(new ScenarioTranslator().translate(source), driver, new SimConfig());
			List<ListenerCounters> reported = driver.listenerCounters();
			assertThat(reported).extracting(ListenerCounters::listener).as(source.getName())
					.containsExactlyElementsOf(listeners);
			long accepted = 0;
			for (ListenerCounters lc : reported) {
				assertThat(lc.values()).as(source.getName()).containsKey(DriverCounter.ACCEPTED);
				lc.values().forEach((counter, value) -> assertThat(value)
						.as("%s: %s %s", source.getName(), lc.listener(), counter)
						.isEqualTo(CounterCheck.expected(counter, lc.listener(), r.requests())));
				accepted += lc.values().get(DriverCounter.ACCEPTED);
			}
			assertThat(accepted).as(source.getName()).isEqualTo(r.summary().accepted());
			assertThat(r.violations()).extracting(Violation::ruleId).doesNotContain("COUNTER_MISMATCH");
		}
	}

	@Test
	void oneConnectionAcceptedAtOnceCountsOnce() {
		SimulationRunner runner = Simulations.runner(Examples.example("conditional_accept.wskl"));
		SimDriver driver = runner.newDriver();
		ScenarioResult r = ScenarioRunner.run(one(), driver, new SimConfig());
		assertThat(r.violations()).as(r.report()).isEmpty();
		assertThat(driver.listenerCounters()).singleElement().satisfies(lc -> {
			assertThat(lc.listener()).isEqualTo("Public");
			assertThat(lc.values()).containsEntry(DriverCounter.ACCEPTED, 1L).containsEntry(DriverCounter.REJECTED, 0L)
					.containsEntry(DriverCounter.PENDED, 0L).containsEntry(DriverCounter.TIMED_OUT, 0L)
					.containsEntry(DriverCounter.ABORTED, 0L);
		});
	}

	@Test
	void aTwinCountingTheInspectAcceptToo() {
		ScenarioResult r = ScenarioRunner.run(one(), twinCountingTheInspectAcceptToo(), new SimConfig());
		assertThat(r.violations()).singleElement().satisfies(v -> {
			assertThat(v.ruleId()).isEqualTo("COUNTER_MISMATCH");
			assertThat(v.listener()).isEqualTo("Public");
			assertThat(v.message()).isEqualTo("Listener Public: the driver's AcceptedCount is 2 but the simulator "
					+ "recorded 1 connections handed to the driver and kept (outcome accepted or pended-then-accepted).");
		});
	}

	/** {@code at T expect counters}: the check also runs at the time a scenario asks for it, before unload. */
	@Test
	void aScenarioAsksForTheCheckAtItsTime() {
		ScenarioResult r = ScenarioRunner.run(one().checkCountersAt(ms(5)), twinCountingTheInspectAcceptToo(),
				new SimConfig());
		assertThat(r.violations()).extracting(Violation::ruleId).containsExactly("COUNTER_MISMATCH", "COUNTER_MISMATCH");
		assertThat(r.violations().get(0).time()).isEqualTo(ms(5));
		SimulationRunner runner = Simulations.runner(Examples.example("conditional_accept.wskl"));
		ScenarioResult kept = ScenarioRunner.run(one().checkCountersAt(ms(5)), runner.newDriver(), new SimConfig());
		assertThat(kept.violations()).as(kept.report()).isEmpty();
	}

	private static SimDriver twinCountingTheInspectAcceptToo() {
		SimulationRunner runner = Simulations.runner(Examples.example("conditional_accept.wskl"));
		List<GeneratedFile> broken = new ArrayList<>();
		int edits = 0;
		Pattern accept = Pattern.compile("(case WskInspectAccept:\\n)(\\s*)(return WskInspectAccept;)");
		for (GeneratedFile f : runner.javaFiles()) {
			Matcher m = accept.matcher(f.content());
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				edits++;
				m.appendReplacement(out, "$1$2Listener.AcceptedCount++;\n$2$3");
			}
			m.appendTail(out);
			broken.add(new GeneratedFile(f.path(), out.toString()));
		}
		assertThat(edits).as("the inspect path's accept case").isEqualTo(1);
		return DriverCompiler.compile(broken, JavaGenerator.driverClassName(runner.model())).get();
	}

	/** One connection that the first accept rule of conditional_accept.wskl accepts at once. */
	private static Scenario one() {
		Scenario s = new Scenario("one");
		s.connect(ms(1), "192.168.1.10:4000", "Public");
		return s;
	}
}

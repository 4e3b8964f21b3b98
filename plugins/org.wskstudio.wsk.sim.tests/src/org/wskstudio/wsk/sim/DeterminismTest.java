package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.rules.InspectRulesTestAccess;
import org.wskstudio.wsk.sim.scenario.RandomScenarioGenerator;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.trace.JsonLinesWriter;
import org.wskstudio.wsk.sim.trace.SvgSequenceWriter;

/** Same seed and inputs give byte-identical traces. */
class DeterminismTest {

	private static Scenario random(long seed) {
		return new RandomScenarioGenerator().seed(seed).requests(300).from("10.0.0.0/8", "192.168.0.0/16",
				"2001:db8::/32").to("Public").meanInterArrival(ms(1)).drops(0.2, ms(20))
				.checkAnswers("Reputation", ms(50), 0.5).poolFailureProbability(0.05).irpFailureProbability(0.02)
				.generate("random " + seed);
	}

	private static ScenarioResult runRandom(long seed) {
		return ScenarioRunner.run(random(seed), new ListenerDriver(InspectRulesTestAccess.conditional()),
				new SimConfig().acceptRaceProbability(0.1));
	}

	@Test
	void sameSeedGivesIdenticalJsonLines() throws Exception {
		ScenarioResult a = runRandom(42);
		ScenarioResult b = runRandom(42);
		StringWriter wa = new StringWriter();
		StringWriter wb = new StringWriter();
		JsonLinesWriter.write(a.trace(), wa);
		JsonLinesWriter.write(b.trace(), wb);
		assertThat(wa.toString()).isNotEmpty().isEqualTo(wb.toString());
		assertThat(a.jsonLines()).isEqualTo(wa.toString());
		assertThat(a.summary()).isEqualTo(b.summary());
		assertThat(a.summary().pended()).isPositive();
	}

	@Test
	void differentSeedsGiveDifferentRuns() {
		assertThat(runRandom(1).jsonLines()).isNotEqualTo(runRandom(2).jsonLines());
	}

	@Test
	void svgIsDeterministicToo() {
		ScenarioResult a = runRandom(7);
		ScenarioResult b = runRandom(7);
		assertThat(SvgSequenceWriter.toSvg(a.trace(), "t", 400)).isEqualTo(SvgSequenceWriter.toSvg(b.trace(), "t", 400));
	}
}

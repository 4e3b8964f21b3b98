package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.rules.InspectRulesTestAccess;
import org.wskstudio.wsk.sim.scenario.RandomScenarioGenerator;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioAction;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.testdrivers.PointerCompareDriver;

/** Scenario runner, expectations, random generation and throughput. */
class ScenarioTest {

	@Test
	void failedExpectationsAreListedReadably() {
		Scenario s = new Scenario("wrong");
		s.connect(ms(0), "10.1.2.3:5555", "Public");
		s.connect(ms(1), "[2001:db8::6]:1234", "Public", ms(10));
		s.expectAccepted(0).expectPended(0).expectCount(RequestOutcome.ABORTED, 2).expectNoViolations()
				.expectViolation("IRP_LEAK").expectOutcome(5, RequestOutcome.REFUSED);
		ScenarioResult r = ScenarioRunner.run(s, new PointerCompareDriver(InspectRulesTestAccess.conditional()));
		assertThat(r.passed()).isFalse();
		assertThat(r.failedExpectations()).containsExactly(
				"request #0 (10.1.2.3:5555) expected accepted or pended_then_accepted, but was rejected "
						+ "(WskInspectEvent returned WskInspectReject)",
				"request #0 (10.1.2.3:5555) expected to be pended by WskInspectEvent, but it was not "
						+ "(rejected: WskInspectEvent returned WskInspectReject)",
				"expected 2 aborted request(s), but got 1",
				"expected no violations, but got 1:\n    ERROR INSPECT_COMPLETE_ABORTED at 501 ms [Public]: "
						+ r.violations().get(0).message(),
				"expected at least 1 violation(s) of IRP_LEAK, but got 0",
				"request #5 expected refused, but the scenario has only 2 request(s)");
		assertThat(r.report()).startsWith("scenario wrong: FAILED\n  - request #0");
	}

	@Test
	void passingScenarioReportsPassed() {
		Scenario s = new Scenario("ok");
		s.connect(ms(0), "192.168.1.1:5555", "Public");
		s.expectAccepted(0).expectCount(RequestOutcome.ACCEPTED, 1).expectNoViolations()
				.expectViolations("IRP_LEAK", 0);
		ScenarioResult r = ScenarioRunner.run(s, new ListenerDriver());
		assertThat(r.passed()).as(r.report()).isTrue();
		assertThat(r.report()).startsWith("scenario ok: PASSED\nrequests: 1 (pended 0)\n  accepted: 1\n");
	}

	@Test
	void randomGeneratorIsSeededAndReportsProgress() {
		List<Long> progress = new ArrayList<>();
		RandomScenarioGenerator g = new RandomScenarioGenerator().seed(5).requests(25_000).from("10.0.0.0/8")
				.to("Public", "Admin").progress((done, total) -> progress.add(done));
		Scenario a = g.generate("a");
		Scenario b = new RandomScenarioGenerator().seed(5).requests(25_000).from("10.0.0.0/8").to("Public", "Admin")
				.generate("b");
		assertThat(a.requestCount()).isEqualTo(25_000);
		assertThat(a.actions()).isEqualTo(b.actions());
		assertThat(progress).containsExactly(10_000L, 20_000L, 25_000L);
	}

	@Test
	void hundredThousandRequestsThroughInspectAndAcceptAreAllDecided() {
		ListenerConfig cfg = new ListenerConfig().bind("[::]:40007").dualStack().conditional("10.0.0.0/8", "2001:db8::/32",
				"Reputation", 500);
		Scenario s = new RandomScenarioGenerator().seed(11).requests(100_000)
				.from("10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32").to("Public").meanInterArrival(20)
				.drops(0.05, ms(2)).checkAnswers("Reputation", ms(100), 0.7).generate("load");
		List<Long> progress = new ArrayList<>();
		ScenarioResult r = ScenarioRunner.run(s, new ListenerDriver(cfg), new SimConfig(),
				(done, total) -> progress.add(done));
		assertThat(r.violations()).isEmpty();
		assertThat(r.summary().requests()).isEqualTo(100_000);
		assertThat(r.summary().count(RequestOutcome.UNRESOLVED)).isZero();
		assertThat(r.summary().accepted() + r.summary().count(RequestOutcome.REJECTED)
				+ r.summary().count(RequestOutcome.TIMED_OUT) + r.summary().count(RequestOutcome.ABORTED))
				.isEqualTo(100_000);
		assertThat(progress).isNotEmpty().last().isEqualTo(100_000L);
		// how fast: the JMH benchmark (releng/org.wskstudio.bench), not a timed test
	}

	@Test
	void routesSendEachListenerRequestsFromItsOwnRanges() {
		Scenario s = new RandomScenarioGenerator().seed(3).requests(2_000).route("V4", "10.0.0.0/8")
				.route("V6", "2001:db8::/32").generate("routes");
		Scenario again = new RandomScenarioGenerator().seed(3).requests(2_000).route("V4", "10.0.0.0/8")
				.route("V6", "2001:db8::/32").generate("routes");
		List<ConnectSpec> connects = s.actions().stream().filter(ScenarioAction.Connect.class::isInstance)
				.map(a -> ((ScenarioAction.Connect) a).spec()).toList();
		assertThat(connects).hasSize(2_000);
		assertThat(connects).allSatisfy(c -> assertThat(c.remote().toString())
				.startsWith(c.listener().equals("V4") ? "10." : "[2001:db8:"));
		assertThat(connects).extracting(ConnectSpec::listener).contains("V4", "V6");
		assertThat(s.actions()).isEqualTo(again.actions());
	}
}

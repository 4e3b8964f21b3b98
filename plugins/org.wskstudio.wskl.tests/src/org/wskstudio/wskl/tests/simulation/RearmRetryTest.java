package org.wskstudio.wskl.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wsk.generator.common.AcceptRearm;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wskl.simulate.RandomRun;
import org.wskstudio.wskl.simulate.SimulationRunner;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/**
 * IRP mode: an accept slot whose re-arm finds no memory retries from its own timer's DPC with
 * an exponential back-off instead of retiring (AcceptRearm), and unload cancels or flushes
 * those retries. Runs the generated Java twin of examples/irp_accept.wskl (two slots, "free"),
 * or of a one-slot model where the back-off is easier to follow.
 */
class RearmRetryTest {

	/** One slot, "free": allocations #1 control IRP, #2 slot IRP, #3 close IRP, then two per arm. */
	private static final String ONE_SLOT = """
			driver Retry prefix Rtr pool tag 'Rtry'

			listener Only on ipv4 0.0.0.0:40100 {
				accept by irp queue 1 free
				connection handles receive
			}
			""";

	private static SimulationRunner irpAccept(SimConfig config) {
		return new SimulationRunner(Simulations.codeModel(Examples.example("irp_accept.wskl")), config);
	}

	/** Both slots of irp_accept find no IRP for their re-arm after the first two clients (allocations 6 and 8). */
	private static Scenario bothSlotsWaiting() {
		Scenario s = new Scenario("both slots waiting").seed(1).failIrpAllocation(6).failIrpAllocation(8);
		s.connect(ms(0), "10.1.2.3:5555", "Public");
		s.connect(ms(0), "10.1.2.4:5556", "Public");
		return s.expectNoViolations();
	}

	private static List<TraceEvent> events(ScenarioResult r, String kind) {
		return r.trace().events().stream().filter(e -> e.kind().equals(kind)).toList();
	}

	/** The back-offs the driver logged ("retrying in N ms"), in order. */
	private static List<Integer> backOffs(ScenarioResult r) {
		return events(r, "Log").stream().map(TraceEvent::details).filter(d -> d.contains("retrying in "))
				.map(d -> Integer.valueOf(d.replaceAll(".*retrying in (\\d+) ms.*", "$1"))).toList();
	}

	@Test
	void theBackOffDoublesUpToTheLongestAndStartsOverAfterAnArmSucceeds(@TempDir Path dir) throws IOException {
		Path model = dir.resolve("retry.wskl");
		Files.writeString(model, ONE_SLOT);
		SimulationRunner runner = new SimulationRunner(ModelLoading.codeModel(model));
		Scenario s = new Scenario("memory short for 250 ms").seed(1);
		for (int n = 4; n <= 13; n++) {
			s.failIrpAllocation(n);             // the re-arm after the first client, and its next four retries
		}
		s.failIrpAllocation(16);                // the re-arm after the client that waited: a new shortage
		int first = s.connect(ms(0), "10.1.2.3:5555", "Only");
		int waiting = s.connect(ms(100), "10.1.2.4:5556", "Only");
		int later = s.connect(ms(300), "10.1.2.5:5557", "Only");
		s.expectAccepted(first).expectAccepted(waiting).expectAccepted(later).expectNoViolations();
		ScenarioResult r = runner.run(s);
		assertThat(r.failedExpectations()).as(r.report()).isEmpty();
		assertThat(r.violations()).as(r.report()).isEmpty();
		assertThat(backOffs(r)).containsExactly(AcceptRearm.FIRST_RETRY_MS, 20, 40, 80, AcceptRearm.MAX_RETRY_MS,
				AcceptRearm.FIRST_RETRY_MS);
		// the client that came during the shortage waited in the backlog until the retry at 1 + 250 ms
		assertThat(r.requests().get(waiting).decidedAt()).isEqualTo(ms(251));
	}

	@Test
	void aSlotWaitingForItsRetryAtUnloadIsRetiredByStop() {
		// the run ends at 5 ms, the retries were due at 11 ms: KeCancelTimer stops both
		ScenarioResult r = irpAccept(new SimConfig().endTime(ms(5))).run(bothSlotsWaiting());
		assertThat(r.violations()).as(r.report()).isEmpty();
		assertThat(r.summary().count(RequestOutcome.ACCEPTED)).isEqualTo(2);
		assertThat(events(r, "KeCancelTimer")).extracting(TraceEvent::result).containsExactly("TRUE", "TRUE");
		assertThat(events(r, "TimerDpc")).isEmpty();
		assertThat(r.summary().irpsAllocated()).isEqualTo(r.summary().irpsFreed());
	}

	@Test
	void aRetryAlreadyQueuedAtUnloadRunsInKeFlushQueuedDpcsAndRetires() {
		// the timers expire at 11 ms, where the run ends; their DPCs would run 2 ms later
		ScenarioResult r = irpAccept(new SimConfig().dpcLatency(ms(2)).endTime(ms(11))).run(bothSlotsWaiting());
		assertThat(r.violations()).as(r.report()).isEmpty();
		assertThat(events(r, "KeCancelTimer")).extracting(TraceEvent::result).containsExactly("FALSE", "FALSE");
		assertThat(events(r, "KeFlushQueuedDpcs")).extracting(TraceEvent::details).containsExactly("2 queued");
		assertThat(r.trace().events()).extracting(TraceEvent::kind).containsSubsequence("DriverUnload",
				"KeFlushQueuedDpcs", "TimerDpc", "TimerDpc", "WskCloseSocket");
		// the retries found the rundown closed: no WskAccept after unload began
		List<String> kinds = r.trace().events().stream().map(TraceEvent::kind).toList();
		assertThat(kinds.subList(kinds.indexOf("DriverUnload"), kinds.size())).doesNotContain("WskAccept");
	}

	@Test
	void aRandomRunWithAllocationFailuresKeepsAccepting() {
		// 0.1 % of IoAllocateIrp and ExAllocatePoolWithTag fail: a retired slot would never come back, and
		// with both retired every later request would be reset
		ScenarioResult r = irpAccept(new SimConfig()).runRandom(RandomRun.of(20_000, 42), null);
		assertThat(r.violations()).as(r.report()).isEmpty();
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("Log")).isNotEmpty();
		assertThat(r.summary().count(RequestOutcome.ACCEPTED)).as(r.report()).isGreaterThan(18_000);
	}
}

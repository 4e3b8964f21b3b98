package org.wskstudio.wsk.sim.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.core.VirtualTime.s;
import static org.wskstudio.wsk.sim.nt.NtDef.RELATIVE_MS;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.nt.KDpc;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.TimerDriver;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Violation;

/**
 * Timers and DPCs at unload (TIMER_PENDING_AT_UNLOAD): a timer still set, or the DPC of an
 * expired one still queued, when the driver is gone would run in unloaded code. KeCancelTimer
 * stops a timer that has not expired; KeFlushQueuedDpcs waits for a DPC its expiry already queued
 * (only seen with SimConfig.dpcLatency above 0).
 */
class TimerRulesTest {

	private static Scenario empty() {
		return new Scenario("timer");
	}

	/** The run stops at 5 ms, the timer would expire at 10 s: it is still set at unload. */
	private static SimConfig stopsEarly() {
		return new SimConfig().endTime(ms(5));
	}

	/** The timer expires at 1 ms, where the run stops; its DPC would run 1 ms later. */
	private static SimConfig stopsWithTheDpcQueued() {
		return new SimConfig().dpcLatency(ms(1)).endTime(ms(1));
	}

	@Test
	void aTimerCancelledAtUnloadIsClean() {
		TimerDriver d = new TimerDriver(10_000);
		clean(run(empty(), d, stopsEarly()));
		assertThat(d.cancelResult()).isTrue();
		assertThat(d.dpcRuns()).isZero();
	}

	@Test
	void aTimerLeftSetAtUnloadIsReportedAndItsDpcNeverRuns() {
		TimerDriver d = new TimerDriver(10_000).withoutCancel();
		ScenarioResult r = run(empty(), d, stopsEarly());
		Violation v = single(r, "TIMER_PENDING_AT_UNLOAD");
		assertThat(v.message()).contains("still set").contains("expires at 10 s").contains("KeCancelTimer");
		assertThat(v.time()).isEqualTo(ms(5));
		assertThat(d.dpcRuns()).isZero();
	}

	@Test
	void aTimerThatExpiredBeforeUnloadNeedsNothing() {
		TimerDriver d = new TimerDriver(1).withoutCancel().withoutFlush();
		clean(run(empty(), d, new SimConfig().dpcLatency(ms(1))));
		assertThat(d.dpcRuns()).isEqualTo(1);
	}

	@Test
	void aQueuedDpcIsNotStoppedByKeCancelTimerButRunsInKeFlushQueuedDpcs() {
		TimerDriver d = new TimerDriver(1);
		ScenarioResult r = run(empty(), d, stopsWithTheDpcQueued());
		clean(r);
		assertThat(d.cancelResult()).isFalse();
		assertThat(d.dpcRuns()).isEqualTo(1);
		assertThat(r.trace().events()).extracting(TraceEvent::kind).containsSubsequence("KeCancelTimer",
				"KeFlushQueuedDpcs", "TimerDpc");
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("KeFlushQueuedDpcs"))
				.extracting(TraceEvent::details).containsExactly("1 queued");
	}

	@Test
	void aQueuedDpcNotFlushedAtUnloadIsReportedAndNeverRuns() {
		TimerDriver d = new TimerDriver(1).withoutFlush();
		ScenarioResult r = run(empty(), d, stopsWithTheDpcQueued());
		Violation v = single(r, "TIMER_PENDING_AT_UNLOAD");
		assertThat(v.message()).contains("still queued").contains("KeFlushQueuedDpcs");
		assertThat(d.cancelResult()).isFalse();
		assertThat(d.dpcRuns()).isZero();
	}

	@Test
	void withoutDpcLatencyTheDpcRunsAtTheExpiry() {
		TimerDriver d = new TimerDriver(1).withoutFlush();
		ScenarioResult r = run(empty(), d, new SimConfig().endTime(ms(1)));
		clean(r);
		assertThat(d.dpcRuns()).isEqualTo(1);
		assertThat(r.trace().events()).filteredOn(e -> e.kind().equals("TimerDpc")).extracting(TraceEvent::time)
				.containsExactly(ms(1));
	}

	@Test
	void flushingInsideADpcIsReported() {
		TimerDriver d = new TimerDriver(1) {
			@Override
			protected void timerDpc(KDpc Dpc, Object DeferredContext, Object SystemArgument1, Object SystemArgument2) {
				super.timerDpc(Dpc, DeferredContext, SystemArgument1, SystemArgument2);
				k.KeFlushQueuedDpcs();
			}
		};
		Violation v = single(run(empty(), d), "IRQL_TOO_HIGH");
		assertThat(v.message()).contains("KeFlushQueuedDpcs").contains("PASSIVE_LEVEL");
		assertThat(v.time()).isEqualTo(ms(1));
	}

	@Test
	void settingATimerAfterUnloadIsReportedAndNothingRuns() {
		TimerDriver d = new TimerDriver(1);
		WskSimulator sim = new WskSimulator(new SimConfig());
		sim.load(d);
		sim.run();
		sim.unload();
		assertThat(sim.violations()).isEmpty();
		sim.kernel().KeSetTimer(d.timerForTest(), RELATIVE_MS(1), d.dpcForTest());
		sim.host().scheduler.runUntil(s(1));
		assertThat(sim.violations()).extracting(Violation::ruleId).containsExactly("TIMER_PENDING_AT_UNLOAD");
		assertThat(sim.violations().get(0).message()).contains("after DriverUnload");
		assertThat(d.dpcRuns()).as("only the run's own expiry, none after unload").isEqualTo(1);
	}
}

package org.wskstudio.wsk.sim;

import java.util.List;
import java.util.function.Consumer;

import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.provider.WskSubsystem;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.Trace;
import org.wskstudio.wsk.sim.verify.CounterCheck;
import org.wskstudio.wsk.sim.verify.Violation;

/**
 * One simulated machine running one driver. Typical use:
 * <pre>
 * WskSimulator sim = new WskSimulator(new SimConfig().seed(7));
 * sim.connect(ConnectSpec.of(VirtualTime.ms(1), SockAddr.parse("192.0.2.7:4000"), null, "Public"));
 * sim.runDriver(new MyDriver());
 * sim.summary(); sim.violations(); sim.trace();
 * </pre>
 * Everything is single threaded and deterministic for a given configuration and input.
 */
public final class WskSimulator {
	/** How long after the last event (or endTime) teardown may run to complete outstanding work. */
	private static final long TEARDOWN_WINDOW = VirtualTime.s(60);

	private final SimHost host;
	private final WskSubsystem wsk;
	private final Kernel kernel;
	private SimDriver driver;
	private boolean loaded;
	private boolean finished;

	public WskSimulator(SimConfig config) {
		this.host = new SimHost(config);
		this.wsk = new WskSubsystem(host);
		this.kernel = new Kernel(host, wsk);
	}

	public Kernel kernel() {
		return kernel;
	}

	/** Internals (scheduler, I/O manager, pool...) for tools and tests. */
	public SimHost host() {
		return host;
	}

	public WskSubsystem wsk() {
		return wsk;
	}

	public long now() {
		return host.scheduler.now();
	}

	// ------------------------------------------------------------------ inputs

	/** A remote client's connection attempt. */
	public RequestRecord connect(ConnectSpec spec) {
		return wsk.flow().submit(spec);
	}

	/** The named listener stops working at this time. */
	public void failListenerAt(String listener, long time) {
		host.scheduler.external(time, () -> wsk.flow().failListener(listener));
	}

	/** At this time the named external check answers its outstanding queries (subject null = all). */
	public void answerCheckAt(String check, boolean accept, String subject, long time) {
		host.scheduler.external(time, () -> {
			int n = host.checks.answer(check, accept, subject);
			if (n == 0) {
				host.trace.record(Actor.CLIENT, Actor.WSK, "CheckAnswer", null, check, check + " answers "
						+ (accept ? "accept" : "reject") + ": no outstanding query");
			}
		});
	}

	/** Runs driver code at PASSIVE_LEVEL at this time (e.g. a scenario step that calls into the driver). */
	public void at(long time, Consumer<Kernel> action) {
		host.scheduler.external(time, () -> action.accept(kernel));
	}

	public void setProgressListener(ProgressListener p) {
		wsk.flow().setProgressListener(p);
	}

	// ------------------------------------------------------------------ running

	/** Calls DriverEntry at the current time (PASSIVE_LEVEL). Returns its status. */
	public int load(SimDriver d) {
		this.driver = d;
		var t = host.trace.record(Actor.WSK, Actor.DRIVER, "DriverEntry", null, null, "");
		int st = d.DriverEntry(kernel);
		t.setResult(NtStatus.name(st));
		loaded = NtStatus.NT_SUCCESS(st);
		return st;
	}

	/** Processes events until none is left or the configured end time is reached. */
	public void run() {
		host.scheduler.runUntil(host.config.endTime());
	}

	/**
	 * Calls DriverUnload (if loaded), checks that no timer or DPC of the driver is left, then lets
	 * outstanding internal work finish; remote events stop.
	 */
	public void unload() {
		wsk.flow().quiescenceChecks();
		host.scheduler.dropExternalEvents();
		if (loaded && driver != null) {
			checkCounters();
			loaded = false;
			host.trace.record(Actor.WSK, Actor.DRIVER, "DriverUnload", null, null, "");
			driver.DriverUnload(kernel);
		}
		if (driver != null) {
			host.timers.driverUnloaded();       // the driver's code is gone, loaded or not
		}
		long limit = host.scheduler.now() + TEARDOWN_WINDOW;
		host.scheduler.drainUntil(limit);
	}

	/**
	 * Rule COUNTER_MISMATCH: the counters the loaded driver keeps against the outcomes recorded so
	 * far for each listener. Runs at unload (before DriverUnload); callable at any quiet moment.
	 * Returns the number of mismatches.
	 */
	public int checkCounters() {
		if (!loaded || driver == null) {
			return 0;
		}
		return CounterCheck.check(host.verifier, driver.listenerCounters(), requests());
	}

	/** At this time, {@link #checkCounters()} (a scenario's {@code at T expect counters}). */
	public void checkCountersAt(long time) {
		host.scheduler.external(time, this::checkCounters);
	}

	/** End-of-run checks (leaks, pending inspections, registrations). Idempotent. */
	public void finish() {
		if (finished) {
			return;
		}
		finished = true;
		wsk.finish();
		host.pool.reportLeaks();
		host.io.reportLeaks("by the end of the run");
	}

	/** load + run + unload + finish. Returns DriverEntry's status. */
	public int runDriver(SimDriver d) {
		int st = load(d);
		run();
		unload();
		finish();
		return st;
	}

	// ------------------------------------------------------------------ results

	public Trace trace() {
		return host.trace;
	}

	public List<Violation> violations() {
		return host.verifier.violations();
	}

	public List<RequestRecord> requests() {
		return wsk.flow().requests();
	}

	/** IoAllocateIrp calls of the run, failed ones included (the points {@code fail each irp allocation} fails). */
	public int irpAllocationCalls() {
		return host.io.allocationCalls();
	}

	/** ExAllocatePoolWithTag calls of the run, failed ones included (the points {@code fail each pool allocation} fails). */
	public int poolAllocationCalls() {
		return host.pool.allocationCalls();
	}

	public SimSummary summary() {
		return SimSummary.of(requests(), violations(), host.io.allocatedCount(), host.io.freedCount(),
				host.pool.allocatedCount(), host.pool.freedCount(), host.scheduler.now(), host.scheduler.executed(),
				host.trace.total());
	}
}

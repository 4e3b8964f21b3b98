package org.wskstudio.wsk.sim.kernel;

import java.util.SplittableRandom;

import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.core.Scheduler;
import org.wskstudio.wsk.sim.trace.Trace;
import org.wskstudio.wsk.sim.verify.Verifier;

/** The parts of one simulated machine, wired together. */
public final class SimHost {
	public final SimConfig config;
	public final Scheduler scheduler = new Scheduler();
	public final SplittableRandom random;
	public final Trace trace;
	public final Verifier verifier;
	public final ExecContext exec = new ExecContext();
	public final Elements elements = new Elements();
	public final IoManager io;
	public final PoolManager pool;
	public final DpcQueue dpcs;
	public final TimerManager timers;
	public final CheckService checks;

	public SimHost(SimConfig config) {
		this.config = config;
		this.random = new SplittableRandom(config.seed());
		this.trace = new Trace(scheduler::now, config.traceLimit());
		this.verifier = new Verifier(scheduler::now, trace);
		this.io = new IoManager(scheduler::now, trace, verifier, exec, elements, config.faults(), random);
		this.pool = new PoolManager(scheduler::now, trace, verifier, exec, elements, config.faults(), random);
		this.dpcs = new DpcQueue(scheduler, trace, verifier, exec, config.dpcLatency());
		this.timers = new TimerManager(scheduler, trace, verifier, exec, dpcs);
		this.checks = new CheckService(trace, exec);
	}
}

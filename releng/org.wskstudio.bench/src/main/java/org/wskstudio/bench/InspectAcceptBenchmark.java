package org.wskstudio.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.scenario.RandomScenarioGenerator;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;

/**
 * Simulated connection requests per second through WskInspectEvent and WskAcceptEvent of the
 * generated Java twin of the blocklist models of 10, 1,000 and 100,000 rules
 * ({@link GeneratedTwin}). One invocation runs a whole simulation of {@link #REQUESTS} seeded
 * random requests (half from 192.168.0.0/16, accepted by the first rule; half from 11.0.0.0/8,
 * where the blocks are: rejected by a block or accepted by the default), including DriverEntry,
 * establishment, the accept event, the close and DriverUnload. The trace is off (traceLimit 0)
 * so the figure is the driver and the simulator, not the trace's memory. {@link #loadAndUnload}
 * is the part of an invocation that does not depend on the requests: DriverEntry (listener start)
 * and DriverUnload alone, per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class InspectAcceptBenchmark {

	static final int REQUESTS = 2_000;

	@Param({ "10", "1000", "100000" })
	public int rules;

	private GeneratedTwin twin;
	private Scenario scenario;
	private Scenario loadOnly;
	private SimConfig config;

	@Setup(Level.Trial)
	public void setUp() {
		twin = GeneratedTwin.of(rules);
		scenario = new RandomScenarioGenerator().seed(1).requests(REQUESTS).from("192.168.0.0/16", "11.0.0.0/8")
				.to("Public").meanInterArrival(VirtualTime.us(50)).generate("bench");
		loadOnly = new RandomScenarioGenerator().seed(1).requests(0).from("192.168.0.0/16").to("Public").generate("load");
		config = new SimConfig().traceLimit(0);
		ScenarioResult check = ScenarioRunner.run(scenario, twin.newDriver(), config);
		if (!check.violations().isEmpty() || check.summary().accepted() == 0) {
			throw new IllegalStateException("the benchmark driver misbehaves:\n" + check.report());
		}
	}

	@Benchmark
	@OperationsPerInvocation(REQUESTS)
	public ScenarioResult inspectAndAccept() {
		return ScenarioRunner.run(scenario, twin.newDriver(), config);
	}

	/** A simulation without requests: the driver's load, listener start and unload. */
	@Benchmark
	public ScenarioResult loadAndUnload() {
		return ScenarioRunner.run(loadOnly, twin.newDriver(), config);
	}
}

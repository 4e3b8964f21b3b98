package org.wskstudio.wsk.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.fault.FaultPlan;

/**
 * A fault sweep, as SQLite's out-of-memory tests do it: the scenario runs once unfailed, which
 * counts the allocation points (IoAllocateIrp and ExAllocatePoolWithTag calls) it reaches; then
 * once per point of each swept kind, that point's allocation returning NULL. The unfailed run
 * is checked against every expectation of the scenario; a failed run only against those that
 * hold under faults ({@link Expectation#holdsUnderFaults()}: no violations, which includes no
 * leak by the end of the run), since a failed allocation rightly changes outcomes and counts.
 * Each run gets a new driver instance.
 */
public final class FaultSweep {

	/** The allocations a sweep fails, with the scenario language's word and the kernel routine. */
	public enum Kind {
		IRP("irp", "IoAllocateIrp"), POOL("pool", "ExAllocatePoolWithTag");

		private final String word;
		private final String routine;

		Kind(String word, String routine) {
			this.word = word;
			this.routine = routine;
		}

		public String word() {
			return word;
		}

		public String routine() {
			return routine;
		}
	}

	/** The nth allocation (1-based) of a kind in the run. */
	public record Point(Kind kind, int nth) {
		/** The fault plan that fails this allocation and no other. */
		public FaultPlan faults() {
			return kind == Kind.IRP ? new FaultPlan().failIrpAllocation(nth) : new FaultPlan().failPoolAllocation(nth);
		}

		@Override
		public String toString() {
			return "fail " + kind.word() + " allocation " + nth;
		}
	}

	/** One run of a sweep: point null for the unfailed run. */
	public record Run(Point point, ScenarioResult result) {
		public boolean unfailed() {
			return point == null;
		}

		/** "unfailed" or "fail irp allocation 3". */
		public String label() {
			return point == null ? "unfailed" : point.toString();
		}

		/** One line: which point, the outcomes of the requests, the violations, the verdict. */
		public String reportLine() {
			return label() + ": " + verdict(result);
		}
	}

	/** A run's verdict in one line: PASSED or FAILED, the outcomes of the requests, the violations. */
	public static String verdict(ScenarioResult result) {
		StringBuilder sb = new StringBuilder();
		sb.append(result.passed() ? "PASSED" : "FAILED").append(", outcomes");
		result.summary().outcomes().forEach((o, n) -> {
			if (n > 0) {
				sb.append(' ').append(o.name().toLowerCase().replace('_', '-')).append('=').append(n);
			}
		});
		sb.append(", ").append(result.violations().size()).append(" violation(s)");
		return sb.toString();
	}

	/** The runs of a sweep, the unfailed one first, then each point in order (kinds in the order swept). */
	public record Result(String scenario, List<Run> runs, int irpPoints, int poolPoints) {
		public Result {
			runs = List.copyOf(runs);
		}

		public Run unfailed() {
			return runs.get(0);
		}

		public boolean passed() {
			return runs.stream().allMatch(r -> r.result().passed());
		}

		/** The allocation points of the kind that the unfailed run reached. */
		public int points(Kind kind) {
			return kind == Kind.IRP ? irpPoints : poolPoints;
		}

		/** Verdict, one line per run and the failed expectations of each failed run. */
		public String report() {
			long failed = runs.stream().filter(r -> !r.result().passed()).count();
			StringBuilder sb = new StringBuilder();
			sb.append("scenario ").append(scenario).append(": ").append(passed() ? "PASSED" : "FAILED")
					.append(" (fault sweep: ").append(runs.size()).append(" runs, ").append(irpPoints)
					.append(" IoAllocateIrp and ").append(poolPoints).append(" ExAllocatePoolWithTag points reached")
					.append(failed > 0 ? ", " + failed + " failed" : "").append(")\n");
			for (Run r : runs) {
				sb.append("  ").append(r.reportLine()).append('\n');
				for (String f : r.result().failedExpectations()) {
					sb.append("    - ").append(f).append('\n');
				}
			}
			return sb.toString();
		}
	}

	private FaultSweep() {
	}

	/**
	 * The points a sweep of the scenario fails, in order (kinds in the order swept), given the
	 * allocation calls its unfailed run made; none when the scenario sweeps nothing. Any driver
	 * that runs on the simulator (the Java twin, the C driver) is swept over these points.
	 */
	public static List<Point> points(Scenario scenario, int irpCalls, int poolCalls) {
		List<Point> points = new ArrayList<>();
		for (Kind kind : scenario.sweeps()) {
			int calls = kind == Kind.IRP ? irpCalls : poolCalls;
			for (int nth = 1; nth <= calls; nth++) {
				points.add(new Point(kind, nth));
			}
		}
		return points;
	}

	/** Runs the scenario's sweep (an unfailed run alone when it sweeps nothing). */
	public static Result run(Scenario scenario, Supplier<SimDriver> drivers, SimConfig base) {
		List<Run> runs = new ArrayList<>();
		WskSimulator first = ScenarioRunner.prepare(scenario, base);
		runs.add(new Run(null, ScenarioRunner.finish(scenario, first, drivers.get(), false)));
		int irpPoints = first.irpAllocationCalls();
		int poolPoints = first.poolAllocationCalls();
		for (Point point : points(scenario, irpPoints, poolPoints)) {
			WskSimulator sim = ScenarioRunner.prepare(scenario, base, point.faults());
			runs.add(new Run(point, ScenarioRunner.finish(scenario, sim, drivers.get(), true)));
		}
		return new Result(scenario.name(), runs, irpPoints, poolPoints);
	}
}

package org.wskstudio.wskl.simulate;

import java.util.List;

import org.wskstudio.wsk.sim.scenario.FaultSweep;

/**
 * A scenario on the chosen target(s) as a fault sweep ({@code fail each irp|pool allocation}):
 * its unfailed run, then one run per allocation point the unfailed run reached, each on every
 * target that runs and, for both, compared back to back. A scenario that sweeps nothing has its
 * unfailed run alone.
 *
 * @param irpPoints  IoAllocateIrp calls of the unfailed run (for both, the larger of the two targets')
 * @param poolPoints ExAllocatePoolWithTag calls of the unfailed run (likewise)
 */
public record TargetSweep(String scenario, List<Run> runs, int irpPoints, int poolPoints) {

	public TargetSweep {
		runs = List.copyOf(runs);
	}

	/** One run: point null for the unfailed one. */
	public record Run(FaultSweep.Point point, TargetResult result) {
		public boolean unfailed() {
			return point == null;
		}

		/** "unfailed" or "fail irp allocation 3". */
		public String label() {
			return point == null ? "unfailed" : point.toString();
		}

		/**
		 * One line: which point and, per target that ran, the verdict, outcomes and violations;
		 * for both, whether the two agree.
		 */
		public String reportLine() {
			StringBuilder sb = new StringBuilder(label()).append(": ");
			switch (result.target()) {
				case JAVA -> sb.append(FaultSweep.verdict(result.java()));
				case C -> sb.append("C driver ").append(FaultSweep.verdict(result.c()));
				case BOTH -> sb.append("Java twin ").append(FaultSweep.verdict(result.java())).append("; C driver ")
						.append(FaultSweep.verdict(result.c())).append("; ").append(result.comparison().equal()
								? "agree (" + result.comparison().javaEvents() + " events)"
								: result.comparison().sameOutcomes() ? "DIVERGE (same outcomes)" : "DIVERGE");
			}
			return sb.toString();
		}

		/** Every target's run passed without violations and, for both, they agree. */
		public boolean clean() {
			return result.passed() && (result.java() == null || result.java().violations().isEmpty())
					&& (result.c() == null || result.c().violations().isEmpty());
		}
	}

	public Run unfailed() {
		return runs.get(0);
	}

	/** The runs after the unfailed one, one per allocation point. */
	public List<Run> failedAllocationRuns() {
		return runs.subList(1, runs.size());
	}

	/** Every run is {@linkplain Run#clean() clean}. */
	public boolean passed() {
		return runs.stream().allMatch(Run::clean);
	}
}

package org.wskstudio.wsk.sim.scenario;

import java.util.List;

import org.wskstudio.wsk.sim.SimSummary;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.trace.JsonLinesWriter;
import org.wskstudio.wsk.sim.trace.SvgSequenceWriter;
import org.wskstudio.wsk.sim.trace.Trace;
import org.wskstudio.wsk.sim.verify.Violation;

/** The outcome of running a scenario: what happened and which expectations failed. */
public record ScenarioResult(String scenario, int driverEntryStatus, SimSummary summary, List<RequestRecord> requests,
		List<Violation> violations, Trace trace, List<String> failedExpectations) {

	public boolean passed() {
		return failedExpectations.isEmpty();
	}

	public String jsonLines() {
		return JsonLinesWriter.toString(trace);
	}

	public String svg(int maxRows) {
		return SvgSequenceWriter.toSvg(trace, "Scenario " + scenario, maxRows);
	}

	/** A readable report: verdict, failed expectations, summary. */
	public String report() {
		StringBuilder sb = new StringBuilder();
		sb.append("scenario ").append(scenario).append(": ").append(passed() ? "PASSED" : "FAILED").append('\n');
		for (String f : failedExpectations) {
			sb.append("  - ").append(f).append('\n');
		}
		sb.append(summary);
		return sb.toString();
	}
}

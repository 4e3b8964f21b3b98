package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.simulate.SimulationTarget;
import org.wskstudio.wskl.simulate.TargetResult;
import org.wskstudio.wskl.simulate.TargetRunner;
import org.wskstudio.wskl.simulate.host.CSources;
import org.wskstudio.wskl.simulate.host.CTarget;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/**
 * Deliberately broken copies of generated C, each caught by the mechanism that should catch it
 * (a rule check, a sanitizer, the back-to-back comparison), with a message naming the C line.
 */
class BrokenCTest {
	private static final String EVENT = "evtacc_driver.c";

	private static WskDriver model(String name) {
		return ModelLoading.codeModel(Examples.example(name));
	}

	/** The edited copy: {@code find} must occur exactly once. */
	private static CSources edit(CSources sources, String file, String find, String replace) {
		String text = sources.content(file);
		assertThat(text.indexOf(find)).as("edit point in %s", file).isNotNegative().isEqualTo(text.lastIndexOf(find));
		return sources.with(file, text.replace(find, replace));
	}

	/** 1-based line of the first occurrence of {@code marker} in the edited file. */
	private static int line(CSources sources, String file, String marker) {
		String text = sources.content(file);
		return (int) text.substring(0, text.indexOf(marker)).chars().filter(c -> c == '\n').count() + 1;
	}

	private static ScenarioResult runFirstScenario(String modelName, CSources sources) {
		WskDriver m = model(modelName);
		TargetRunner runner = new TargetRunner(m, SimulationTarget.C, new SimConfig(), sources);
		Path file = Examples.example(modelName.replace(".wskl", ".wsks"));
		return runner.run(org.wskstudio.wskl.simulate.ScenarioFiles.load(Examples.example(modelName), List.of(file))
				.scenarios().get(0)).c();
	}

	private static List<Violation> of(ScenarioResult r, Rule rule) {
		return r.violations().stream().filter(v -> v.rule() == rule).toList();
	}

	@Test
	void aMissingIoFreeIrpIsALeakNamingWhereTheIrpWasAllocated() {
		CSources c = edit(CTarget.generatedSources(model("event_accept.wskl")), EVENT,
				"    IoFreeIrp(Irp);\n    if (InterlockedDecrement(&EvtAccIrpCount)",
				"    if (InterlockedDecrement(&EvtAccIrpCount)");
		ScenarioResult r = runFirstScenario("event_accept.wskl", c);
		List<Violation> leaks = of(r, Rule.IRP_LEAK);
		assertThat(leaks).as(r.report()).isNotEmpty();
		int allocation = line(c, EVENT, "PIRP Irp = IoAllocateIrp(1, FALSE);");
		assertThat(leaks.get(0).element()).isEqualTo("C: " + EVENT + ":" + allocation + " (EvtAcc_AllocateIrp)");
	}

	@Test
	void aDoubleIoFreeIrpIsCaughtByTheRuleAndByAddressSanitizer() {
		CSources c = edit(CTarget.generatedSources(model("event_accept.wskl")), EVENT,
				"    IoFreeIrp(Irp);\n    if (InterlockedDecrement(&EvtAccIrpCount)",
				"    IoFreeIrp(Irp);\n    IoFreeIrp(Irp);    /* broken */\n    if (InterlockedDecrement(&EvtAccIrpCount)");
		ScenarioResult r = runFirstScenario("event_accept.wskl", c);
		int second = line(c, EVENT, "IoFreeIrp(Irp);    /* broken */");
		assertThat(of(r, Rule.IRP_DOUBLE_FREE)).as(r.report()).hasSize(1);
		assertThat(of(r, Rule.IRP_DOUBLE_FREE).get(0).message()).contains("[C: " + EVENT + ":" + second + " (EvtAcc_FreeIrp)]");
		assertThat(of(r, Rule.C_SANITIZER)).as(r.report()).hasSize(1);
		assertThat(of(r, Rule.C_SANITIZER).get(0).message()).contains("AddressSanitizer: attempting double-free")
				.contains("at " + EVENT + ":" + second + " (EvtAcc_FreeIrp)");
		assertThat(r.passed()).isFalse();
	}

	@Test
	void aFreedConnectionTouchedIsAHeapUseAfterFreeAtThatLine() {
		CSources c = edit(CTarget.generatedSources(model("event_accept.wskl")), EVENT,
				"    ExFreePoolWithTag(Connection, EVTACC_POOL_TAG);\n    EvtAcc_FreeIrp(Irp);",
				"    ExFreePoolWithTag(Connection, EVTACC_POOL_TAG);\n    Connection->BytesReceived = 0;    /* broken */\n"
						+ "    EvtAcc_FreeIrp(Irp);");
		ScenarioResult r = runFirstScenario("event_accept.wskl", c);
		int touched = line(c, EVENT, "Connection->BytesReceived = 0;    /* broken */");
		List<Violation> asan = of(r, Rule.C_SANITIZER);
		assertThat(asan).as(r.report()).hasSize(1);
		assertThat(asan.get(0).message()).contains("AddressSanitizer: heap-use-after-free")
				.contains("at " + EVENT + ":" + touched + " (EvtAcc_ConnectionCloseComplete)")
				.contains("freed by: EvtAcc_ConnectionCloseComplete evtacc_driver.c:");
	}

	@Test
	void aCompletionRoutineReturningSuccessBreaksTheRuleAtThatRoutine() {
		CSources c = edit(CTarget.generatedSources(model("event_accept.wskl")), EVENT,
				"    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);\n    return STATUS_MORE_PROCESSING_REQUIRED;",
				"    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);\n    return STATUS_SUCCESS;");
		ScenarioResult r = runFirstScenario("event_accept.wskl", c);
		List<Violation> wrong = of(r, Rule.IRP_COMPLETION_STATUS);
		assertThat(wrong).as(r.report()).isNotEmpty();
		// the routine's entry: the line of its opening brace, after the declarator
		int routine = line(c, EVENT, "EvtAcc_SyncIrpComplete(PDEVICE_OBJECT DeviceObject") + 1;
		assertThat(wrong.get(0).message()).contains("returned STATUS_SUCCESS")
				.contains("[C: the routine at " + EVENT + ":" + routine + " (EvtAcc_SyncIrpComplete)]");
	}

	@Test
	void anIpv4MappedCheckRemovedMakesTheTargetsDivergeAtThatDecision() {
		WskDriver m = model("dual_stack.wskl");
		CSources c = edit(CTarget.generatedSources(m), "echo_driver.c", "if (Echo_IsIpv4Mapped(Ipv6->sin6_addr.u.Byte)) {",
				"if (FALSE && Echo_IsIpv4Mapped(Ipv6->sin6_addr.u.Byte)) {");
		TargetRunner both = new TargetRunner(m, SimulationTarget.BOTH, new SimConfig(), c);
		Path model = Examples.example("dual_stack.wskl");
		TargetResult r = both.run(Targets.scenarios(model).get(0));
		assertThat(r.comparison().equal()).isFalse();
		assertThat(r.comparison().sameOutcomes()).isFalse();
		assertThat(r.c().violations()).isEmpty();     // no rule sees it: only the comparison does
		assertThat(r.comparison().report()).contains("diverge at compared event")
				.containsPattern("  > .* WskInspectEvent \\[Public\\] .*-> WskInspectReject   \\(echo_driver\\.c:\\d+ \\(EchoPublic_InspectEvent\\)\\)")
				.contains("Java twin, Public");
	}

	@Test
	void aDriverThatSpinsForeverIsKilledAndTheRunEndsWithAHang() {
		WskDriver m = model("event_accept.wskl");
		CSources c = edit(CTarget.generatedSources(m), EVENT, "    *AcceptSocketContext = NULL;\n",
				"    *AcceptSocketContext = NULL;\n    { volatile int Spin = 1; while (Spin) { } }    /* broken */\n");
		CTarget target = new CTarget(m, c, 1500);
		Path model = Examples.example("event_accept.wskl");
		var scenario = new org.wskstudio.wskl.simulate.scenario.ScenarioTranslator(new SimConfig())
				.translate(Targets.scenarios(model).get(0));
		ScenarioResult r = target.run(scenario, new SimConfig());
		assertThat(of(r, Rule.C_HANG)).as(r.report()).hasSize(1);
		int spin = line(c, EVENT, "{ volatile int Spin = 1;");
		assertThat(of(r, Rule.C_HANG).get(0).message()).contains("did not answer within 1500 ms")
				.contains("at " + EVENT + ":" + spin + " (EvtAccPublic_AcceptEvent)");
		assertThat(r.passed()).isFalse();
	}
}

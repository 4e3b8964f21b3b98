package org.wskstudio.wsk.generator.tests.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.generator.tests.c.irp.CSource;
import org.wskstudio.wsk.generator.tests.c.irp.IrpLifecycleChecker;
import org.wskstudio.wsk.generator.tests.c.irp.WriteSets;
import org.wskstudio.wskl.testing.Examples;

/**
 * The exactly-once IRP check ({@link IrpLifecycleChecker}) on the generated driver of every
 * example model, and on deliberately broken variants of it (the checker must find each
 * defect, so a pass means something).
 */
class IrpLifecycleTest {

	static Stream<String> examples() {
		return Examples.validModels().stream().map(GeneratedC::exampleName);
	}

	private static String driver(String example) {
		Map<String, String> files = GeneratedC.generate(example);
		return files.entrySet().stream().filter(e -> e.getKey().endsWith("_driver.c")).findFirst().orElseThrow()
				.getValue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyIrpPathIsExactlyOnce(String example) {
		IrpLifecycleChecker checker = new IrpLifecycleChecker(driver(example));
		List<String> errors = checker.check();
		assertThat(errors).isEmpty();
		assertThat(checker.completionRoutines()).isNotEmpty();
		assertThat(checker.synchronousRoutines()).hasSize(1);
		assertThat(checker.endStatesPerRoot).isNotEmpty();
		// no root fell back to shallower inlining: every one was checked at full strength
		assertThat(checker.depthPerRoot).isNotEmpty()
				.allSatisfy((root, depth) -> assertThat(depth).as(root).isEqualTo(IrpLifecycleChecker.MAX_DEPTH));
	}

	// ---- the checker finds defects -------------------------------------------------------

	private static List<String> errorsAfter(String from, String to) {
		return errorsAfter("irp_accept", from, to);
	}

	private static List<String> errorsAfter(String example, String from, String to) {
		String source = driver(example);
		assertThat(source).contains(from);
		return new IrpLifecycleChecker(source.replace(from, to)).check();
	}

	@Test
	void findsDanglingSlotIrp() {
		// SlotRetire frees the slot's IRP but leaves the pointer
		assertThat(errorsAfter("        IrpAcc_FreeIrp(Slot->Irp);\n        Slot->Irp = NULL;",
				"        IrpAcc_FreeIrp(Slot->Irp);")).anyMatch(e -> e.contains("still points to a freed IRP"));
	}

	@Test
	void findsDoubleFree() {
		assertThat(errorsAfter("    IrpAcc_FreeIrp(CloseIrp);", "    IrpAcc_FreeIrp(CloseIrp);\n    IrpAcc_FreeIrp(CloseIrp);"))
				.anyMatch(e -> e.contains("frees an IRP twice"));
	}

	@Test
	void findsLeakedCloseIrp() {
		assertThat(errorsAfter("    ExFreePoolWithTag(Connection, IRPACC_POOL_TAG);\n    IrpAcc_FreeIrp(Irp);",
				"    ExFreePoolWithTag(Connection, IRPACC_POOL_TAG);"))
				.anyMatch(e -> e.contains("neither frees, re-arms nor keeps"));
	}

	@Test
	void findsWrongCompletionStatus() {
		assertThat(errorsAfter("    IrpAcc_FreeIrp(Irp);                       /* == Connection->CloseIrp */\n"
				+ "    return STATUS_MORE_PROCESSING_REQUIRED;",
				"    IrpAcc_FreeIrp(Irp);                       /* == Connection->CloseIrp */\n    return STATUS_SUCCESS;"))
				.anyMatch(e -> e.contains("must return STATUS_MORE_PROCESSING_REQUIRED"));
	}

	@Test
	void findsSubmitWithoutReArm() {
		assertThat(errorsAfter("    IoReuseIrp(Connection->CloseIrp, STATUS_UNSUCCESSFUL);\n", ""))
				.anyMatch(e -> e.contains("IoSetCompletionRoutine without IoReuseIrp"));
	}

	@Test
	void findsUncheckedAllocation() {
		assertThat(errorsAfter("    if (Slot->Irp == NULL) {                /* first arm, or \"free\" mode */\n"
				+ "        Slot->Irp = IrpAcc_AllocateIrp();\n    }",
				"    Slot->Irp = IrpAcc_AllocateIrp();")).anyMatch(e -> e.contains("allocation into"));
	}

	@Test
	void findsFreeOfIrpOwnedByWsk() {
		// free the close IRP right after handing it to WskCloseSocket
		assertThat(errorsAfter("    (VOID)Dispatch->WskCloseSocket(Connection->Socket, Connection->CloseIrp);\n",
				"    (VOID)Dispatch->WskCloseSocket(Connection->Socket, Connection->CloseIrp);\n"
						+ "    IrpAcc_FreeIrp(Connection->CloseIrp);\n"))
				.anyMatch(e -> e.contains("frees an IRP that WSK still owns"));
	}

	// ---- ... also in dual_stack, whose paths are too many to enumerate one by one ---------

	@Test
	void findsLeakOnOnePathOfDualStack() {
		// Echo_PendInspection: the pending table is full, the IRP allocated for it is not freed
		assertThat(errorsAfter("dual_stack", "        Echo_FreeIrp(Irp);                   /* table full, or stopping */\n", ""))
				.anyMatch(e -> e.startsWith("Echo_PendInspection: IRP allocated or taken out of a field is neither freed"));
	}

	@Test
	void findsDoubleFreeOfDualStackControlIrpFromDriverEntry() {
		// Echo_ListenerStop frees the control IRP twice; DriverEntry reaches it on its failure
		// path (Echo_Shutdown, then Echo_ListenerStop of each listener)
		List<String> errors = errorsAfter("dual_stack",
				"        Echo_FreeIrp(Listener->ControlIrp);\n        Listener->ControlIrp = NULL;",
				"        Echo_FreeIrp(Listener->ControlIrp);\n        Echo_FreeIrp(Listener->ControlIrp);\n"
						+ "        Listener->ControlIrp = NULL;");
		assertThat(errors).contains("Echo_ListenerStop: frees an IRP twice (Listener->ControlIrp)",
				"DriverEntry: frees an IRP twice (EchoPublic.ControlIrp)",
				"DriverEntry: frees an IRP twice (EchoAdmin.ControlIrp)");
	}

	@Test
	void findsDanglingAcceptIrpOfDualStack() {
		// Echo_AcceptDone in "free" mode frees the IRP but leaves it in the slot: the
		// completion routine's slot points to a freed IRP, and the retirement frees it again
		List<String> errors = errorsAfter("dual_stack", "        Slot->Irp = NULL;\n        Echo_FreeIrp(Irp);",
				"        Echo_FreeIrp(Irp);");
		assertThat(errors).contains("Echo_AcceptComplete: field Context->Irp still points to a freed IRP")
				.anyMatch(e -> e.contains("frees an IRP twice"));
	}

	@Test
	void summarisesWhatOpaqueCallsMayWrite() {
		WriteSets writes = new WriteSets(CSource.functions(driver("dual_stack")));
		// a completion routine the provider may run inside WskInspectComplete: Entry->State
		assertThat(writes.of("Echo_InspectCompleteDone")).contains("State").doesNotContain("EarlyAction");
		// calls the hook Rule->StartCheck: anything
		assertThat(writes.of("Echo_PendInspection")).isSameAs(WriteSets.ALL);
		assertThat(WriteSets.covers(Set.of("State"), "Listener->Pending[f1$Index].State")).isTrue();
		assertThat(WriteSets.covers(Set.of("State"), "Listener->Stopping")).isFalse();
	}

	@Test
	void findsLeakAfterCallThroughFunctionPointerInDualStack() {
		// Echo_PendInspection: the hook Rule->StartCheck may answer at once (EarlyAction set by
		// a driver callback); the IRP taken back out of the entry is then not freed. Found only
		// because the opaque call forgets Entry->EarlyAction == WskInspectMax (OpaqueCalls).
		assertThat(errorsAfter("dual_stack", "    if (Unused != NULL) {\n        Echo_FreeIrp(Unused);\n    }\n", ""))
				.anyMatch(e -> e.startsWith("Echo_PendInspection: IRP allocated or taken out of a field is neither freed"));
	}

	@Test
	void findsLeakOfIrpTakenOutOfFieldInDualStack() {
		// Echo_AbortInspection takes the IRP out of the entry (Irp = Entry->CompleteIrp;
		// Entry->CompleteIrp = NULL;) and then does not free it
		assertThat(errorsAfter("dual_stack", "    if (Irp != NULL) {\n        Echo_FreeIrp(Irp);\n    }\n"
				+ "    if (Dropped) {\n        InterlockedIncrement(&Listener->AbortedCount);",
				"    if (Dropped) {\n        InterlockedIncrement(&Listener->AbortedCount);"))
				.anyMatch(e -> e.startsWith("Echo_AbortInspection: IRP allocated or taken out of a field is neither freed"));
	}

	@Test
	void findsInspectCompleteWithoutReArmInDualStack() {
		assertThat(errorsAfter("dual_stack", "    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);\n    IoSetCompletionRoutine(Irp, Echo_InspectCompleteDone",
				"    IoSetCompletionRoutine(Irp, Echo_InspectCompleteDone"))
				.contains("Echo_PendingIssueComplete: IoSetCompletionRoutine without IoReuseIrp on a live IRP just before");
	}
}

package org.wskstudio.wskl.tests.generator.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exactly-once IRP check ({@link IrpLifecycleChecker}) on the generated driver of each
 * seed scenario, and on deliberately broken variants of it (the checker must find each
 * defect, so a pass means something).
 */
class IrpLifecycleTest {

	private static String driver(String example) {
		Map<String, String> files = GeneratedC.generate(example);
		return files.entrySet().stream().filter(e -> e.getKey().endsWith("_driver.c")).findFirst().orElseThrow()
				.getValue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "irp_accept", "event_accept", "conditional_accept" })
	@Timeout(300)
	void everyIrpPathIsExactlyOnce(String example) {
		IrpLifecycleChecker checker = new IrpLifecycleChecker(driver(example));
		List<String> errors = checker.check();
		assertThat(errors).isEmpty();
		assertThat(checker.completionRoutines()).isNotEmpty();
		assertThat(checker.synchronousRoutines()).hasSize(1);
		assertThat(checker.pathsPerRoot).isNotEmpty();
	}

	// ---- the checker finds defects -------------------------------------------------------

	private static List<String> errorsAfter(String from, String to) {
		String source = driver("irp_accept");
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
}

package org.wskstudio.wskl.tests.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wskl.simulate.host.CSources;
import org.wskstudio.wskl.simulate.host.CTarget;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/**
 * Copies of generated C broken so that the driver's process dies or breaks the host protocol:
 * each ends the run with one violation (C_CRASH naming the C function and file:line, or
 * C_PROTOCOL saying what the C sent), and the simulator goes on (the same target then runs the
 * unbroken C).
 */
class BrokenCHostTest {
	private static final String EVENT = "evtacc_driver.c";
	/** In EvtAccPublic_AcceptEvent, where a connection is offered: the edits go after this line. */
	private static final String IN_ACCEPT_EVENT = "    *AcceptSocketContext = NULL;\n";

	private static final WskDriver MODEL = ModelLoading.codeModel(Examples.example("event_accept.wskl"));

	private static CSources acceptEventDoing(String code) {
		CSources generated = CTarget.generatedSources(MODEL);
		String text = generated.content(EVENT);
		assertThat(text.indexOf(IN_ACCEPT_EVENT)).isNotNegative().isEqualTo(text.lastIndexOf(IN_ACCEPT_EVENT));
		return generated.with(EVENT, text.replace(IN_ACCEPT_EVENT, IN_ACCEPT_EVENT + code + "    /* broken */\n"));
	}

	private static int line(CSources sources, String marker) {
		String text = sources.content(EVENT);
		return (int) text.substring(0, text.indexOf(marker)).chars().filter(c -> c == '\n').count() + 1;
	}

	private static Scenario events() {
		Path model = Examples.example("event_accept.wskl");
		return new ScenarioTranslator(new SimConfig()).translate(Targets.scenarios(model).get(0));
	}

	/** Runs the first scenario of event_accept on the C; then the generated C on a new target still passes. */
	private static ScenarioResult run(CSources c) {
		ScenarioResult r = new CTarget(MODEL, c).run(events(), new SimConfig());
		ScenarioResult after = new CTarget(MODEL, CTarget.generatedSources(MODEL)).run(events(), new SimConfig());
		assertThat(after.passed()).as(after.report()).isTrue();
		assertThat(after.violations()).isEmpty();
		return r;
	}

	private static Violation single(ScenarioResult r, Rule rule) {
		List<Violation> host = r.violations().stream().filter(v -> v.rule().group() == Rule.Group.HOST).toList();
		assertThat(host).as(r.report()).singleElement().extracting(Violation::rule).isEqualTo(rule);
		assertThat(r.passed()).isFalse();
		assertThat(r.failedExpectations()).as(r.report()).isNotEmpty();
		return host.get(0);
	}

	@Test
	void aDriverThatAbortsIsACrashAtItsLine() {
		CSources c = acceptEventDoing("    __builtin_abort();");
		Violation v = single(run(c), Rule.C_CRASH);
		assertThat(v.message()).startsWith("the C driver's process got SIGABRT")
				.contains("at " + EVENT + ":" + line(c, "__builtin_abort();") + " (EvtAccPublic_AcceptEvent)");
	}

	@Test
	void aCallThroughANullFunctionPointerIsACrashInTheCallingFunction() {
		CSources c = acceptEventDoing("    { VOID (*volatile Broken)(VOID) = NULL; Broken(); }");
		Violation v = single(run(c), Rule.C_CRASH);
		// no stack below a jump to address 0: the simulator names the callback it had called
		assertThat(v.message()).startsWith("the C driver's process got SIGSEGV (a NULL pointer)");
		java.util.regex.Matcher at = java.util.regex.Pattern
				.compile("\\[C, in the callback at evtacc_driver\\.c:(\\d+) \\(EvtAccPublic_AcceptEvent\\)\\]$")
				.matcher(v.message());
		assertThat(at.find()).as(v.message()).isTrue();
		assertThat(Integer.parseInt(at.group(1))).as("the function's entry")
				.isBetween(line(c, "EvtAccPublic_AcceptEvent(\n"), line(c, "Broken(); }"));
	}

	@Test
	void aStoreThroughNullIsCaughtByUndefinedBehaviorSanitizerBeforeItCrashes() {
		CSources c = acceptEventDoing("    { PULONG volatile Broken = NULL; *Broken = 1; }");
		Violation v = single(run(c), Rule.C_SANITIZER);
		assertThat(v.message()).startsWith("UndefinedBehaviorSanitizer: store to null pointer")
				.contains("at " + EVENT + ":" + line(c, "*Broken = 1;") + " (EvtAccPublic_AcceptEvent)");
	}

	@Test
	void garbageOnTheProtocolIsAProtocolViolation() {
		// the host layer's protocol descriptor: 3, the first one free when wskhost.c's main dups it
		CSources c = acceptEventDoing("    { extern long write(int, const void *, unsigned long); "
				+ "write(3, \"garbage\\n\", 8); }");
		Violation v = single(run(c), Rule.C_PROTOCOL);
		assertThat(v.message()).startsWith("unexpected line from the C host: garbage");
	}

	@Test
	void anIrpTheKernelNeverGaveIsAProtocolViolationAtThatLine() {
		CSources generated = CTarget.generatedSources(MODEL);
		String text = generated.content(EVENT);
		String find = "    IoFreeIrp(Irp);\n    if (InterlockedDecrement(&EvtAccIrpCount)";
		assertThat(text.indexOf(find)).isNotNegative().isEqualTo(text.lastIndexOf(find));
		CSources c = generated.with(EVENT, text.replace(find,
				"    IoFreeIrp((PIRP)&EvtAccIrpCount);    /* broken */\n    if (InterlockedDecrement(&EvtAccIrpCount)"));
		Violation v = single(run(c), Rule.C_PROTOCOL);
		String source = c.content(EVENT);
		int at = (int) source.substring(0, source.indexOf("IoFreeIrp((PIRP)&EvtAccIrpCount)")).chars()
				.filter(ch -> ch == '\n').count() + 1;
		assertThat(v.message()).matches("(?s)the C driver passed 0x[0-9a-f]+, which IoAllocateIrp never returned, as an IRP.*")
				.contains(EVENT + ":" + at + " (EvtAcc_FreeIrp)");
	}

	@Test
	void whatTheDriverPrintsToStandardOutputLeavesTheProtocolAlone() {
		CSources c = acceptEventDoing("    { extern int puts(const char *); puts(\"hello from the driver\"); }");
		ScenarioResult r = new CTarget(MODEL, c).run(events(), new SimConfig());
		assertThat(r.violations()).as(r.report()).isEmpty();
		assertThat(r.passed()).isTrue();
	}
}

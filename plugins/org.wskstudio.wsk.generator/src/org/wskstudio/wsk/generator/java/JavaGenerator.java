package org.wskstudio.wsk.generator.java;

import java.util.List;

import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.WskCodeGenerator;
import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.model.WskDriver;

/**
 * The Java generator (target {@code java}): the Java twin of the C driver, for the WSK runtime
 * simulator (bundle org.wskstudio.wsk.sim). One file, {@code wskstudio/generated/<prefix>/
 * <Prefix>Driver.java}, a class implementing {@code org.wskstudio.wsk.sim.SimDriver} with the
 * functions and decisions of the C generator under the same names ({@link JavaNaming}): accept
 * IRP slots with IoReuseIrp or IoFreeIrp, WskAcceptEvent with a context from non-paged pool,
 * WskInspectEvent evaluating the model's rules in order (IPv4-mapped addresses as IPv4), the
 * table of pending inspections completed by the deferred check ({@code k.SimQueryCheck}) or by the
 * entry's own KeSetTimer timeout with the rule's else-action (as the C: {@code common.PendTimeout}),
 * WskAbortEvent matching inspect IDs by content, listener recreation after a NULL AcceptSocket /
 * InspectID, and one teardown path.
 * <p>
 * Where the simulator differs from a kernel the Java says so in a comment: no work items (the
 * recreation runs as a DPC with asynchronous WSK calls), single threaded (spin locks and
 * interlocked operations become plain code).
 * Connection events follow the C: per-socket event mode enables them on the listening socket
 * (SO_WSK_EVENT_CALLBACK mask WSK_EVENT_ACCEPT | connection events), inherited by the sockets
 * WskAcceptEvent accepts; IRP mode enables them on each socket a WskAccept IRP accepted (no
 * inheritance there); static mode includes them in WSK_SET_STATIC_EVENT_CALLBACKS. Source: Microsoft's
 * "SO_WSK_EVENT_CALLBACK" page (learn.microsoft.com/windows-hardware/drivers/network/so-wsk-event-callback)
 * and "Enabling and Disabling Event Callback Functions" (…/network/enabling-and-disabling-event-callback-functions):
 * the events are enabled on an accepted socket only if WskAcceptEvent accepted it, not WskAccept.
 * <p>
 * The driver tags its listeners' socket contexts with the listener names
 * ({@code k.SimTag}) and enters model elements ({@code k.SimEnter("rule 2 of listener Public")}),
 * so that the simulator's violations and traces name the model. Deterministic: the output
 * depends only on the model.
 */
public final class JavaGenerator implements WskCodeGenerator {

	public static final String TARGET = "java";

	/** Inspect rules built per method: keeps every method far below the JVM's 64 KiB of bytecode. */
	static final int RULES_PER_METHOD = 100;

	@Override
	public String target() {
		return TARGET;
	}

	@Override
	public List<GeneratedFile> generate(WskDriver driver) {
		JavaNaming naming = new JavaNaming(driver);
		new JavaModelCheck(naming).check(driver);
		DriverFacts facts = new DriverFacts(driver);
		return List.of(new GeneratedFile(naming.sourceFile(), new DriverSourceFile(facts, naming).generate()));
	}

	/** The fully qualified name of the driver class generated for a model. */
	public static String driverClassName(WskDriver driver) {
		return new JavaNaming(driver).qualifiedClassName();
	}
}

package org.wskstudio.wsk.generator.java;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.model.WskListener;

/**
 * The whole driver class, section by section in the C source's order: constants and types,
 * driver state and IRP helpers, the connection block, the IRP accept runtime, rule evaluation
 * and pending inspections, the listener runtime, one block per listener, DriverEntry / unload.
 */
final class DriverSourceFile {

	private final DriverFacts facts;
	private final JavaNaming n;

	DriverSourceFile(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	String generate() {
		JavaWriter w = new JavaWriter();
		new DeclarationsSection(facts, n).emitHead(w);
		w.indent();
		new DeclarationsSection(facts, n).emitTypes(w);
		new DriverStateSection(facts, n).emit(w);
		new ConnectionSection(facts, n).emit(w);
		if (facts.irp) {
			new IrpAcceptSection(facts, n).emit(w);
		}
		if (facts.conditional) {
			new InspectSection(facts, n).emit(w);
		}
		new ListenerRuntimeSection(facts, n).emit(w);
		ListenerBlocks blocks = new ListenerBlocks(facts, n);
		for (WskListener l : facts.listeners) {
			blocks.emit(w, l);
		}
		new CountersSection(facts, n).emit(w);
		new RegistrationSection(facts, n).emit(w);
		w.dedent();
		w.line("}");
		return w.toString();
	}
}

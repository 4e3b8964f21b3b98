package org.wskstudio.wsk.generator.java;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.DriverSection;
import org.wskstudio.wsk.model.WskListener;

/**
 * The whole driver class: the file head, then section by section in the order of
 * {@link DriverSection}, the order of the C source ({@code c.DriverSourceFile}); each section
 * class is named like its C twin.
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
		for (DriverSection section : DriverSection.of(facts)) {
			switch (section) {
				case DECLARATIONS -> new DeclarationsSection(facts, n).emitTypes(w);
				case DRIVER_STATE -> new DriverStateSection(facts, n).emit(w);
				case CONNECTION -> new ConnectionSection(facts, n).emit(w);
				case IRP_ACCEPT -> new IrpAcceptSection(facts, n).emit(w);
				case INSPECT -> new InspectSection(facts, n).emit(w);
				case PENDING -> new PendingSection(facts, n).emit(w);
				case LISTENER_RUNTIME -> new ListenerRuntimeSection(facts, n).emit(w);
				case LISTENER_LIFECYCLE -> new ListenerLifecycleSection(facts, n).emit(w);
				case LISTENER_BLOCKS -> {
					ListenerBlocks blocks = new ListenerBlocks(facts, n);
					for (WskListener l : facts.listeners) {
						blocks.emit(w, l);
					}
				}
				case COUNTERS -> new CountersSection(facts, n).emit(w);
				case REGISTRATION -> new RegistrationSection(facts, n).emit(w);
			}
		}
		w.dedent();
		w.line("}");
		return w.toString();
	}
}

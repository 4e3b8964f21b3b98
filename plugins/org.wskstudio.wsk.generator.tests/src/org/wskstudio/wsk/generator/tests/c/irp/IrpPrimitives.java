package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Status;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Token;

/**
 * What each IRP primitive does to a state, and the violations it can find there: allocation
 * (MAYBE until checked against NULL), {@code IoReuseIrp} then {@code IoSetCompletionRoutine}
 * (arms), a {@code ->Wsk*} provider call (submits: WSK, then the completion routine, owns it;
 * a synchronous routine gives it back at the matching {@code KeWaitForSingleObject}), the
 * freer (frees), {@code IoCancelIrp}, and {@code ExFreePoolWithTag} (the object's fields die).
 * Paths are canonical access paths ({@link AccessPaths}).
 */
final class IrpPrimitives {

	private final IrpErrors errors;
	private final Set<String> syncRoutines;

	IrpPrimitives(IrpErrors errors, Set<String> syncRoutines) {
		this.errors = errors;
		this.syncRoutines = syncRoutines;
	}

	/** {@code path = allocator()}: a new owned MAYBE IRP, which must not overwrite one. */
	void allocate(String path, State s) {
		if (path == null) {
			errors.path("allocated IRP is not stored");
			return;
		}
		String r = s.bindings().get(path);
		Token old = IrpState.token(r, s);
		if (old != null && old.status() != Status.FREED && old.status() != Status.SUBMITTED) {
			errors.path("allocation into " + path + " may overwrite an IRP (" + old.status() + "): check it is NULL first");
		}
		int cut = Math.max(path.lastIndexOf("->"), path.lastIndexOf('.'));
		if (r == null && cut > 0 && !s.bindings().containsKey(path.substring(0, cut) + "#fresh")) {
			errors.path("allocation into " + path + " without knowing it holds no IRP: check it is NULL first");
		}
		int t = IrpState.newToken(s, true, Status.MAYBE);
		s.bindings().put(path, "t" + t);
	}

	/**
	 * Assigning over {@code path}: if it is the only holder of a live IRP of this root, the IRP
	 * is lost (leak); if it is the last field holding an IRP that locals of this root still
	 * hold, the IRP has been taken out of its owner and this root must now dispose of it.
	 */
	void overwrite(String path, State s) {
		Token t = IrpState.token(s.bindings().get(path), s);
		if (t == null) {
			return;
		}
		List<String> others = new ArrayList<>(IrpState.holders(s, t.id()));
		others.remove(path);
		if (t.mustDispose() && others.isEmpty()) {
			errors.path("assignment to " + path + " loses a live IRP (leak)");
		} else if (!t.owned() && IrpState.isField(path) && !others.isEmpty()
				&& others.stream().noneMatch(IrpState::isField)) {
			s.tokens().put(t.id(), t.owning());
		}
	}

	void free(String path, State s) {
		Token t = IrpState.token(IrpState.ref(path, s), s);
		if (t == null) {
			errors.path("frees a NULL IRP (" + path + ")");
			return;
		}
		switch (t.status()) {
		case FREED -> errors.path("frees an IRP twice (" + path + ")");
		case SUBMITTED, SUBMITTED_SYNC -> errors.path("frees an IRP that WSK still owns (" + path + ")");
		case MAYBE -> errors.path("frees an IRP not checked against NULL (" + path + ")");
		case ARMED -> errors.path("frees an IRP armed for a WSK call (" + path + ")");
		default -> s.tokens().put(t.id(), t.with(Status.FREED));
		}
	}

	void reuse(String path, State s) {
		Token t = IrpState.token(IrpState.ref(path, s), s);
		if (t == null) {
			errors.path("IoReuseIrp of a NULL IRP");
		} else if (t.status() == Status.FREED || t.status() == Status.SUBMITTED || t.status() == Status.SUBMITTED_SYNC
				|| t.status() == Status.MAYBE) {
			errors.path("IoReuseIrp of an IRP that is " + t.status());
		} else {
			s.tokens().put(t.id(), new Token(t.id(), t.owned(), Status.LIVE, true, null, null));
		}
	}

	void setCompletionRoutine(String path, String routine, String event, State s) {
		Token t = IrpState.token(IrpState.ref(path, s), s);
		if (t == null || !t.reused() || t.status() != Status.LIVE) {
			errors.path("IoSetCompletionRoutine without IoReuseIrp on a live IRP just before");
		} else {
			s.tokens().put(t.id(), new Token(t.id(), t.owned(), Status.ARMED, true, routine, event));
		}
	}

	/** {@code IoCancelIrp}: the IRP must exist (not NULL, possibly NULL, nor freed). */
	void cancel(String path, State s) {
		Token t = IrpState.token(IrpState.ref(path, s), s);
		if (t == null || t.status() == Status.FREED || t.status() == Status.MAYBE) {
			errors.path("IoCancelIrp of an IRP that is NULL, possibly NULL or freed");
		}
	}

	/** {@code KeWaitForSingleObject(event)}: IRPs submitted with a synchronous routine signalling it come back. */
	void waitFor(String event, State s) {
		for (Token t : List.copyOf(s.tokens().values())) {
			if (t.status() == Status.SUBMITTED_SYNC && event.equals(t.event())) {
				s.tokens().put(t.id(), new Token(t.id(), t.owned(), Status.LIVE, false, null, null));
			}
		}
	}

	/** {@code ExFreePoolWithTag(path)}: what the object's fields held is no longer reachable through it. */
	void freePool(String path, State s) {
		if (path != null) {
			s.bindings().keySet().removeIf(k -> k.startsWith(path + "->") || k.startsWith(path + "."));
		}
	}

	/** The IRP argument of a provider call (its last argument). */
	void submit(String path, State s, String call) {
		Token t = IrpState.token(path == null ? null : IrpState.ref(path, s), s);
		if (t == null) {
			errors.path(call + " gets a NULL IRP");
			return;
		}
		if (t.status() != Status.ARMED) {
			errors.path(call + " gets an IRP that is " + t.status() + " (needs IoReuseIrp + IoSetCompletionRoutine)");
			return;
		}
		boolean sync = syncRoutines.contains(t.routine());
		s.tokens().put(t.id(), new Token(t.id(), t.owned(), sync ? Status.SUBMITTED_SYNC : Status.SUBMITTED, false,
				t.routine(), t.event()));
	}
}

package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wskstudio.wsk.generator.tests.c.irp.CSource.Function;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Param;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Status;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Token;
import org.wskstudio.wsk.generator.tests.c.irp.PathExecutor.Flow;

/**
 * The exactly-once IRP check of generated C: a path-sensitive symbolic execution of every
 * function over an abstract heap of IRPs.
 *
 * <p><b>Structure rules</b> (whole file, {@link IrpStructureRules}): one allocator, one
 * freer, IoSetCompletionRoutine(TRUE, TRUE, TRUE), completion routines return
 * STATUS_MORE_PROCESSING_REQUIRED, every IRP field is freed somewhere.
 *
 * <p><b>Path rules</b> (every function as a root, {@link PathExecutor}: callees inlined,
 * loops run 0 or 1 times, conditions refine or fork, {@link Conditions}): each IRP is a token
 * with a status, changed by the IRP primitives ({@link IrpPrimitives}). Errors: freeing or
 * submitting an IRP twice, or after the other; using a possibly NULL IRP; a provider call
 * with an IRP not re-armed; allocating over a live IRP; an IRP allocated, or taken out of a
 * field ({@code Irp = Slot->Irp; Slot->Irp = NULL;}), that at the end of a path is neither
 * consumed nor stored in a field (leak); a field still pointing to a freed
 * IRP (dangling); a synchronous submit not waited for.
 *
 * <p><b>Completion routines</b> are also roots where the routine owns its IRP (aliased to
 * {@code Context->Field} when it was registered as {@code IoSetCompletionRoutine(X->Field,
 * Routine, X, ...)}): on every path the IRP is freed or re-armed exactly once, or kept in
 * its owner's field for reuse; a synchronous routine (signals its context event, never
 * touches the IRP) leaves it untouched for the waiting owner.
 *
 * <p>Paths are not enumerated one by one: at each program point the states are merged when
 * their abstract IRP states are equal ({@link StateMerger}), which keeps the check to seconds
 * on every example while reporting everything path enumeration would.
 *
 * <p>A call the check does not follow (through a pointer, or a function not inlined) forgets
 * the known values it may change ({@link OpaqueCalls}).
 */
public final class IrpLifecycleChecker {

	/** Inlining depth: deeper calls are opaque (they are checked as roots of their own). */
	public static final int MAX_DEPTH = 2;

	private final Map<String, Function> functions;
	private final IrpErrors errors = new IrpErrors();
	private final IrpStructureRules rules;

	/** Inlining depth used per root (lower when the full depth gave too many states). */
	public final Map<String, Integer> depthPerRoot = new LinkedHashMap<>();

	/** Distinct abstract states at the end of each root, after merging, for the report. */
	public final Map<String, Integer> endStatesPerRoot = new LinkedHashMap<>();

	public IrpLifecycleChecker(String source) {
		this.functions = CSource.functions(source);
		this.rules = new IrpStructureRules(functions, errors);
	}

	/** All violations found, one line each; empty when every IRP path is exactly-once. */
	public List<String> check() {
		rules.check();
		for (Function f : functions.values()) {
			if (f.name().equals(rules.allocator) || f.name().equals(rules.freer)) {
				continue;
			}
			errors.root(f.name());
			int depth = MAX_DEPTH;
			Set<String> before = errors.mark();
			while (!runRoot(f, depth)) {
				errors.reset(before); // retry with shallower inlining (deeper callees are roots too)
				if (--depth < 0) {
					errors.path("too many paths even without inlining");
					break;
				}
			}
			depthPerRoot.put(f.name(), depth);
		}
		return errors.all();
	}

	public Set<String> completionRoutines() {
		return rules.routines;
	}

	public Set<String> synchronousRoutines() {
		return rules.syncRoutines;
	}

	String allocator() {
		return rules.allocator;
	}

	String freer() {
		return rules.freer;
	}

	// ---- roots -------------------------------------------------------------------------

	/** Checks one root at one inlining depth; false when it had too many states to finish. */
	private boolean runRoot(Function f, int maxDepth) {
		State start = IrpState.empty();
		if (rules.routines.contains(f.name())) {
			Param irp = f.params().get(1);
			Param context = f.params().get(2);
			String own = "t" + IrpState.newToken(start, true, Status.LIVE);
			start.bindings().put(IrpState.ROUTINE_IRP, own);
			start.bindings().put(irp.name(), own);
			for (String field : rules.registrations.getOrDefault(f.name(), List.of())) {
				start.bindings().put(context.name() + "->" + field, own);
			}
		} else {
			for (Param p : f.params()) {
				if (p.irp()) {
					start.bindings().put(p.name(), "t" + IrpState.newToken(start, false, Status.UNKNOWN));
				}
			}
		}
		PathExecutor executor = new PathExecutor(functions, rules, errors, maxDepth);
		Flow flow = executor.exec(f.body(), List.of(start), Frame.root(f));
		if (executor.overflowed()) {
			return false;
		}
		List<State> ends = new ArrayList<>(flow.normal);
		ends.addAll(flow.returns);
		ends = StateMerger.merge(ends);
		endStatesPerRoot.put(f.name(), ends.size());
		for (State s : ends) {
			finish(s, f.name());
		}
		return true;
	}

	/** The end of a path: every IRP is consumed, kept in a field, or (a routine's own) handled. */
	private void finish(State s, String root) {
		String own = s.bindings().get(IrpState.ROUTINE_IRP);
		for (Token t : s.tokens().values()) {
			List<String> holders = IrpState.holders(s, t.id());
			boolean inField = holders.stream().anyMatch(IrpState::isField);
			if (t.status() == Status.FREED) {
				for (String h : holders) {
					if (IrpState.isField(h)) {
						errors.path("field " + h + " still points to a freed IRP");
					}
				}
			}
			if (("t" + t.id()).equals(own)) {
				finishOwn(t, inField, rules.syncRoutines.contains(root));
				continue;
			}
			switch (t.status()) {
			case SUBMITTED_SYNC -> errors.path("IRP handed to WSK with a synchronous completion routine is not waited for");
			case MAYBE, LIVE, ARMED, UNKNOWN -> {
				if (t.mustDispose() && !inField) {
					errors.path("IRP allocated or taken out of a field is neither freed, handed to WSK nor stored in a"
							+ " field (leak), held by " + holders);
				}
			}
			default -> {
			}
			}
		}
	}

	private void finishOwn(Token t, boolean inField, boolean synchronous) {
		if (synchronous) {
			if (t.status() != Status.LIVE) {
				errors.path("synchronous completion routine must leave the IRP to its waiting owner");
			}
		} else if (t.status() != Status.FREED && t.status() != Status.SUBMITTED && !inField) {
			errors.path("completion routine neither frees, re-arms nor keeps its IRP in its owner (status "
					+ t.status() + ")");
		}
	}
}

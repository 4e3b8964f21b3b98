package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.wskstudio.wsk.generator.tests.c.irp.CSource.Function;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Param;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Token;
import org.wskstudio.wsk.generator.tests.c.irp.PathExecutor.Flow;

/**
 * Calls of generated functions in the IRP check: which are followed (up to {@code maxDepth}
 * frames, no recursion, not the completion routines nor the allocator; a helper that handles
 * IRPs itself always), binding the arguments to the callee's frame, running its body with the
 * {@link PathExecutor}, and leaving the frame: its locals die, and an IRP held only by one of
 * them is reported as a leak.
 */
final class CallInliner {

	private final PathExecutor executor;
	private final IrpStructureRules rules;
	private final IrpErrors errors;
	private final int maxDepth;

	CallInliner(PathExecutor executor, IrpStructureRules rules, IrpErrors errors, int maxDepth) {
		this.executor = executor;
		this.rules = rules;
		this.errors = errors;
		this.maxDepth = maxDepth;
	}

	/** Whether a call of this generated function is followed into its body. */
	boolean inlined(Function callee, Frame frame) {
		String name = callee.name();
		if (rules.routines.contains(name) || name.equals(rules.allocator) || frame.inlines(name)) {
			return false;
		}
		return (frame.depth() < maxDepth || template(callee)) && frame.depth() <= 16;
	}

	/** A helper that itself handles IRPs (re-arm, submit, wait, free, allocate): always inlined. */
	private boolean template(Function f) {
		List<String> t = f.bodyTokens();
		for (int i = 0; i + 1 < t.size(); i++) {
			String x = t.get(i);
			if (x.equals("IoReuseIrp") || x.equals("IoSetCompletionRoutine") || x.equals("KeWaitForSingleObject")
					|| x.equals(rules.freer) || x.equals(rules.allocator) || x.equals("->") && t.get(i + 1).startsWith("Wsk")) {
				return true;
			}
		}
		return false;
	}

	/** The states after the call: the callee's body run in a new frame, which is then left. */
	List<State> inline(Function callee, List<List<String>> args, State in, Frame caller) {
		Frame frame = caller.callee(callee);
		String prefix = frame.prefix();
		State s = in.copy();
		for (int k = 0; k < callee.params().size() && k < args.size(); k++) {
			Param p = callee.params().get(k);
			String value = AccessPaths.path(args.get(k), s);
			List<String> stripped = AccessPaths.stripCasts(args.get(k));
			if (p.irp()) {
				String r = value == null ? null : IrpState.ref(value, s);
				if (r != null) {
					s.bindings().put(prefix + p.name(), r);
				}
			} else if (value != null) {
				s.aliases().put(prefix + p.name(),
						!stripped.isEmpty() && stripped.get(0).equals("&") ? "&" + value.replace("&", "") : value);
			}
		}
		Flow flow = executor.exec(callee.body(), List.of(s), frame);
		List<State> out = new ArrayList<>();
		for (State x : flow.normal) {
			out.add(leave(x, frame, null));
		}
		for (State x : flow.returns) {
			out.add(leave(x, frame, x.returned()));
		}
		return StateMerger.merge(out);
	}

	/** Leaves an inlined frame: its locals die (checked for leaks), a returned object keeps its fields. */
	private State leave(State s, Frame frame, String returned) {
		String prefix = frame.prefix();
		State t = s.returning(returned);
		String keep = returned != null && returned.startsWith(prefix) ? returned : null;
		Map<String, String> dying = new TreeMap<>();
		for (Map.Entry<String, String> e : t.bindings().entrySet()) {
			String k = e.getKey();
			boolean local = k.startsWith(prefix)
					&& (keep == null || !(k.equals(keep) || k.startsWith(keep + "->") || k.startsWith(keep + ".")));
			if (local) {
				dying.put(k, e.getValue());
			}
		}
		for (Map.Entry<String, String> e : dying.entrySet()) {
			Token tok = IrpState.token(e.getValue(), t);
			t.bindings().remove(e.getKey());
			if (tok != null && tok.mustDispose() && !Objects.equals(returnedToken(returned), e.getValue())
					&& IrpState.holders(t, tok.id()).isEmpty()) {
				errors.path("IRP allocated or taken out of a field, held only by " + e.getKey().substring(prefix.length())
						+ ", is lost when the function returns (leak)");
			}
		}
		t.aliases().keySet().removeIf(k -> k.startsWith(prefix));
		Set<String> used = new HashSet<>(t.bindings().values());
		if (returned != null) {
			used.add(returned);
		}
		t.tokens().values().removeIf(k -> !k.owned() && !used.contains("t" + k.id()));
		return frame.retire(t);
	}

	private static String returnedToken(String returned) {
		return IrpState.isTokenRef(returned) ? returned : null;
	}
}

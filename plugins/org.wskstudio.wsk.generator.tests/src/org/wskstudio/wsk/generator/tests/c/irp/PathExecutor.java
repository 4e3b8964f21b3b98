package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.wskstudio.wsk.generator.tests.c.irp.CSource.Block;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Expr;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Function;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.If;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Jump;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Label;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Loop;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Param;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Return;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Stmt;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Switch;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Token;

/**
 * The symbolic execution of one root of the IRP check: statements over a set of states (one
 * per distinct abstract state, merged at every statement boundary by {@link StateMerger}),
 * expressions as calls (innermost first) then an assignment, IRP primitives through
 * {@link IrpPrimitives}, and calls of generated functions inlined (up to {@code maxDepth}
 * frames; helpers that handle IRPs themselves always). Loops run 0 or 1 times. A call not
 * followed forgets the known values it may write ({@link OpaqueCalls}).
 */
final class PathExecutor {

	/** Outcome of executing a statement: states that go on, break, continue or return. */
	static final class Flow {
		final List<State> normal = new ArrayList<>();
		final List<State> breaks = new ArrayList<>();
		final List<State> continues = new ArrayList<>();
		final List<State> returns = new ArrayList<>();

		void add(Flow from) {
			normal.addAll(from.normal);
			breaks.addAll(from.breaks);
			continues.addAll(from.continues);
			returns.addAll(from.returns);
		}
	}

	/** More states than this at one statement: give up on this inlining depth. */
	private static final int MAX_STATES = 4000;

	private final Map<String, Function> functions;
	private final IrpStructureRules rules;
	private final IrpPrimitives primitives;
	private final IrpErrors errors;
	private final int maxDepth;
	private final WriteSets writeSets;
	private boolean overflow;

	PathExecutor(Map<String, Function> functions, IrpStructureRules rules, IrpErrors errors, int maxDepth) {
		this.functions = functions;
		this.rules = rules;
		this.primitives = new IrpPrimitives(errors, rules.syncRoutines);
		this.errors = errors;
		this.maxDepth = maxDepth;
		this.writeSets = new WriteSets(functions);
	}

	/** Whether some statement had more than {@link #MAX_STATES} states (the result is then incomplete). */
	boolean overflowed() {
		return overflow;
	}

	// ---- statements --------------------------------------------------------------------

	Flow exec(Stmt stmt, List<State> in, Frame frame) {
		Flow out = new Flow();
		if (in.isEmpty()) {
			return out;
		}
		if (in.size() > MAX_STATES || overflow) {
			overflow = true;
			return out;
		}
		if (stmt instanceof Block b) {
			List<State> current = in;
			for (Stmt s : b.statements()) {
				if (s instanceof Label) {
					continue;
				}
				Flow f = exec(s, current, frame);
				out.breaks.addAll(f.breaks);
				out.continues.addAll(f.continues);
				out.returns.addAll(f.returns);
				current = StateMerger.merge(f.normal);
			}
			out.normal.addAll(current);
		} else if (stmt instanceof Expr e) {
			List<String> tokens = frame.rename(e.tokens());
			for (State s : in) {
				for (State x : expression(tokens, s, frame)) {
					out.normal.add(x.returning(null));
				}
			}
		} else if (stmt instanceof Return r) {
			execReturn(frame.rename(r.expression()), in, frame, out);
		} else if (stmt instanceof Jump j) {
			(j.isBreak() ? out.breaks : out.continues).addAll(in);
		} else if (stmt instanceof If i) {
			List<String> c = frame.rename(i.condition());
			List<State> cond = evaluate(c, in, frame);
			List<State> yes = Conditions.assumeAll(c, true, cond);
			List<State> no = Conditions.assumeAll(c, false, cond);
			out.add(exec(i.then(), yes, frame));
			if (i.otherwise() != null) {
				out.add(exec(i.otherwise(), no, frame));
			} else {
				out.normal.addAll(no);
			}
		} else if (stmt instanceof Loop l) {
			execLoop(l, in, frame, out);
		} else if (stmt instanceof Switch w) {
			List<State> start = evaluate(frame.rename(w.expression()), in, frame);
			List<Stmt> body = w.body().statements();
			boolean hasDefault = false;
			for (int k = 0; k < body.size(); k++) {
				if (body.get(k) instanceof Label label) {
					hasDefault |= label.value().isEmpty();
					Flow f = exec(new Block(body.subList(k + 1, body.size())), start, frame);
					out.returns.addAll(f.returns);
					out.normal.addAll(f.breaks);
					out.normal.addAll(f.normal);
					out.continues.addAll(f.continues);
				}
			}
			if (!hasDefault) {
				out.normal.addAll(start);
			}
		}
		return out;
	}

	private void execReturn(List<String> e, List<State> in, Frame frame, Flow out) {
		for (State s : in) {
			for (State after : expression(e, s, frame)) {
				State done = after.copy();
				String p = AccessPaths.path(e, done);
				String value;
				if (e.size() == 1 && AccessPaths.isConstant(e.get(0))) {
					value = e.get(0).equals("NULL") ? IrpState.NULL : "=" + e.get(0);
				} else if (p != null && frame.isIrpVariable(p)) {
					value = done.bindings().get(p);
				} else {
					value = p;
				}
				out.returns.add(done.returning(value));
			}
		}
	}

	/** One iteration, then leave (or none when the condition is false at once). */
	private void execLoop(Loop l, List<State> in, Frame frame, Flow out) {
		List<State> start = in;
		if (!l.init().isEmpty()) {
			start = statements(frame.rename(l.init()), in, frame);
		}
		List<String> c = frame.rename(l.condition());
		List<State> enter;
		List<State> skip;
		if (l.doWhile() || c.isEmpty()) {
			enter = start;
			skip = List.of();
		} else {
			List<State> cond = evaluate(c, start, frame);
			enter = Conditions.assumeAll(c, true, cond);
			skip = Conditions.assumeAll(c, false, cond);
		}
		Flow body = exec(l.body(), enter, frame);
		out.returns.addAll(body.returns);
		out.normal.addAll(skip);
		out.normal.addAll(body.breaks);
		List<State> after = new ArrayList<>(body.normal);
		after.addAll(body.continues);
		if (!l.step().isEmpty()) {
			after = statements(frame.rename(l.step()), after, frame);
		}
		if (!c.isEmpty()) {
			after = Conditions.assumeAll(c, false, evaluate(c, after, frame));
		}
		out.normal.addAll(after);
	}

	private List<State> statements(List<String> tokens, List<State> in, Frame frame) {
		List<State> out = new ArrayList<>();
		for (State s : in) {
			out.addAll(expression(tokens, s, frame));
		}
		return StateMerger.merge(out);
	}

	/** Runs the calls inside a condition (inlining generated functions) before branching on it. */
	private List<State> evaluate(List<String> tokens, List<State> in, Frame frame) {
		List<State> out = new ArrayList<>();
		for (State s : in) {
			out.addAll(calls(tokens, s.copy(), frame));
		}
		return StateMerger.merge(out);
	}

	// ---- expressions -------------------------------------------------------------------

	/** An expression statement: calls (left to right, inner first), then an assignment if any. */
	private List<State> expression(List<String> tokens, State in, Frame frame) {
		int assign = AccessPaths.topLevel(tokens, "=");
		if (assign < 0) {
			List<String> st = AccessPaths.stripCasts(tokens);
			if (st.size() > 2 && st.get(0).equals("InterlockedExchange") && st.get(1).equals("(")) {
				return List.of(exchange(st, in.copy(), frame));
			}
			return calls(tokens, in.copy(), frame);
		}
		List<String> lhs = tokens.subList(0, assign);
		List<String> rhs = tokens.subList(assign + 1, tokens.size());
		String declared = lhs.size() >= 2 && CSource.isIdentifier(lhs.get(0))
				&& (CSource.isIdentifier(lhs.get(1)) || lhs.get(1).equals("*")) && !lhs.contains("->")
						? AccessPaths.lastIdentifier(lhs)
						: null;
		List<String> stripped = AccessPaths.stripCasts(rhs);
		if (stripped.size() >= 3 && stripped.get(0).equals(rules.allocator) && stripped.get(1).equals("(")) {
			State s = in.copy();
			primitives.allocate(declared != null ? declared : AccessPaths.path(lhs, s), s);
			return List.of(s);
		}
		List<State> out = new ArrayList<>();
		for (State s : calls(rhs, in.copy(), frame)) {
			String p = declared != null ? declared : AccessPaths.path(lhs, s);
			out.add(p == null ? s : assign(p, rhs, stripped, s, frame));
		}
		return out;
	}

	/** {@code InterlockedExchange(&X, V);} as a statement: X becomes V when V is a constant. */
	private static State exchange(List<String> st, State s, Frame frame) {
		List<List<String>> args = CSource.splitTopLevel(st.subList(2, st.size() - 1), ",");
		String p = AccessPaths.path(args.get(0), s);
		List<String> v = args.get(1);
		if (p != null && p.startsWith("&")) {
			if (v.size() == 1 && (AccessPaths.isConstant(v.get(0)) || frame.isEnumerator(v.get(0)))) {
				s.bindings().put(p.substring(1), "=" + v.get(0));
			} else {
				s.bindings().remove(p.substring(1));
			}
		}
		return s;
	}

	/** {@code p = rhs} once the calls of rhs have run. */
	private State assign(String p, List<String> rhs, List<String> stripped, State s, Frame frame) {
		String value = AccessPaths.path(rhs, s);
		if (stripped.size() == 1 && !stripped.get(0).equals("NULL")
				&& (AccessPaths.isConstant(stripped.get(0)) || frame.isEnumerator(stripped.get(0)))) {
			s.bindings().put(p, "=" + stripped.get(0));
			s.aliases().remove(p);
		} else if (s.returned() != null && AccessPaths.isCall(stripped)) {
			// X = generated_function(...): take over what it returned
			String ret = s.returned();
			s = s.returning(null);
			if (IrpState.isTokenRef(ret) || ret.equals(IrpState.NULL) || ret.startsWith("=")) {
				s.bindings().put(p, ret);
			} else {
				AccessPaths.rebase(s, ret, p);
			}
		} else if (value != null && value.equals("NULL")) {
			primitives.overwrite(p, s);
			s.bindings().put(p, IrpState.NULL);
			s.aliases().remove(p);
		} else if (value != null && frame.isIrpVariable(p)) {
			s.bindings().put(p, IrpState.ref(value, s));
		} else if (value != null && !IrpState.isField(p) && !p.contains("[")) {
			// object pointer local: an alias of the assigned path
			String source = !stripped.isEmpty() && stripped.get(0).equals("&") ? "&" + value.replace("&", "") : value;
			s.aliases().put(p, source);
			s.bindings().remove(p);
		} else if (value != null && s.bindings().containsKey(value)) {
			primitives.overwrite(p, s);
			s.bindings().put(p, s.bindings().get(value));
		} else {
			if (!p.contains("$") || IrpState.isField(p)) {
				primitives.overwrite(p, s);
			}
			s.bindings().remove(p);
			s.aliases().remove(p);
			if (!stripped.isEmpty() && stripped.get(0).equals("ExAllocatePoolWithTag")) {
				s.bindings().put(p + "#fresh", "fresh"); // a new object: its fields hold nothing yet
			}
		}
		return s;
	}

	/** Every call of an expression, innermost first, left to right. */
	private List<State> calls(List<String> tokens, State in, Frame frame) {
		List<State> states = List.of(in);
		for (int i = 0; i < tokens.size(); i++) {
			if (i + 1 < tokens.size() && tokens.get(i + 1).equals("(") && CSource.isIdentifier(tokens.get(i))) {
				int close = CSource.matching(tokens, i + 1, "(", ")");
				List<String> inner = tokens.subList(i + 2, close);
				List<State> next = new ArrayList<>();
				for (State s : states) {
					for (State a : calls(inner, s, frame)) {
						next.addAll(call(tokens, i, close, a, frame));
					}
				}
				states = StateMerger.merge(next);
				i = close;
			}
		}
		return states;
	}

	/** One call {@code tokens[at](...)} whose arguments have been evaluated. */
	private List<State> call(List<String> tokens, int at, int close, State in, Frame frame) {
		String name = tokens.get(at);
		List<List<String>> args = close == at + 2 ? List.of() : CSource.splitTopLevel(tokens.subList(at + 2, close), ",");
		boolean member = at >= 1 && (tokens.get(at - 1).equals("->") || tokens.get(at - 1).equals("."));
		State s = in.copy().returning(null);
		if (name.equals(rules.freer)) {
			primitives.free(AccessPaths.path(args.get(0), s), s);
			return List.of(s);
		}
		switch (name) {
		case "IoReuseIrp" -> primitives.reuse(AccessPaths.path(args.get(0), s), s);
		case "IoSetCompletionRoutine" -> primitives.setCompletionRoutine(AccessPaths.path(args.get(0), s),
				String.join("", args.get(1)), AccessPaths.canonical(String.join("", args.get(2)), s), s);
		case "IoCancelIrp" -> primitives.cancel(AccessPaths.path(args.get(0), s), s);
		case "KeWaitForSingleObject" -> primitives.waitFor(AccessPaths.canonical(String.join("", args.get(0)), s), s);
		case "ExFreePoolWithTag" -> primitives.freePool(AccessPaths.path(args.get(0), s), s);
		default -> {
			if (member && tokens.get(at - 1).equals("->") && name.startsWith("Wsk")) {
				List<String> last = args.isEmpty() ? List.of("NULL") : args.get(args.size() - 1);
				if (!last.equals(List.of("NULL"))) {
					String irp = AccessPaths.path(last, s);
					primitives.submit(irp, s, name);
					// the provider may run the completion routine before it returns
					Token t = irp == null ? null : IrpState.token(s.bindings().get(irp), s);
					String routine = t == null ? null : t.routine();
					OpaqueCalls.forget(s, args, frame, routine == null ? WriteSets.ALL : writeSets.of(routine));
				}
				return List.of(s);
			}
			Function callee = functions.get(name);
			if (callee == null || member || !inlined(callee, frame)) {
				if (OpaqueCalls.mayRunDriverCode(name, member, frame, writeSets)) {
					OpaqueCalls.forget(s, args, frame, OpaqueCalls.writes(name, member, frame, writeSets));
				}
				return List.of(s); // opaque
			}
			return inline(callee, args, s, frame);
		}
		}
		return List.of(s);
	}

	private boolean inlined(Function callee, Frame frame) {
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

	private List<State> inline(Function callee, List<List<String>> args, State in, Frame caller) {
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
		Flow flow = exec(callee.body(), List.of(s), frame);
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

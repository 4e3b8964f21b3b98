package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.generator.tests.c.irp.CSource.Block;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Expr;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Function;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.If;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Jump;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Label;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Loop;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Return;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Stmt;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Switch;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;

/**
 * The symbolic execution of one root of the IRP check: statements over a set of states (one
 * per distinct abstract state, merged at every statement boundary by {@link StateMerger}),
 * expressions as calls (innermost first) then an assignment ({@link ExpressionExecutor}: IRP
 * primitives through {@link IrpPrimitives}), and calls of generated functions inlined
 * ({@link CallInliner}: up to {@code maxDepth} frames; helpers that handle IRPs themselves
 * always). Loops run 0 or 1 times. A call not followed forgets the known values it may write
 * ({@link OpaqueCalls}).
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

	private final ExpressionExecutor expressions;
	private boolean overflow;

	PathExecutor(Map<String, Function> functions, IrpStructureRules rules, IrpErrors errors, int maxDepth) {
		IrpPrimitives primitives = new IrpPrimitives(errors, rules.syncRoutines);
		WriteSets writeSets = new WriteSets(functions);
		CallInliner inliner = new CallInliner(this, rules, errors, maxDepth);
		this.expressions = new ExpressionExecutor(functions, rules, primitives, writeSets, inliner);
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
				for (State x : expressions.expression(tokens, s, frame)) {
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
			for (State after : expressions.expression(e, s, frame)) {
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
			out.addAll(expressions.expression(tokens, s, frame));
		}
		return StateMerger.merge(out);
	}

	/** Runs the calls inside a condition (inlining generated functions) before branching on it. */
	private List<State> evaluate(List<String> tokens, List<State> in, Frame frame) {
		List<State> out = new ArrayList<>();
		for (State s : in) {
			out.addAll(expressions.calls(tokens, s.copy(), frame));
		}
		return StateMerger.merge(out);
	}
}

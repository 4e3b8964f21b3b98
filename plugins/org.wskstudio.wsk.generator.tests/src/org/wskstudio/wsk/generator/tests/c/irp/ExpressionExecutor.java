package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.generator.tests.c.irp.CSource.Function;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Token;

/**
 * The expressions of the IRP check's {@link PathExecutor}: an expression statement is its calls
 * (innermost first, left to right) then its assignment, if any. The IRP primitives (allocate,
 * free, reuse, completion routine, cancel, wait, submit to WSK) go to {@link IrpPrimitives}; a
 * generated function is inlined by {@link CallInliner} when it may be; any other call is opaque
 * and forgets what it may write ({@link OpaqueCalls}).
 */
final class ExpressionExecutor {

	private final Map<String, Function> functions;
	private final IrpStructureRules rules;
	private final IrpPrimitives primitives;
	private final WriteSets writeSets;
	private final CallInliner inliner;

	ExpressionExecutor(Map<String, Function> functions, IrpStructureRules rules, IrpPrimitives primitives,
			WriteSets writeSets, CallInliner inliner) {
		this.functions = functions;
		this.rules = rules;
		this.primitives = primitives;
		this.writeSets = writeSets;
		this.inliner = inliner;
	}

	/** An expression statement: calls (left to right, inner first), then an assignment if any. */
	List<State> expression(List<String> tokens, State in, Frame frame) {
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
	List<State> calls(List<String> tokens, State in, Frame frame) {
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
			if (callee == null || member || !inliner.inlined(callee, frame)) {
				if (OpaqueCalls.mayRunDriverCode(name, member, frame, writeSets)) {
					OpaqueCalls.forget(s, args, frame, OpaqueCalls.writes(name, member, frame, writeSets));
				}
				return List.of(s); // opaque
			}
			return inliner.inline(callee, args, s, frame);
		}
		}
		return List.of(s);
	}
}

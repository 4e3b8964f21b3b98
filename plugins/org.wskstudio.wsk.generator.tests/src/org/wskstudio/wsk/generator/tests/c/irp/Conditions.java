package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Status;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Token;

/**
 * Branch conditions of the IRP check: the states in which a condition can be true (or
 * false), refined by what it says. {@code X == NULL} / {@code X != NULL} / {@code !X} decide
 * or refine a path's nullness; {@code X == K} and the interlocked compare-exchange idioms
 * decide or record a tracked value; {@code NT_SUCCESS} of a known status and a call that
 * returned TRUE/FALSE decide; {@code ||} and {@code &&} short-circuit; anything else forks.
 */
final class Conditions {

	private Conditions() {
	}

	static List<State> assumeAll(List<String> cond, boolean truth, List<State> in) {
		List<State> out = new ArrayList<>();
		for (State s : in) {
			out.addAll(assume(cond, truth, s));
		}
		return StateMerger.merge(out);
	}

	static List<State> assume(List<String> cond, boolean truth, State s) {
		List<String> c = cond;
		while (c.size() >= 2 && c.get(0).equals("(") && CSource.matching(c, 0, "(", ")") == c.size() - 1) {
			c = c.subList(1, c.size() - 1);
		}
		List<List<String>> ors = CSource.splitTopLevel(c, "||");
		if (ors.size() > 1) {
			return junction(ors, truth, s, true);
		}
		List<List<String>> ands = CSource.splitTopLevel(c, "&&");
		if (ands.size() > 1) {
			return junction(ands, !truth, s, false);
		}
		if (c.size() >= 4 && c.get(0).equals("NT_SUCCESS") && c.get(1).equals("(")
				&& CSource.matching(c, 1, "(", ")") == c.size() - 1) {
			String p = AccessPaths.path(c.subList(2, c.size() - 1), s);
			String v = p == null ? null : s.bindings().get(p);
			if (v != null && v.startsWith("=STATUS_")) {
				boolean success = v.equals("=STATUS_SUCCESS");
				return success == truth ? List.of(s) : List.of();
			}
			return List.of(s);
		}
		if (AccessPaths.isCall(c) && s.returned() != null && (s.returned().equals("=TRUE") || s.returned().equals("=FALSE"))) {
			return s.returned().equals("=TRUE") == truth ? List.of(s) : List.of();
		}
		if (!c.isEmpty() && c.get(0).equals("!")) {
			List<String> rest = c.subList(1, c.size());
			String p = AccessPaths.path(rest, s);
			if (p != null) {
				return nullness(p, truth, s);
			}
			return assume(rest, !truth, s);
		}
		int eq = AccessPaths.topLevel(c, "==");
		int ne = AccessPaths.topLevel(c, "!=");
		int op = eq >= 0 ? eq : ne;
		if (op > 0) {
			List<String> left = c.subList(0, op);
			List<String> right = c.subList(op + 1, c.size());
			boolean equal = eq >= 0 == truth;
			if (right.size() == 1 && !right.get(0).equals("NULL") && isEnumeratorLike(right.get(0))) {
				List<State> decided = compare(left, "=" + right.get(0), equal, s);
				if (decided != null) {
					return decided;
				}
			}
			boolean isNull = right.equals(List.of("NULL"));
			if (isNull || left.equals(List.of("NULL"))) {
				String p = AccessPaths.path(isNull ? left : right, s);
				if (p != null) {
					return nullness(p, eq >= 0 == truth, s);
				}
			}
		}
		return List.of(s);
	}

	private static boolean isEnumeratorLike(String t) {
		return CSource.isIdentifier(t) && !t.contains("$") && Character.isUpperCase(t.charAt(0));
	}

	/**
	 * {@code X == K}, {@code InterlockedCompareExchange(&X, New, Old) == K} and
	 * {@code InterlockedExchange(&X, New) == K} over a tracked value (an enumerator): decides
	 * when X is known, forks on the cases when it is not, and applies the exchange. Null when
	 * the left side is none of these.
	 */
	private static List<State> compare(List<String> left, String k, boolean equal, State in) {
		String fn = left.size() > 2 && left.get(1).equals("(") ? left.get(0) : null;
		if (fn == null) {
			String p = AccessPaths.path(left, in);
			if (p == null) {
				return null;
			}
			String cur = in.bindings().get(p);
			if (cur != null && cur.startsWith("=")) {
				return cur.equals(k) == equal ? List.of(in) : List.of();
			}
			State s = in.copy();
			if (equal) {
				s.bindings().put(p, k);
			}
			return List.of(s);
		}
		if (!fn.equals("InterlockedCompareExchange") && !fn.equals("InterlockedExchange")
				|| CSource.matching(left, 1, "(", ")") != left.size() - 1) {
			return null;
		}
		List<List<String>> args = CSource.splitTopLevel(left.subList(2, left.size() - 1), ",");
		String target = AccessPaths.path(args.get(0), in);
		if (target == null || !target.startsWith("&")) {
			return null;
		}
		String p = target.substring(1);
		String newValue = "=" + String.join("", args.get(1));
		String old = fn.equals("InterlockedCompareExchange") ? "=" + String.join("", args.get(2)) : null;
		String cur = in.bindings().get(p);
		List<String> cases = new ArrayList<>();
		if (cur != null && cur.startsWith("=")) {
			cases.add(cur);
		} else {
			cases.add(k);
			if (old != null && !old.equals(k)) {
				cases.add(old);
			}
			cases.add(null); // some other value
		}
		List<State> out = new ArrayList<>();
		for (String value : cases) {
			boolean result = k.equals(value);
			if (result != equal) {
				continue;
			}
			State s = in.copy();
			boolean swapped = old == null || old.equals(value);
			if (swapped) {
				s.bindings().put(p, newValue);
			} else if (value != null) {
				s.bindings().put(p, value);
			} else {
				s.bindings().remove(p);
			}
			out.add(s);
		}
		return out;
	}

	/**
	 * {@code ||} (or {@code &&} with negated truth): the first part that holds ends the chain.
	 * For "A || B" true: A, or (not A and B); false: not A and not B.
	 */
	private static List<State> junction(List<List<String>> parts, boolean truth, State s, boolean or) {
		List<State> out = new ArrayList<>();
		List<State> none = List.of(s);
		for (List<String> part : parts) {
			List<State> next = new ArrayList<>();
			for (State x : none) {
				out.addAll(assume(part, or, x));
				next.addAll(assume(part, !or, x));
			}
			none = StateMerger.merge(next);
		}
		// "some part decided" = chain ends early; "none decided" = all parts the other way
		return StateMerger.merge(truth ? out : none);
	}

	/** Refines {@code path == NULL} (isNull true) or {@code != NULL}; drops infeasible states. */
	private static List<State> nullness(String path, boolean isNull, State in) {
		State s = in.copy();
		String r = IrpState.ref(path, s);
		Token t = IrpState.token(r, s);
		if (t == null) {
			return isNull ? List.of(s) : List.of();
		}
		boolean knownNonNull = t.status() != Status.MAYBE && t.status() != Status.UNKNOWN;
		if (isNull) {
			if (knownNonNull) {
				return List.of();
			}
			s.tokens().remove(t.id());
			s.bindings().replaceAll((k, v) -> v.equals(r) ? IrpState.NULL : v);
			return List.of(s);
		}
		if (t.status() == Status.MAYBE || t.status() == Status.UNKNOWN) {
			s.tokens().put(t.id(), t.with(Status.LIVE));
		}
		return List.of(s);
	}
}

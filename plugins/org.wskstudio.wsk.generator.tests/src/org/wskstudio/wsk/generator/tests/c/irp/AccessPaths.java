package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;

/**
 * Access paths of the IRP check: the canonical name of an lvalue-like expression
 * ({@code Listener->Slots[i].Irp}), resolved through the aliases of the state so that every
 * name of one place is the same string, plus the token-list helpers the interpreter shares.
 */
final class AccessPaths {

	private AccessPaths() {
	}

	/** The canonical access path of an lvalue-like expression, or null if it is not one. */
	static String path(List<String> tokens, State s) {
		List<String> t = stripCasts(tokens);
		if (t.isEmpty()) {
			return null;
		}
		StringBuilder sb = new StringBuilder();
		int depth = 0;
		for (String x : t) {
			if (x.equals("[")) {
				depth++;
			} else if (x.equals("]")) {
				depth--;
			} else if (depth == 0 && !(CSource.isIdentifier(x) || x.equals("->") || x.equals(".") || x.equals("&"))) {
				return null;
			}
			sb.append(x);
		}
		return canonical(sb.toString(), s);
	}

	/** Resolves an aliased root variable: Slot->Irp where Slot = &Listener->Slots[i] gives Listener->Slots[i].Irp. */
	static String canonical(String path, State s) {
		if (path.startsWith("&")) {
			String inner = canonical(path.substring(1), s);
			return inner.startsWith("&") ? inner : "&" + inner;
		}
		for (int guard = 0; guard < 16; guard++) {
			int end = 0;
			while (end < path.length() && (Character.isLetterOrDigit(path.charAt(end)) || path.charAt(end) == '_'
					|| path.charAt(end) == '$')) {
				end++;
			}
			String rootVar = path.substring(0, end);
			String target = s.aliases().get(rootVar);
			if (target == null || end == 0) {
				return path;
			}
			String rest = path.substring(end);
			if (target.startsWith("&")) {
				String base = target.substring(1);
				path = rest.startsWith("->") ? base + "." + rest.substring(2) : rest.isEmpty() ? target : base + rest;
			} else {
				path = target + rest;
			}
		}
		return path;
	}

	/** Drops leading casts {@code (TYPE) x}, {@code (CONST TYPE *) x} and enclosing parentheses. */
	static List<String> stripCasts(List<String> tokens) {
		List<String> t = new ArrayList<>(tokens);
		boolean changed = true;
		while (changed) {
			changed = false;
			if (t.size() > 3 && t.get(0).equals("(")) {
				int close = CSource.matching(t, 0, "(", ")");
				List<String> inner = t.subList(1, close);
				boolean type = !inner.isEmpty() && inner.stream().allMatch(x -> CSource.isIdentifier(x) || x.equals("*"))
						&& inner.stream().anyMatch(x -> CSource.isIdentifier(x) && x.equals(x.toUpperCase()));
				if (close < t.size() - 1 && type) {
					t = new ArrayList<>(t.subList(close + 1, t.size()));
					changed = true;
				} else if (close == t.size() - 1) {
					t = new ArrayList<>(inner);
					changed = true;
				}
			}
		}
		return t;
	}

	/** Moves bindings under a returned local object to the caller's target. */
	static void rebase(State s, String from, String to) {
		Map<String, String> moved = new TreeMap<>();
		s.bindings().entrySet().removeIf(e -> {
			if (e.getKey().equals(from) || e.getKey().startsWith(from + "->") || e.getKey().startsWith(from + ".")) {
				moved.put(to + e.getKey().substring(from.length()), e.getValue());
				return true;
			}
			return false;
		});
		s.bindings().putAll(moved);
	}

	static boolean isConstant(String t) {
		return t.equals("NULL") || t.equals("TRUE") || t.equals("FALSE") || t.startsWith("STATUS_");
	}

	/** {@code name(...)} and nothing else. */
	static boolean isCall(List<String> t) {
		return t.size() >= 3 && CSource.isIdentifier(t.get(0)) && t.get(1).equals("(")
				&& CSource.matching(t, 1, "(", ")") == t.size() - 1;
	}

	static String lastIdentifier(List<String> tokens) {
		for (int i = tokens.size() - 1; i >= 0; i--) {
			if (CSource.isIdentifier(tokens.get(i))) {
				return tokens.get(i);
			}
		}
		return null;
	}

	/** Index of the first {@code op} outside parentheses and brackets, or -1. */
	static int topLevel(List<String> c, String op) {
		int depth = 0;
		for (int i = 0; i < c.size(); i++) {
			String x = c.get(i);
			if (x.equals("(") || x.equals("[")) {
				depth++;
			} else if (x.equals(")") || x.equals("]")) {
				depth--;
			} else if (depth == 0 && x.equals(op)) {
				return i;
			}
		}
		return -1;
	}
}

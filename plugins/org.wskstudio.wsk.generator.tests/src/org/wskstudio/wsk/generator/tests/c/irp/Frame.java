package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wskstudio.wsk.generator.tests.c.irp.CSource.Function;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;

/**
 * One function being executed by the IRP check: the root (no prefix) or a callee inlined into
 * it. The locals and parameters of an inlined frame are named with the prefix {@code fN$},
 * N its inlining depth. The prefix depends on the depth only, not on how many calls came
 * before, so two paths through the same call sites name the same things the same way and
 * their states can merge; at most one frame per depth is alive at a time.
 */
record Frame(Function function, String prefix, Frame parent) {

	static Frame root(Function function) {
		return new Frame(function, "", null);
	}

	Frame callee(Function callee) {
		return new Frame(callee, "f" + (depth() + 1) + "$", this);
	}

	/** The name of an identifier in this frame: locals and parameters get the prefix. */
	String name(String identifier) {
		boolean local = function.locals().contains(identifier)
				|| function.params().stream().anyMatch(p -> identifier.equals(p.name()));
		return local && !prefix.isEmpty() ? prefix + identifier : identifier;
	}

	int depth() {
		return parent == null ? 0 : parent.depth() + 1;
	}

	/** Whether a function is on the inlining chain (no recursion). */
	boolean inlines(String name) {
		return function.name().equals(name) || parent != null && parent.inlines(name);
	}

	/** Renames the identifiers of a token list into this frame (member names stay). */
	List<String> rename(List<String> tokens) {
		List<String> out = new ArrayList<>(tokens.size());
		for (int i = 0; i < tokens.size(); i++) {
			String t = tokens.get(i);
			boolean member = i > 0 && (tokens.get(i - 1).equals("->") || tokens.get(i - 1).equals("."));
			out.add(!member && CSource.isIdentifier(t) ? name(t) : t);
		}
		return out;
	}

	/** Whether a (frame-named) variable is a PIRP local or parameter of a frame on the chain. */
	boolean isIrpVariable(String name) {
		for (Frame e = this; e != null; e = e.parent()) {
			String plain = name.startsWith(e.prefix()) ? name.substring(e.prefix().length()) : name;
			if (e.function().irpLocals().contains(plain)
					|| e.function().params().stream().anyMatch(p -> p.irp() && plain.equals(p.name()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a frame-named identifier is a local or parameter of a frame on the chain: an
	 * inlined frame's (or a retired frame's) own names carry a {@code $} prefix, the root's are
	 * its own locals and parameters. Anything else is a global.
	 */
	boolean isVariable(String name) {
		if (name.contains("$")) {
			return true;
		}
		Frame root = this;
		while (root.parent() != null) {
			root = root.parent();
		}
		Function f = root.function();
		return f.locals().contains(name) || f.params().stream().anyMatch(p -> name.equals(p.name()));
	}

	/** An identifier that is neither a local nor a parameter of any frame, capitalised: an enumerator. */
	boolean isEnumerator(String t) {
		if (t.contains("$") || !CSource.isIdentifier(t) || !Character.isUpperCase(t.charAt(0))) {
			return false;
		}
		for (Frame e = this; e != null; e = e.parent()) {
			if (e.function().locals().contains(t) || e.function().params().stream().anyMatch(p -> t.equals(p.name()))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * After this frame returned and its own variables were dropped, what still mentions them
	 * (the index of an element the caller keeps, {@code Pending[f2$Index].CompleteIrp}; a
	 * returned local object) is renamed to a dead name {@code dK$} that no fact of the state
	 * uses yet, so that the next frame of the same depth cannot mistake it for its own.
	 */
	State retire(State s) {
		Pattern own = occurrences(prefix);
		if (!mentions(s, own)) {
			return s;
		}
		int k = 0;
		while (mentions(s, occurrences("d" + k + "$"))) {
			k++;
		}
		String dead = Matcher.quoteReplacement("d" + k + "$");
		TreeMap<String, String> bindings = new TreeMap<>();
		s.bindings().forEach((key, v) -> bindings.put(own.matcher(key).replaceAll(dead), v));
		TreeMap<String, String> aliases = new TreeMap<>();
		s.aliases().forEach((key, v) -> aliases.put(own.matcher(key).replaceAll(dead), own.matcher(v).replaceAll(dead)));
		String returned = s.returned() == null ? null : own.matcher(s.returned()).replaceAll(dead);
		return new State(bindings, s.tokens(), aliases, returned);
	}

	private static Pattern occurrences(String prefix) {
		return Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(prefix));
	}

	private static boolean mentions(State s, Pattern name) {
		return s.bindings().keySet().stream().anyMatch(k -> name.matcher(k).find())
				|| s.aliases().entrySet().stream()
						.anyMatch(e -> name.matcher(e.getKey()).find() || name.matcher(e.getValue()).find())
				|| s.returned() != null && name.matcher(s.returned()).find();
	}
}

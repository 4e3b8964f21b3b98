package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The abstract state of the IRP check at one program point on one set of paths: which access
 * path holds which IRP token, each token's status, which local pointers alias which paths,
 * and what the function returned. Values are immutable records over sorted maps so that equal
 * states compare equal (the merge at join points relies on it).
 */
final class IrpState {

	/** What is known of an IRP: allocation unchecked (MAYBE), usable, from outside, and so on. */
	enum Status { MAYBE, LIVE, UNKNOWN, ARMED, SUBMITTED, SUBMITTED_SYNC, FREED }

	/**
	 * An IRP. {@code owned}: this root must dispose of it: allocated here, the routine's own
	 * IRP, or taken out of a field (the last field holding it was overwritten while a local of
	 * this root still held it, {@code Irp = Slot->Irp; Slot->Irp = NULL;}).
	 */
	record Token(int id, boolean owned, Status status, boolean reused, String routine, String event) {
		Token with(Status s) {
			return new Token(id, owned, s, reused, routine, event);
		}

		Token owning() {
			return new Token(id, true, status, reused, routine, event);
		}

		/**
		 * Whether losing this IRP is a leak: owned and not yet consumed (freed or handed to WSK).
		 * UNKNOWN (possibly NULL) counts: only an IRP taken out of a field is owned and UNKNOWN,
		 * and its NULL case was dropped by the NULL test that a correct disposal needs anyway.
		 */
		boolean mustDispose() {
			return owned && (status == Status.LIVE || status == Status.ARMED || status == Status.MAYBE
					|| status == Status.UNKNOWN);
		}
	}

	/**
	 * One state. {@code bindings}: access path to a token reference {@code tN}, {@link #NULL},
	 * a known value {@code =K}, or the marker of a freshly allocated object ({@code P#fresh}).
	 * {@code returned}: what a {@code return} gave (a token reference, a path or a value).
	 */
	record State(TreeMap<String, String> bindings, TreeMap<Integer, Token> tokens, TreeMap<String, String> aliases,
			String returned) {
		State copy() {
			return new State(new TreeMap<>(bindings), new TreeMap<>(tokens), new TreeMap<>(aliases), returned);
		}

		State returning(String value) {
			return new State(bindings, tokens, aliases, value);
		}
	}

	static final String NULL = "NULL";

	/**
	 * The binding that marks a completion routine's own IRP. Not an access path: it follows the
	 * token through renumbering, and {@link #holders} does not count it.
	 */
	static final String ROUTINE_IRP = "<routine irp>";

	private IrpState() {
	}

	static State empty() {
		return new State(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), null);
	}

	static boolean isTokenRef(String value) {
		return value != null && value.length() > 1 && value.charAt(0) == 't'
				&& value.substring(1).chars().allMatch(Character::isDigit);
	}

	private static int id(String ref) {
		return Integer.parseInt(ref.substring(1));
	}

	/** The token a reference names, or null (NULL, a value, or no reference). */
	static Token token(String ref, State s) {
		return isTokenRef(ref) ? s.tokens().get(id(ref)) : null;
	}

	/** The access paths bound to a token. */
	static List<String> holders(State s, int token) {
		String ref = "t" + token;
		List<String> result = new ArrayList<>();
		s.bindings().forEach((k, v) -> {
			if (v.equals(ref) && !k.equals(ROUTINE_IRP)) {
				result.add(k);
			}
		});
		return result;
	}

	/** A path into an object (kept by its owner beyond the function), not a variable. */
	static boolean isField(String path) {
		return path.contains("->") || path.contains(".");
	}

	static int newToken(State s, boolean owned, Status status) {
		int id = s.tokens().isEmpty() ? 0 : s.tokens().lastKey() + 1;
		for (String v : s.bindings().values()) {
			if (isTokenRef(v)) {
				id = Math.max(id, id(v) + 1);
			}
		}
		if (isTokenRef(s.returned())) {
			id = Math.max(id, id(s.returned()) + 1);
		}
		s.tokens().put(id, new Token(id, owned, status, false, null, null));
		return id;
	}

	/** The token an expression refers to, binding an unknown path to a new UNKNOWN (not owned) token. */
	static String ref(String path, State s) {
		if (path == null) {
			return null;
		}
		if (path.equals(NULL)) {
			return NULL;
		}
		String bound = s.bindings().get(path);
		if (bound == null) {
			bound = "t" + newToken(s, false, Status.UNKNOWN);
			s.bindings().put(path, bound);
		}
		return bound;
	}

	/**
	 * Renumbers tokens by first use (sorted bindings, then the returned reference, then tokens
	 * no path holds), so that states differing only in numbering are equal.
	 */
	static State normalize(State s) {
		Map<Integer, Integer> ids = new HashMap<>();
		for (String v : s.bindings().values()) {
			if (isTokenRef(v)) {
				ids.putIfAbsent(id(v), ids.size());
			}
		}
		if (isTokenRef(s.returned())) {
			ids.putIfAbsent(id(s.returned()), ids.size());
		}
		for (Integer id : s.tokens().keySet()) {
			ids.putIfAbsent(id, ids.size());
		}
		TreeMap<String, String> bindings = new TreeMap<>();
		s.bindings().forEach((k, v) -> bindings.put(k, isTokenRef(v) ? "t" + ids.get(id(v)) : v));
		TreeMap<Integer, Token> tokens = new TreeMap<>();
		s.tokens().forEach((k, t) -> {
			int id = ids.get(k);
			tokens.put(id, new Token(id, t.owned(), t.status(), t.reused(), t.routine(), t.event()));
		});
		String returned = isTokenRef(s.returned()) && ids.containsKey(id(s.returned()))
				? "t" + ids.get(id(s.returned()))
				: s.returned();
		return new State(bindings, tokens, s.aliases(), returned);
	}
}

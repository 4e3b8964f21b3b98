package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Status;
import org.wskstudio.wsk.generator.tests.c.irp.IrpState.Token;

/**
 * The join of the IRP check: the states that reach one program point are merged when their
 * abstract IRP states are equal, so the check keeps a small set of states per point instead of
 * one state per path. (Enumerating paths grows with the product of the independent branches
 * of every inlined callee: on the dual_stack example, with two listeners, DriverEntry alone
 * did not finish in 200 s.)
 *
 * <p>A state's facts are <b>strong</b> or <b>weak</b>; states merge only when their strong
 * facts are equal. Strong: every IRP this root owns, and every IRP that is armed, submitted,
 * freed or held by more than one path, with its holders and status; every binding of a local
 * variable (an IRP, NULL or a known value such as {@code Status}); the aliases; the returned
 * value. Weak, about fields only: known values ({@code Slot->State == EchoSlotQueued}),
 * fresh-object markers, and the nullness of a field that holds nothing else the rules track
 * (NULL, or a pointer from outside known or not known to be non-NULL).
 *
 * <p>Weak facts are joined so that the merged state allows every behaviour of each merged
 * one: a merge can add paths (and so reports), never remove one.
 * <ul>
 * <li>a known value or a fresh marker survives only if every state has it;
 * <li>a field that is NULL in every state stays NULL; non-NULL in every state stays non-NULL
 * (LIVE); non-NULL in some and unknown in the others becomes unknown (unbound: a later use
 * binds it to a new UNKNOWN token, as it does every path not seen before);
 * <li>a field that is NULL in some state and not in another becomes MAYBE (possibly NULL):
 * freeing, re-arming, submitting or cancelling it without a NULL check is still reported.
 * </ul>
 * A field of a fresh object is strong: there, unbound means "holds nothing", not "unknown".
 * Local variables are strong because their values are what correlates a field's nullness with
 * the branch taken later ({@code Status} after a failed allocation of the control IRP).
 */
final class StateMerger {

	private StateMerger() {
	}

	/** The states of one program point, merged; identical states are kept once. */
	static List<State> merge(List<State> states) {
		Map<State, List<State>> groups = new LinkedHashMap<>();
		for (State s : states) {
			groups.computeIfAbsent(strongPart(s), k -> new ArrayList<>()).add(s);
		}
		List<State> out = new ArrayList<>(groups.size());
		for (List<State> group : groups.values()) {
			out.add(IrpState.normalize(group.size() == 1 ? group.get(0) : join(group)));
		}
		return out;
	}

	/** What states must agree on to merge: the state without its weak facts, renumbered. */
	private static State strongPart(State s) {
		Set<String> weak = weakKeys(s);
		TreeMap<String, String> bindings = new TreeMap<>();
		TreeMap<Integer, Token> tokens = new TreeMap<>(s.tokens());
		s.bindings().forEach((k, v) -> {
			if (!weak.contains(k)) {
				bindings.put(k, v);
			} else if (IrpState.isTokenRef(v)) {
				tokens.remove(IrpState.token(v, s).id()); // a weak token has this one holder
			}
		});
		return IrpState.normalize(new State(bindings, tokens, s.aliases(), s.returned()));
	}

	/** The paths whose binding in {@code s} is a weak fact. */
	static Set<String> weakKeys(State s) {
		Map<String, Integer> holders = new HashMap<>();
		s.bindings().values().forEach(v -> holders.merge(v, 1, Integer::sum));
		Set<String> weak = new TreeSet<>();
		s.bindings().forEach((k, v) -> {
			if (k.endsWith("#fresh") || v.startsWith("=") && IrpState.isField(k)) {
				weak.add(k);
			} else if (IrpState.isField(k) && !inFreshObject(k, s)
					&& (v.equals(IrpState.NULL) || untouchedPointer(v, s) && holders.get(v) == 1)) {
				weak.add(k);
			}
		});
		return weak;
	}

	/** A pointer from outside (not owned) that is not armed, submitted or freed: only its nullness is known. */
	private static boolean untouchedPointer(String ref, State s) {
		Token t = IrpState.token(ref, s);
		return t != null && !t.owned() && !t.reused() && t.routine() == null && t.event() == null
				&& (t.status() == Status.UNKNOWN || t.status() == Status.LIVE || t.status() == Status.MAYBE)
				&& !ref.equals(s.returned());
	}

	private static boolean inFreshObject(String path, State s) {
		for (int i = 0; i < path.length(); i++) {
			if ((path.startsWith("->", i) || path.charAt(i) == '.')
					&& s.bindings().containsKey(path.substring(0, i) + "#fresh")) {
				return true;
			}
		}
		return false;
	}

	/** States with equal strong facts, joined: the first one's strong facts, the weak facts joined. */
	private static State join(List<State> group) {
		State first = group.get(0);
		State joined = first.copy();
		Set<String> weak = new TreeSet<>();
		List<Set<String>> weakPerState = new ArrayList<>();
		for (State s : group) {
			Set<String> w = weakKeys(s);
			weakPerState.add(w);
			weak.addAll(w);
		}
		for (String k : weak) {
			String v = joined.bindings().remove(k);
			if (IrpState.isTokenRef(v)) {
				joined.tokens().remove(IrpState.token(v, first).id());
			}
		}
		for (String k : weak) {
			String value = joinValues(k, group, weakPerState);
			if (value == null) {
				continue;
			}
			if (value.equals(Status.LIVE.name()) || value.equals(Status.MAYBE.name())) {
				value = "t" + IrpState.newToken(joined, false, Status.valueOf(value));
			}
			joined.bindings().put(k, value);
		}
		return joined;
	}

	/**
	 * The joined weak binding of a path: a value, NULL, "LIVE" or "MAYBE" (a new token of that
	 * status), or null for unbound.
	 */
	private static String joinValues(String k, List<State> group, List<Set<String>> weakPerState) {
		List<String> values = new ArrayList<>();
		for (State s : group) {
			values.add(s.bindings().get(k));
		}
		String v0 = values.get(0);
		if (k.endsWith("#fresh") || v0 != null && v0.startsWith("=")) {
			return values.stream().allMatch(v -> v != null && v.equals(v0)) ? v0 : null;
		}
		boolean anyNull = false;
		boolean allNull = true;
		boolean allLive = true;
		boolean anyMaybe = false;
		for (int i = 0; i < group.size(); i++) {
			String v = values.get(i);
			if (v != null && !weakPerState.get(i).contains(k) || v != null && v.startsWith("=")) {
				return null; // not a pointer here: nothing is known after the merge
			}
			boolean isNull = IrpState.NULL.equals(v);
			Token t = v == null || isNull ? null : IrpState.token(v, group.get(i));
			anyNull |= isNull;
			allNull &= isNull;
			allLive &= t != null && t.status() == Status.LIVE;
			anyMaybe |= t != null && t.status() == Status.MAYBE;
		}
		if (allNull) {
			return IrpState.NULL;
		}
		if (anyNull || anyMaybe) {
			return Status.MAYBE.name();
		}
		return allLive ? Status.LIVE.name() : null;
	}
}

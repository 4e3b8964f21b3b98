package org.wskstudio.wskl.tests.generator.c;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.wskstudio.wskl.tests.generator.c.CSource.Block;
import org.wskstudio.wskl.tests.generator.c.CSource.Expr;
import org.wskstudio.wskl.tests.generator.c.CSource.Function;
import org.wskstudio.wskl.tests.generator.c.CSource.If;
import org.wskstudio.wskl.tests.generator.c.CSource.Jump;
import org.wskstudio.wskl.tests.generator.c.CSource.Label;
import org.wskstudio.wskl.tests.generator.c.CSource.Loop;
import org.wskstudio.wskl.tests.generator.c.CSource.Param;
import org.wskstudio.wskl.tests.generator.c.CSource.Return;
import org.wskstudio.wskl.tests.generator.c.CSource.Stmt;
import org.wskstudio.wskl.tests.generator.c.CSource.Switch;

/**
 * The exactly-once IRP check of generated C: a path-sensitive symbolic execution of every
 * function over an abstract heap of IRPs.
 *
 * <p><b>Structure rules</b> (whole file): IoAllocateIrp appears in exactly one function (the
 * allocator), as {@code IoAllocateIrp(1, FALSE)}; IoFreeIrp in exactly one (the freer); every
 * IoSetCompletionRoutine passes TRUE, TRUE, TRUE; every completion routine returns
 * STATUS_MORE_PROCESSING_REQUIRED on every path; every struct field that holds an allocated
 * IRP is freed by some function.
 *
 * <p><b>Path rules</b> (every function as a root, callees inlined, loops run 0 or 1 times,
 * conditions on {@code X == NULL} / {@code X != NULL} refine the state, other conditions
 * fork): each IRP is a token with a state. Allocation gives MAYBE (checked against NULL to
 * become LIVE); {@code IoReuseIrp} then {@code IoSetCompletionRoutine} arm it; passing it as
 * the last argument of a {@code ->Wsk*} provider call submits it (consumed: its completion
 * routine owns it; a synchronous routine gives it back at the matching
 * KeWaitForSingleObject); the freer frees it (consumed). Errors: freeing or submitting an
 * IRP twice, or after the other; using a possibly NULL IRP; a provider call with an IRP not
 * re-armed; allocating over a live IRP; an allocated IRP that at the end of a path is
 * neither consumed nor stored in a field (leak); a field still pointing to a freed IRP
 * (dangling); a synchronous submit not waited for.
 *
 * <p><b>Completion routines</b> are also roots where the routine owns its IRP (aliased to
 * {@code Context->Field} when it was registered as {@code IoSetCompletionRoutine(X->Field,
 * Routine, X, ...)}): on every path the IRP is freed or re-armed exactly once, or kept in
 * its owner's field for reuse; a synchronous routine (signals its context event, never
 * touches the IRP) leaves it untouched for the waiting owner.
 */
final class IrpLifecycleChecker {

	enum Status { MAYBE, LIVE, UNKNOWN, ARMED, SUBMITTED, SUBMITTED_SYNC, FREED }

	/** An IRP. {@code owned}: this root must dispose of it (allocated here, or the routine's own IRP). */
	record Token(int id, boolean owned, Status status, boolean reused, String routine, String event) {
		Token with(Status s) {
			return new Token(id, owned, s, reused, routine, event);
		}
	}

	static final String NULL = "NULL";

	/** One path's abstract state; immutable, compared by value to merge equal paths. */
	record State(TreeMap<String, String> bindings, TreeMap<Integer, Token> tokens, TreeMap<String, String> aliases,
			String returned) {
		State copy() {
			return new State(new TreeMap<>(bindings), new TreeMap<>(tokens), new TreeMap<>(aliases), returned);
		}
	}

	/** Outcome of executing a statement: states that go on, break, continue or return. */
	private static final class Flow {
		final List<State> normal = new ArrayList<>();
		final List<State> breaks = new ArrayList<>();
		final List<State> continues = new ArrayList<>();
		final List<State> returns = new ArrayList<>();
	}

	private static final int MAX_STATES = 4000;
	/** Inlining depth: deeper calls are opaque (they are checked as roots of their own). */
	private static final int MAX_DEPTH = 2;

	private final Map<String, Function> functions;
	private final String allocator;
	private final String freer;
	private final Map<String, List<String>> registrations = new TreeMap<>(); // routine -> fields of Context
	private final Set<String> routines = new TreeSet<>();
	private final Set<String> syncRoutines = new TreeSet<>();
	private final Set<String> errors = new LinkedHashSet<>();
	private final Map<String, Integer> counters = new HashMap<>();
	private int maxDepth = MAX_DEPTH;
	private boolean overflow;

	/** Inlining depth used per root (lower when the full depth gave too many paths). */
	final Map<String, Integer> depthPerRoot = new LinkedHashMap<>();
	private int nextFrame;
	private String root;
	private Function rootFunction;

	/** Paths explored per root, for the report. */
	final Map<String, Integer> pathsPerRoot = new LinkedHashMap<>();

	IrpLifecycleChecker(String source) {
		this.functions = CSource.functions(source);
		this.allocator = single("IoAllocateIrp");
		this.freer = single("IoFreeIrp");
		collectRoutines();
	}

	/** All violations found, one line each; empty when every IRP path is exactly-once. */
	List<String> check() {
		structure();
		for (Function f : functions.values()) {
			if (f.name().equals(allocator) || f.name().equals(freer)) {
				continue;
			}
			for (maxDepth = MAX_DEPTH; maxDepth >= 0; maxDepth--) {
				overflow = false;
				Set<String> before = new LinkedHashSet<>(errors);
				runRoot(f, routines.contains(f.name()));
				if (!overflow) {
					break;
				}
				errors.clear();
				errors.addAll(before); // retry with shallower inlining (deeper callees are roots too)
			}
			if (overflow) {
				errors.add(f.name() + ": too many paths even without inlining");
			}
			depthPerRoot.put(f.name(), maxDepth);
		}
		return List.copyOf(errors);
	}

	Set<String> completionRoutines() {
		return routines;
	}

	Set<String> synchronousRoutines() {
		return syncRoutines;
	}

	String allocator() {
		return allocator;
	}

	String freer() {
		return freer;
	}

	// ---- structure ---------------------------------------------------------------------

	private String single(String primitive) {
		List<String> users = new ArrayList<>();
		for (Function f : functions.values()) {
			if (f.bodyTokens().contains(primitive)) {
				users.add(f.name());
			}
		}
		if (users.size() != 1) {
			errors.add(primitive + " must be called by exactly one function, found " + users);
			return users.isEmpty() ? "<none>" : users.get(0);
		}
		return users.get(0);
	}

	private void collectRoutines() {
		for (Function f : functions.values()) {
			List<String> t = f.bodyTokens();
			for (int i = 0; i < t.size(); i++) {
				if (t.get(i).equals("IoSetCompletionRoutine")) {
					int close = CSource.matching(t, i + 1, "(", ")");
					List<List<String>> args = CSource.splitTopLevel(t.subList(i + 2, close), ",");
					String routine = String.join("", args.get(1));
					routines.add(routine);
					String irp = String.join("", args.get(0));
					String context = String.join("", args.get(2));
					List<String> fields = registrations.computeIfAbsent(routine, k -> new ArrayList<>());
					if (irp.startsWith(context + "->")) {
						String field = irp.substring(context.length() + 2);
						if (!fields.contains(field)) {
							fields.add(field);
						}
					}
					if (!(args.size() == 6 && args.get(3).equals(List.of("TRUE")) && args.get(4).equals(List.of("TRUE"))
							&& args.get(5).equals(List.of("TRUE")))) {
						errors.add(f.name() + ": IoSetCompletionRoutine must be called with TRUE, TRUE, TRUE");
					}
				}
			}
		}
		for (String r : routines) {
			Function f = functions.get(r);
			if (f == null) {
				errors.add("completion routine " + r + " is not defined");
				continue;
			}
			String irpParam = f.params().size() > 1 ? f.params().get(1).name() : "Irp";
			boolean touches = false;
			List<String> t = f.bodyTokens();
			for (int i = 0; i < t.size(); i++) {
				if (t.get(i).equals(irpParam) && !(i >= 2 && t.get(i - 2).equals("UNREFERENCED_PARAMETER"))) {
					touches = true;
				}
			}
			if (!touches && t.contains("KeSetEvent")) {
				syncRoutines.add(r);
			}
		}
	}

	private void structure() {
		Function alloc = functions.get(allocator);
		if (alloc != null) {
			String body = String.join(" ", alloc.bodyTokens());
			if (!body.contains("IoAllocateIrp ( 1 , FALSE )")) {
				errors.add(allocator + ": the IRP must be allocated as IoAllocateIrp(1, FALSE)");
			}
		}
		for (String r : routines) {
			Function f = functions.get(r);
			if (f == null) {
				continue;
			}
			checkReturns(r, f.body());
		}
		// every field that holds an allocated IRP is freed somewhere
		Set<String> allocatedFields = new TreeSet<>();
		Set<String> freedFields = new TreeSet<>();
		for (Function f : functions.values()) {
			List<String> t = f.bodyTokens();
			for (int i = 0; i + 3 < t.size(); i++) {
				if (t.get(i).equals("->") && t.get(i + 2).equals("=") && t.get(i + 3).equals(allocator)) {
					allocatedFields.add(t.get(i + 1));
				}
				if (t.get(i).equals(freer) && t.get(i + 1).equals("(")) {
					int close = CSource.matching(t, i + 1, "(", ")");
					List<String> arg = t.subList(i + 2, close);
					if (arg.size() >= 3 && arg.get(arg.size() - 2).equals("->")) {
						freedFields.add(arg.get(arg.size() - 1));
					}
				}
				if (t.get(i).equals("=") && t.get(i + 2).equals("->") && i + 4 < t.size() && t.get(i + 4).equals(";")) {
					freedFields.add(t.get(i + 3)); // PIRP X = Owner->Field; ... freed through X
				}
			}
		}
		for (String field : allocatedFields) {
			if (!freedFields.contains(field)) {
				errors.add("no function frees the IRP held in field " + field);
			}
		}
	}

	private void checkReturns(String routine, Stmt s) {
		if (s instanceof Return r) {
			if (!r.expression().equals(List.of("STATUS_MORE_PROCESSING_REQUIRED"))) {
				errors.add(routine + ": a completion routine must return STATUS_MORE_PROCESSING_REQUIRED, returns "
						+ String.join(" ", r.expression()));
			}
		} else if (s instanceof Block b) {
			b.statements().forEach(x -> checkReturns(routine, x));
		} else if (s instanceof If i) {
			checkReturns(routine, i.then());
			if (i.otherwise() != null) {
				checkReturns(routine, i.otherwise());
			}
		} else if (s instanceof Loop l) {
			checkReturns(routine, l.body());
		} else if (s instanceof Switch w) {
			checkReturns(routine, w.body());
		}
	}

	// ---- roots -------------------------------------------------------------------------

	private void runRoot(Function f, boolean routine) {
		root = f.name();
		rootFunction = f;
		nextFrame = 0;
		State start = new State(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), null);
		Integer routineToken = null;
		if (routine) {
			Param irp = f.params().get(1);
			Param context = f.params().get(2);
			routineToken = newToken(start, true, Status.LIVE);
			start.bindings().put(irp.name(), "t" + routineToken);
			for (String field : registrations.getOrDefault(f.name(), List.of())) {
				start.bindings().put(context.name() + "->" + field, "t" + routineToken);
			}
		} else {
			for (Param p : f.params()) {
				if (p.irp()) {
					int t = newToken(start, false, Status.UNKNOWN);
					start.bindings().put(p.name(), "t" + t);
				}
			}
		}
		Env env = new Env(f, "", null);
		Flow flow = exec(f.body(), List.of(start), env);
		List<State> ends = new ArrayList<>(flow.normal);
		ends.addAll(flow.returns);
		pathsPerRoot.put(root, ends.size());
		for (State s : dedupe(ends)) {
			finish(s, routineToken);
		}
	}

	private void finish(State s, Integer routineToken) {
		for (Token t : s.tokens().values()) {
			List<String> holders = holders(s, t.id());
			boolean inField = holders.stream().anyMatch(IrpLifecycleChecker::isField);
			if (t.status() == Status.FREED) {
				for (String h : holders) {
					if (isField(h)) {
						error("field " + h + " still points to a freed IRP");
					}
				}
			}
			if (routineToken != null && t.id() == routineToken) {
				if (syncRoutines.contains(root)) {
					if (t.status() != Status.LIVE) {
						error("synchronous completion routine must leave the IRP to its waiting owner");
					}
					continue;
				}
				if (t.status() == Status.FREED || t.status() == Status.SUBMITTED) {
					continue;
				}
				if (!inField) {
					error("completion routine neither frees, re-arms nor keeps its IRP in its owner (status "
							+ t.status() + ")");
				}
				continue;
			}
			switch (t.status()) {
			case SUBMITTED_SYNC -> error("IRP handed to WSK with a synchronous completion routine is not waited for");
			case MAYBE, LIVE, ARMED -> {
				if (t.owned() && !inField) {
					error("allocated IRP is neither freed, handed to WSK nor stored in a field (leak), held by "
							+ holders);
				}
			}
			default -> {
			}
			}
		}
	}

	private static boolean isField(String path) {
		return path.contains("->") || path.contains(".");
	}

	private static List<String> holders(State s, int token) {
		List<String> result = new ArrayList<>();
		s.bindings().forEach((k, v) -> {
			if (v.equals("t" + token)) {
				result.add(k);
			}
		});
		return result;
	}

	private void error(String message) {
		errors.add(root + ": " + message);
	}

	private int newToken(State s, boolean owned, Status status) {
		int id = s.tokens().isEmpty() ? 0 : s.tokens().lastKey() + 1;
		for (String v : s.bindings().values()) {
			if (v.matches("t\\d+")) {
				id = Math.max(id, Integer.parseInt(v.substring(1)) + 1);
			}
		}
		s.tokens().put(id, new Token(id, owned, status, false, null, null));
		return id;
	}

	// ---- environment (inlining) ---------------------------------------------------------

	/** Names of one inlined frame: locals get the frame prefix; parameters are bound in the state. */
	private record Env(Function function, String prefix, Env parent) {
		String name(String identifier) {
			boolean local = function.locals().contains(identifier)
					|| function.params().stream().anyMatch(p -> identifier.equals(p.name()));
			return local && !prefix.isEmpty() ? prefix + identifier : identifier;
		}

		int depth() {
			return parent == null ? 0 : parent.depth() + 1;
		}

		boolean inlines(String name) {
			return function.name().equals(name) || parent != null && parent.inlines(name);
		}
	}

	/** Renames identifiers of a token list into the frame. */
	private static List<String> rename(List<String> tokens, Env env) {
		List<String> out = new ArrayList<>(tokens.size());
		for (int i = 0; i < tokens.size(); i++) {
			String t = tokens.get(i);
			boolean member = i > 0 && (tokens.get(i - 1).equals("->") || tokens.get(i - 1).equals("."));
			out.add(!member && CSource.isIdentifier(t) ? env.name(t) : t);
		}
		return out;
	}

	// ---- access paths ------------------------------------------------------------------

	/** The canonical access path of an lvalue-like expression, or null if it is not one. */
	private static String path(List<String> tokens, State s) {
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
	private static String canonical(String path, State s) {
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

	private static List<String> stripCasts(List<String> tokens) {
		List<String> t = new ArrayList<>(tokens);
		boolean changed = true;
		while (changed) {
			changed = false;
			// (TYPE) x  and  (CONST TYPE *) x
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

	/** The token an expression refers to, binding unknown paths to UNKNOWN (not owned) tokens. */
	private String ref(String path, State s) {
		if (path == null) {
			return null;
		}
		if (path.equals("NULL")) {
			return NULL;
		}
		String bound = s.bindings().get(path);
		if (bound == null) {
			int t = newToken(s, false, Status.UNKNOWN);
			bound = "t" + t;
			s.bindings().put(path, bound);
		}
		return bound;
	}

	private static Token token(String ref, State s) {
		if (ref == null || !ref.matches("t\\d+")) {
			return null;
		}
		return s.tokens().get(Integer.parseInt(ref.substring(1)));
	}

	// ---- statements --------------------------------------------------------------------

	private Flow exec(Stmt stmt, List<State> in, Env env) {
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
			for (int i = 0; i < b.statements().size(); i++) {
				Stmt s = b.statements().get(i);
				if (s instanceof Label) {
					continue;
				}
				Flow f = exec(s, current, env);
				out.breaks.addAll(f.breaks);
				out.continues.addAll(f.continues);
				out.returns.addAll(f.returns);
				current = dedupe(f.normal);
			}
			out.normal.addAll(current);
		} else if (stmt instanceof Expr e) {
			for (State s : in) {
				for (State x : expression(rename(e.tokens(), env), s, env)) {
					out.normal.add(new State(x.bindings(), x.tokens(), x.aliases(), null));
				}
			}
		} else if (stmt instanceof Return r) {
			for (State s : in) {
				for (State after : expression(rename(r.expression(), env), s, env)) {
					State done = after.copy();
					List<String> e = rename(r.expression(), env);
					String p = path(e, done);
					String value;
					if (e.size() == 1 && isConstant(e.get(0))) {
						value = e.get(0).equals("NULL") ? NULL : "=" + e.get(0);
					} else if (p != null && isIrpVariable(p, env)) {
						value = done.bindings().get(p);
					} else {
						value = p;
					}
					out.returns.add(new State(done.bindings(), done.tokens(), done.aliases(), value));
				}
			}
		} else if (stmt instanceof Jump j) {
			(j.isBreak() ? out.breaks : out.continues).addAll(in);
		} else if (stmt instanceof If i) {
			List<State> cond = evaluate(rename(i.condition(), env), in, env);
			List<State> yes = assumeAll(rename(i.condition(), env), true, cond);
			List<State> no = assumeAll(rename(i.condition(), env), false, cond);
			merge(out, exec(i.then(), yes, env));
			if (i.otherwise() != null) {
				merge(out, exec(i.otherwise(), no, env));
			} else {
				out.normal.addAll(no);
			}
		} else if (stmt instanceof Loop l) {
			List<State> start = in;
			if (!l.init().isEmpty()) {
				start = statements(rename(l.init(), env), in, env);
			}
			List<State> enter;
			List<State> skip;
			if (l.doWhile() || l.condition().isEmpty()) {
				enter = start;
				skip = List.of();
			} else {
				List<State> cond = evaluate(rename(l.condition(), env), start, env);
				enter = assumeAll(rename(l.condition(), env), true, cond);
				skip = assumeAll(rename(l.condition(), env), false, cond);
			}
			Flow body = exec(l.body(), enter, env);
			out.returns.addAll(body.returns);
			out.normal.addAll(skip);
			out.normal.addAll(body.breaks);
			List<State> after = new ArrayList<>(body.normal);
			after.addAll(body.continues);
			if (!l.step().isEmpty()) {
				after = statements(rename(l.step(), env), after, env);
			}
			if (!l.condition().isEmpty()) {
				List<State> cond = evaluate(rename(l.condition(), env), after, env);
				after = assumeAll(rename(l.condition(), env), false, cond);
			}
			out.normal.addAll(after); // one iteration, then leave
		} else if (stmt instanceof Switch w) {
			List<State> start = evaluate(rename(w.expression(), env), in, env);
			List<Stmt> body = w.body().statements();
			boolean hasDefault = false;
			for (int k = 0; k < body.size(); k++) {
				if (body.get(k) instanceof Label label) {
					hasDefault |= label.value().isEmpty();
					Flow f = exec(new Block(body.subList(k + 1, body.size())), start, env);
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
		out.normal.replaceAll(x -> x);
		return out;
	}

	private static void merge(Flow into, Flow from) {
		into.normal.addAll(from.normal);
		into.breaks.addAll(from.breaks);
		into.continues.addAll(from.continues);
		into.returns.addAll(from.returns);
	}

	private static List<State> dedupe(List<State> states) {
		LinkedHashSet<State> set = new LinkedHashSet<>();
		for (State s : states) {
			set.add(normalize(s));
		}
		return new ArrayList<>(set);
	}

	/** Renumbers tokens by first use (sorted bindings), so paths that differ only in numbering merge. */
	private static State normalize(State s) {
		Map<Integer, Integer> ids = new HashMap<>();
		for (String v : s.bindings().values()) {
			if (v.matches("t\\d+")) {
				ids.putIfAbsent(Integer.parseInt(v.substring(1)), ids.size());
			}
		}
		for (Integer id : s.tokens().keySet()) {
			ids.putIfAbsent(id, ids.size());
		}
		TreeMap<String, String> bindings = new TreeMap<>();
		s.bindings().forEach((k, v) -> bindings.put(k, v.matches("t\\d+") ? "t" + ids.get(Integer.parseInt(v.substring(1))) : v));
		TreeMap<Integer, Token> tokens = new TreeMap<>();
		s.tokens().forEach((k, t) -> {
			int id = ids.get(k);
			tokens.put(id, new Token(id, t.owned(), t.status(), t.reused(), t.routine(), t.event()));
		});
		return new State(bindings, tokens, s.aliases(), s.returned());
	}

	private List<State> statements(List<String> tokens, List<State> in, Env env) {
		List<State> out = new ArrayList<>();
		for (State s : in) {
			out.addAll(expression(tokens, s, env));
		}
		return dedupe(out);
	}

	/** Runs the calls inside a condition (inlining generated functions) before branching on it. */
	private List<State> evaluate(List<String> tokens, List<State> in, Env env) {
		List<State> out = new ArrayList<>();
		for (State s : in) {
			out.addAll(calls(tokens, s.copy(), env));
		}
		return dedupe(out);
	}

	// ---- conditions --------------------------------------------------------------------

	private List<State> assumeAll(List<String> cond, boolean truth, List<State> in) {
		List<State> out = new ArrayList<>();
		for (State s : in) {
			out.addAll(assume(cond, truth, s));
		}
		return dedupe(out);
	}

	private List<State> assume(List<String> cond, boolean truth, State s) {
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
			String p = path(c.subList(2, c.size() - 1), s);
			String v = p == null ? null : s.bindings().get(p);
			if (v != null && v.startsWith("=STATUS_")) {
				boolean success = v.equals("=STATUS_SUCCESS");
				return success == truth ? List.of(s) : List.of();
			}
			return List.of(s);
		}
		if (isCall(c) && s.returned() != null && (s.returned().equals("=TRUE") || s.returned().equals("=FALSE"))) {
			return s.returned().equals("=TRUE") == truth ? List.of(s) : List.of();
		}
		if (!c.isEmpty() && c.get(0).equals("!")) {
			List<String> rest = c.subList(1, c.size());
			String p = path(rest, s);
			if (p != null) {
				return nullness(p, truth, s);
			}
			return assume(rest, !truth, s);
		}
		int eq = topLevel(c, "==");
		int ne = topLevel(c, "!=");
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
				String p = path(isNull ? left : right, s);
				if (p != null) {
					return nullness(p, eq >= 0 == truth, s);
				}
			}
		}
		return List.of(s);
	}

	private static int topLevel(List<String> c, String op) {
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

	private static boolean isEnumeratorLike(String t) {
		return CSource.isIdentifier(t) && !t.contains("$") && Character.isUpperCase(t.charAt(0));
	}

	/**
	 * {@code X == K}, {@code InterlockedCompareExchange(&X, New, Old) == K} and
	 * {@code InterlockedExchange(&X, New) == K} over a tracked value (an enumerator): decides
	 * when X is known, forks on the cases when it is not, and applies the exchange. Null when
	 * the left side is none of these.
	 */
	private List<State> compare(List<String> left, String k, boolean equal, State in) {
		String fn = left.size() > 2 && left.get(1).equals("(") ? left.get(0) : null;
		if (fn == null) {
			String p = path(left, in);
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
		String target = path(args.get(0), in);
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
	private List<State> junction(List<List<String>> parts, boolean truth, State s, boolean or) {
		List<State> out = new ArrayList<>();
		List<State> none = List.of(s);
		for (List<String> part : parts) {
			List<State> next = new ArrayList<>();
			for (State x : none) {
				out.addAll(assume(part, or, x));
				next.addAll(assume(part, !or, x));
			}
			none = dedupe(next);
		}
		// "some part decided" = chain ends early; "none decided" = all parts the other way
		return dedupe(truth ? out : none);
	}

	/** Refines {@code path == NULL} (isNull true) or {@code != NULL}; drops infeasible states. */
	private List<State> nullness(String path, boolean isNull, State in) {
		State s = in.copy();
		String r = ref(path, s);
		Token t = token(r, s);
		if (t == null) {
			return isNull ? List.of(s) : List.of();
		}
		boolean knownNonNull = t.status() != Status.MAYBE && t.status() != Status.UNKNOWN;
		if (isNull) {
			if (knownNonNull) {
				return List.of();
			}
			s.tokens().remove(t.id());
			s.bindings().replaceAll((k, v) -> v.equals(r) ? NULL : v);
			return List.of(s);
		}
		if (t.status() == Status.MAYBE || t.status() == Status.UNKNOWN) {
			s.tokens().put(t.id(), t.with(Status.LIVE));
		}
		return List.of(s);
	}

	// ---- expressions -------------------------------------------------------------------

	/** An expression statement: calls (left to right, inner first), then an assignment if any. */
	private List<State> expression(List<String> tokens, State in, Env env) {
		int assign = -1;
		int depth = 0;
		for (int i = 0; i < tokens.size(); i++) {
			String x = tokens.get(i);
			if (x.equals("(") || x.equals("[")) {
				depth++;
			} else if (x.equals(")") || x.equals("]")) {
				depth--;
			} else if (depth == 0 && x.equals("=")) {
				assign = i;
				break;
			}
		}
		if (assign < 0) {
			List<String> st = stripCasts(tokens);
			if (st.size() > 2 && st.get(0).equals("InterlockedExchange") && st.get(1).equals("(")) {
				State s = in.copy();
				List<List<String>> args = CSource.splitTopLevel(st.subList(2, st.size() - 1), ",");
				String p = path(args.get(0), s);
				List<String> v = args.get(1);
				if (p != null && p.startsWith("&")) {
					if (v.size() == 1 && (isConstant(v.get(0)) || isEnumerator(v.get(0), env))) {
						s.bindings().put(p.substring(1), "=" + v.get(0));
					} else {
						s.bindings().remove(p.substring(1));
					}
				}
				return List.of(s);
			}
			return calls(tokens, in.copy(), env);
		}
		List<String> lhs = tokens.subList(0, assign);
		List<String> rhs = tokens.subList(assign + 1, tokens.size());
		String target = lhs.size() >= 2 && CSource.isIdentifier(lhs.get(0))
				&& (CSource.isIdentifier(lhs.get(1)) || lhs.get(1).equals("*")) && !lhs.contains("->")
						? lastIdentifier(lhs) // declaration
						: null;
		List<String> stripped = stripCasts(rhs);
		// X = <allocator>()
		if (stripped.size() >= 3 && stripped.get(0).equals(allocator) && stripped.get(1).equals("(")) {
			State s = in.copy();
			String p = target != null ? target : path(lhs, s);
			allocate(p, s);
			return List.of(s);
		}
		List<State> out = new ArrayList<>();
		for (State s : calls(rhs, in.copy(), env)) {
			String p = target != null ? target : path(lhs, s);
			if (p == null) {
				out.add(s);
				continue;
			}
			String value = path(rhs, s);
			boolean irpLocal = isIrpVariable(p, env);
			if (stripped.size() == 1 && !stripped.get(0).equals("NULL")
					&& (isConstant(stripped.get(0)) || isEnumerator(stripped.get(0), env))) {
				s.bindings().put(p, "=" + stripped.get(0));
				s.aliases().remove(p);
				out.add(s);
			} else if (s.returned() != null && isCall(stripped)) {
				// X = generated_function(...): take over what it returned
				String ret = s.returned();
				State t = new State(s.bindings(), s.tokens(), s.aliases(), null);
				if (ret.matches("t\\d+") || ret.equals(NULL) || ret.startsWith("=")) {
					t.bindings().put(p, ret);
				} else {
					rebase(t, ret, p);
				}
				out.add(t);
			} else if (value != null && value.equals("NULL")) {
				overwrite(p, s);
				s.bindings().put(p, NULL);
				s.aliases().remove(p);
				out.add(s);
			} else if (value != null && irpLocal) {
				s.bindings().put(p, ref(value, s));
				out.add(s);
			} else if (value != null && !isField(p) && !p.contains("[") && !isIrpVariable(p, env)) {
				// object pointer local: an alias of the assigned path
				String source = stripped.size() > 0 && stripped.get(0).equals("&") ? "&" + value.replace("&", "")
						: value;
				s.aliases().put(p, source);
				s.bindings().remove(p);
				out.add(s);
			} else if (value != null && s.bindings().containsKey(value)) {
				overwrite(p, s);
				s.bindings().put(p, s.bindings().get(value));
				out.add(s);
			} else {
				if (!p.contains("$") || isField(p)) {
					overwrite(p, s);
				}
				s.bindings().remove(p);
				s.aliases().remove(p);
				if (!stripped.isEmpty() && stripped.get(0).equals("ExAllocatePoolWithTag")) {
					s.bindings().put(p + "#fresh", "fresh"); // a new object: its fields hold nothing yet
				}
				out.add(s);
			}
		}
		return out;
	}

	private boolean isIrpVariable(String name, Env env) {
		for (Env e = env; e != null; e = e.parent()) {
			String plain = name.startsWith(e.prefix()) ? name.substring(e.prefix().length()) : name;
			if (e.function().irpLocals().contains(plain)
					|| e.function().params().stream().anyMatch(p -> p.irp() && plain.equals(p.name()))) {
				return true;
			}
		}
		return false;
	}

	/** An identifier that is neither a local nor a parameter of any frame, capitalised: an enumerator. */
	private static boolean isEnumerator(String t, Env env) {
		if (t.contains("$") || !CSource.isIdentifier(t) || !Character.isUpperCase(t.charAt(0))) {
			return false;
		}
		for (Env e = env; e != null; e = e.parent()) {
			if (e.function().locals().contains(t) || e.function().params().stream().anyMatch(p -> t.equals(p.name()))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isConstant(String t) {
		return t.equals("NULL") || t.equals("TRUE") || t.equals("FALSE") || t.startsWith("STATUS_");
	}

	private static boolean isCall(List<String> t) {
		return t.size() >= 3 && CSource.isIdentifier(t.get(0)) && t.get(1).equals("(")
				&& CSource.matching(t, 1, "(", ")") == t.size() - 1;
	}

	private static String lastIdentifier(List<String> tokens) {
		for (int i = tokens.size() - 1; i >= 0; i--) {
			if (CSource.isIdentifier(tokens.get(i))) {
				return tokens.get(i);
			}
		}
		return null;
	}

	/** Moves bindings under a returned local object to the caller's target. */
	private static void rebase(State s, String from, String to) {
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

	/** Assigning over a path that is the only holder of a live IRP of this root loses it. */
	private void overwrite(String path, State s) {
		String r = s.bindings().get(path);
		Token t = token(r, s);
		if (t != null && t.owned() && (t.status() == Status.LIVE || t.status() == Status.ARMED
				|| t.status() == Status.MAYBE) && holders(s, t.id()).size() == 1) {
			error("assignment to " + path + " loses a live IRP (leak)");
		}
	}

	private void allocate(String path, State s) {
		if (path == null) {
			error("allocated IRP is not stored");
			return;
		}
		String r = s.bindings().get(path);
		Token old = token(r, s);
		if (old != null && old.status() != Status.FREED && old.status() != Status.SUBMITTED) {
			error("allocation into " + path + " may overwrite an IRP (" + old.status() + "): check it is NULL first");
		}
		int cut = Math.max(path.lastIndexOf("->"), path.lastIndexOf('.'));
		if (r == null && cut > 0 && !s.bindings().containsKey(path.substring(0, cut) + "#fresh")) {
			error("allocation into " + path + " without knowing it holds no IRP: check it is NULL first");
		}
		int t = newToken(s, true, Status.MAYBE);
		s.bindings().put(path, "t" + t);
	}

	/** Every call of an expression, innermost first, left to right. */
	private List<State> calls(List<String> tokens, State in, Env env) {
		List<State> states = List.of(in);
		for (int i = 0; i < tokens.size(); i++) {
			if (i + 1 < tokens.size() && tokens.get(i + 1).equals("(") && CSource.isIdentifier(tokens.get(i))) {
				int close = CSource.matching(tokens, i + 1, "(", ")");
				List<String> inner = tokens.subList(i + 2, close);
				List<State> next = new ArrayList<>();
				for (State s : states) {
					for (State a : calls(inner, s, env)) {
						next.addAll(call(tokens, i, close, a, env));
					}
				}
				states = dedupe(next);
				i = close;
			}
		}
		return states;
	}

	/** One call {@code tokens[at](...)} whose arguments have been evaluated. */
	private List<State> call(List<String> tokens, int at, int close, State in, Env env) {
		String name = tokens.get(at);
		List<List<String>> args = close == at + 2 ? List.of() : CSource.splitTopLevel(tokens.subList(at + 2, close), ",");
		boolean provider = at >= 1 && tokens.get(at - 1).equals("->") && name.startsWith("Wsk");
		State s = in.copy();
		s = new State(s.bindings(), s.tokens(), s.aliases(), null);
		if (name.equals(freer)) {
			free(path(args.get(0), s), s);
			return List.of(s);
		}
		switch (name) {
		case "IoReuseIrp" -> {
			String r = ref(path(args.get(0), s), s);
			Token t = token(r, s);
			if (t == null) {
				error("IoReuseIrp of a NULL IRP");
			} else if (t.status() == Status.FREED || t.status() == Status.SUBMITTED || t.status() == Status.SUBMITTED_SYNC
					|| t.status() == Status.MAYBE) {
				error("IoReuseIrp of an IRP that is " + t.status());
			} else {
				s.tokens().put(t.id(), new Token(t.id(), t.owned(), Status.LIVE, true, null, null));
			}
			return List.of(s);
		}
		case "IoSetCompletionRoutine" -> {
			String r = ref(path(args.get(0), s), s);
			Token t = token(r, s);
			if (t == null || !t.reused() || t.status() != Status.LIVE) {
				error("IoSetCompletionRoutine without IoReuseIrp on a live IRP just before");
			} else {
				s.tokens().put(t.id(), new Token(t.id(), t.owned(), Status.ARMED, true, String.join("", args.get(1)),
						canonical(String.join("", args.get(2)), s)));
			}
			return List.of(s);
		}
		case "IoCancelIrp" -> {
			Token t = token(ref(path(args.get(0), s), s), s);
			if (t == null || t.status() == Status.FREED) {
				error("IoCancelIrp of an IRP that is NULL or freed");
			}
			return List.of(s);
		}
		case "KeWaitForSingleObject" -> {
			String event = canonical(String.join("", args.get(0)), s);
			for (Token t : List.copyOf(s.tokens().values())) {
				if (t.status() == Status.SUBMITTED_SYNC && event.equals(t.event())) {
					s.tokens().put(t.id(), new Token(t.id(), t.owned(), Status.LIVE, false, null, null));
				}
			}
			return List.of(s);
		}
		case "ExFreePoolWithTag" -> {
			String p = path(args.get(0), s);
			if (p != null) {
				s.bindings().keySet().removeIf(k -> k.startsWith(p + "->") || k.startsWith(p + "."));
			}
			return List.of(s);
		}
		default -> {
		}
		}
		if (provider) {
			if (!args.isEmpty()) {
				List<String> last = args.get(args.size() - 1);
				if (!last.equals(List.of("NULL"))) {
					submit(path(last, s), s, name);
				}
			}
			return List.of(s);
		}
		Function callee = functions.get(name);
		if (callee == null || routines.contains(name) || name.equals(allocator) || env.inlines(name)
				|| env.depth() >= maxDepth && !template(callee) || env.depth() > 16 || at >= 1 && (tokens.get(at - 1).equals("->") || tokens.get(at - 1).equals("."))) {
			return List.of(s); // opaque
		}
		return inline(callee, args, s, env);
	}

	/** A helper that itself handles IRPs (re-arm, submit, wait, free): always inlined. */
	private boolean template(Function f) {
		List<String> t = f.bodyTokens();
		for (int i = 0; i + 1 < t.size(); i++) {
			String x = t.get(i);
			if (x.equals("IoReuseIrp") || x.equals("IoSetCompletionRoutine") || x.equals("KeWaitForSingleObject")
					|| x.equals(freer) || x.equals(allocator) || x.equals("->") && t.get(i + 1).startsWith("Wsk")) {
				return true;
			}
		}
		return false;
	}

	private List<State> inline(Function callee, List<List<String>> args, State in, Env env) {
		String prefix = "f" + (++nextFrame) + "$";
		Env inner = new Env(callee, prefix, env);
		State s = in.copy();
		for (int k = 0; k < callee.params().size() && k < args.size(); k++) {
			Param p = callee.params().get(k);
			String value = path(args.get(k), s);
			List<String> stripped = stripCasts(args.get(k));
			if (p.irp()) {
				String r = value == null ? null : ref(value, s);
				if (r != null) {
					s.bindings().put(prefix + p.name(), r);
				}
			} else if (value != null) {
				s.aliases().put(prefix + p.name(),
						!stripped.isEmpty() && stripped.get(0).equals("&") ? "&" + value.replace("&", "") : value);
			}
		}
		Flow flow = exec(callee.body(), List.of(s), inner);
		List<State> out = new ArrayList<>();
		for (State x : flow.normal) {
			out.add(leave(x, prefix, null));
		}
		for (State x : flow.returns) {
			out.add(leave(x, prefix, x.returned()));
		}
		return dedupe(out);
	}

	/** Leaves an inlined frame: its locals die (checked for leaks), a returned object keeps its fields. */
	private State leave(State s, String prefix, String returned) {
		State t = new State(s.bindings(), s.tokens(), s.aliases(), returned);
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
			Token tok = token(e.getValue(), t);
			t.bindings().remove(e.getKey());
			if (tok != null && tok.owned() && !Objects.equals(returnedToken(returned), e.getValue())
					&& (tok.status() == Status.LIVE || tok.status() == Status.ARMED || tok.status() == Status.MAYBE)
					&& holders(t, tok.id()).isEmpty()) {
				error("allocated IRP held only by " + e.getKey().substring(prefix.length()) + " is lost when "
						+ "the function returns (leak)");
			}
		}
		t.aliases().keySet().removeIf(k -> k.startsWith(prefix));
		Set<String> used = new java.util.HashSet<>(t.bindings().values());
		t.tokens().values().removeIf(k -> !k.owned() && !used.contains("t" + k.id()));
		return t;
	}

	private static String returnedToken(String returned) {
		return returned != null && returned.startsWith("t") ? returned : null;
	}

	private void free(String path, State s) {
		String r = path == null ? null : ref(path, s);
		Token t = token(r, s);
		if (t == null) {
			error("frees a NULL IRP (" + path + ")");
			return;
		}
		switch (t.status()) {
		case FREED -> error("frees an IRP twice (" + path + ")");
		case SUBMITTED, SUBMITTED_SYNC -> error("frees an IRP that WSK still owns (" + path + ")");
		case MAYBE -> error("frees an IRP not checked against NULL (" + path + ")");
		case ARMED -> error("frees an IRP armed for a WSK call (" + path + ")");
		default -> s.tokens().put(t.id(), t.with(Status.FREED));
		}
	}

	private void submit(String path, State s, String call) {
		String r = path == null ? null : ref(path, s);
		Token t = token(r, s);
		if (t == null) {
			error(call + " gets a NULL IRP");
			return;
		}
		if (t.status() != Status.ARMED) {
			error(call + " gets an IRP that is " + t.status() + " (needs IoReuseIrp + IoSetCompletionRoutine)");
			return;
		}
		boolean sync = syncRoutines.contains(t.routine());
		s.tokens().put(t.id(), new Token(t.id(), t.owned(), sync ? Status.SUBMITTED_SYNC : Status.SUBMITTED, false,
				t.routine(), t.event()));
		counters.merge(call, 1, Integer::sum);
	}
}

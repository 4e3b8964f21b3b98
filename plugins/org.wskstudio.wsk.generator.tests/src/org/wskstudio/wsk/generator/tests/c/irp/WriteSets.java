package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.wskstudio.wsk.generator.tests.c.irp.CSource.Function;

/**
 * What a function of the file may write, as a summary for the calls the IRP check does not
 * follow ({@link OpaqueCalls}): the names of the fields and globals it assigns, or passes by
 * address ({@code &Connection->State}), in its own body or in any function of the file it
 * names (calls, or registers as a completion routine or callback), transitively. Names, not
 * paths: a write of {@code X->State} counts for the {@code State} field of every object, which
 * over-approximates every aliasing. A call through a pointer other than a WSK provider call
 * ({@code Rule->StartCheck(...)}, {@code Check(...)}) can run anything: the summary is then
 * {@link #ALL}.
 */
public final class WriteSets {

	/** The summary of a function that may write anything. */
	public static final Set<String> ALL = Set.of("*");

	private final Map<String, Function> functions;
	private final Map<String, Set<String>> summaries = new HashMap<>();

	public WriteSets(Map<String, Function> functions) {
		this.functions = functions;
	}

	/** The names {@code function} may write, or {@link #ALL}; empty for a function not of the file. */
	public Set<String> of(String function) {
		Set<String> cached = summaries.get(function);
		if (cached != null) {
			return cached;
		}
		Set<String> result = new TreeSet<>();
		collect(function, new HashSet<>(), result);
		Set<String> summary = result.contains("*") ? ALL : Set.copyOf(result);
		summaries.put(function, summary);
		return summary;
	}

	/** Whether {@code name} is a function of the file. */
	boolean isFunction(String name) {
		return functions.containsKey(name);
	}

	/** Whether a summary covers the binding {@code key} (an access path): its last name was written. */
	public static boolean covers(Set<String> summary, String key) {
		return summary == ALL || summary.contains(lastName(key));
	}

	private void collect(String name, Set<String> seen, Set<String> out) {
		Function f = functions.get(name);
		if (f == null || !seen.add(name)) {
			return;
		}
		List<String> t = f.bodyTokens();
		for (int i = 0; i < t.size(); i++) {
			String x = t.get(i);
			boolean call = i + 1 < t.size() && t.get(i + 1).equals("(") && CSource.isIdentifier(x);
			boolean member = i > 0 && (t.get(i - 1).equals("->") || t.get(i - 1).equals("."));
			if (call && (member && !x.startsWith("Wsk") || !member && isVariable(f, x))) {
				out.add("*");
				return;
			}
			if (functions.containsKey(x) && !member) {
				collect(x, seen, out);
			} else if (isWrite(x)) {
				addTarget(f, t, indexBefore(t, i), out);
			} else if (x.equals("&")) {
				addTarget(f, t, pathEnd(t, i + 1), out);
			}
		}
	}

	/** The written name at {@code j}, unless it is a local or parameter (not a field of one). */
	private static void addTarget(Function f, List<String> t, int j, Set<String> out) {
		if (j >= 0 && (isMemberAt(t, j) || !isVariable(f, t.get(j)))) {
			out.add(t.get(j));
		}
	}

	private static boolean isWrite(String x) {
		return x.equals("=") || x.equals("+=") || x.equals("-=") || x.equals("|=") || x.equals("&=");
	}

	private static boolean isVariable(Function f, String x) {
		return f.locals().contains(x) || f.params().stream().anyMatch(p -> x.equals(p.name()));
	}

	/** The index of the identifier that ends the lvalue before {@code op} (skipping an index), or -1. */
	private static int indexBefore(List<String> t, int op) {
		int j = op - 1;
		while (j >= 0 && t.get(j).equals("]")) {
			int depth = 0;
			for (; j >= 0; j--) {
				if (t.get(j).equals("]")) {
					depth++;
				} else if (t.get(j).equals("[") && --depth == 0) {
					break;
				}
			}
			j--;
		}
		return j >= 0 && CSource.isIdentifier(t.get(j)) ? j : -1;
	}

	/** Whether the identifier at {@code j} is a member name ({@code ->x}, {@code .x}). */
	private static boolean isMemberAt(List<String> t, int j) {
		return j > 0 && (t.get(j - 1).equals("->") || t.get(j - 1).equals("."));
	}

	/** The index of the last identifier of the access path starting at {@code from}, or -1. */
	private static int pathEnd(List<String> t, int from) {
		int j = from;
		if (j >= t.size() || !CSource.isIdentifier(t.get(j))) {
			return -1;
		}
		int last = j;
		j++;
		while (j < t.size()) {
			if (t.get(j).equals("[")) {
				j = CSource.matching(t, j, "[", "]") + 1;
			} else if ((t.get(j).equals("->") || t.get(j).equals(".")) && j + 1 < t.size()
					&& CSource.isIdentifier(t.get(j + 1))) {
				last = j + 1;
				j += 2;
			} else {
				break;
			}
		}
		return last;
	}

	/** The last name of an access path: {@code Listener->Pending[f1$Index].State} gives State. */
	static String lastName(String key) {
		String k = key.replaceAll("\\[[^\\]]*\\]", "");
		int arrow = k.lastIndexOf("->");
		int cut = Math.max(arrow < 0 ? 0 : arrow + 2, k.lastIndexOf('.') + 1);
		return k.substring(cut);
	}
}

package org.wskstudio.wsk.generator.c;

import java.util.List;
import java.util.StringJoiner;

import org.wskstudio.wsk.generator.common.RuleClassifier;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.IpAddresses;

/**
 * A listener's compiled classifier as const tables, after its rule table: the IPv4 and IPv6
 * intervals (first address, where the interval's candidates begin, how many; the IPv4 starts
 * are numbers in an array of their own, so that the search reads 4 bytes a step and compares
 * integers), the candidate
 * rule indices, the candidates for a peer of unknown family, and the PFX_CLASSIFIER that ties
 * them to the rules. Each interval is one line, its candidates and their model lines in a trailing comment.
 * Pfx_Evaluate searches them (section 6).
 */
final class ClassifierTables {

	private static final int PER_LINE = 16;

	private final CNaming n;

	ClassifierTables(CNaming naming) {
		this.n = naming;
	}

	void emit(CodeWriter w, WskListener l) {
		RuleClassifier c = RuleClassifier.of(l);
		int[] candidates = c.candidates();
		w.comment(CTrace.from(l) + ": the rules above compiled into disjoint remote-address intervals per family,"
				+ " each with the rules left to test there in model order (first match over them is first match"
				+ " over the whole table).");
		starts(w, l, c.ipv4());
		intervals(w, l, "Ipv4Intervals", c.ipv4(), candidates);
		intervals(w, l, "Ipv6Intervals", c.ipv6(), candidates);
		w.comment("the intervals' candidates, as indices into " + n.listenerGlobal(l, "Rules"));
		indices(w, n.expand("static const ULONG PfxLsnCandidates[] = {", l), candidates);
		int[] any = c.anyFamily();
		w.comment("candidates for a peer of unknown family: " + names(l, any, 0, any.length));
		indices(w, n.expand("static const ULONG PfxLsnAnyFamily[] = {", l), any);
		w.lines(n.expand("""
				static const PFX_CLASSIFIER PfxLsnClassifier = {
				    PfxLsnRules,
				    PfxLsnIpv4Starts, PfxLsnIpv4Intervals, RTL_NUMBER_OF(PfxLsnIpv4Intervals),
				    PfxLsnIpv6Intervals, RTL_NUMBER_OF(PfxLsnIpv6Intervals),
				    PfxLsnCandidates,
				    PfxLsnAnyFamily, RTL_NUMBER_OF(PfxLsnAnyFamily)
				};

				""", l));
	}

	private void intervals(CodeWriter w, WskListener l, String thing, RuleClassifier.Table t, int[] candidates) {
		boolean v4 = t.addressBytes() == 4;
		w.line("static const " + n.expand(v4 ? "PFX_INTERVAL4" : "PFX_INTERVAL") + " " + n.listenerGlobal(l, thing)
				+ "[] = {");
		w.indent();
		for (int i = 0; i < t.size(); i++) {
			byte[] start = t.start(i);
			String address = IpAddresses.format(start);
			StringBuilder row = new StringBuilder(96).append("{ ");
			if (!v4) {
				row.append(CLiterals.bytes(start)).append(", ");
			}
			row.append(t.listStart(i)).append(", ").append(t.listLength(i)).append(" }, /* ")
					.append(v4 ? address : "[" + address + "]").append(" and up: ");
			names(row, l, candidates, t.listStart(i), t.listStart(i) + t.listLength(i));
			w.line(row.append(" */").toString());
		}
		w.dedent();
		w.line("};");
	}

	/** The IPv4 intervals' first addresses as numbers, apart: the search reads 4 bytes a step. */
	private void starts(CodeWriter w, WskListener l, RuleClassifier.Table t) {
		w.comment("the first address of each of the IPv4 intervals below, as a number (host order)");
		w.line("static const ULONG " + n.listenerGlobal(l, "Ipv4Starts") + "[] = {");
		w.indent();
		for (int i = 0; i < t.size(); i += 8) {
			StringJoiner line = new StringJoiner(", ", "", ",");
			for (int k = i; k < Math.min(t.size(), i + 8); k++) {
				line.add(hex(t.start(k)));
			}
			w.line(line.toString());
		}
		w.dedent();
		w.line("};");
	}

	/** An IPv4 address as a C constant in host order, e.g. {@code 0x0B000000U}. */
	private static String hex(byte[] address) {
		String digits = Integer.toHexString(java.nio.ByteBuffer.wrap(address).getInt()).toUpperCase(java.util.Locale.ROOT);
		return "0x" + "0".repeat(8 - digits.length()) + digits + "U";
	}

	private static void indices(CodeWriter w, String declaration, int[] values) {
		w.line(declaration);
		w.indent();
		for (int i = 0; i < values.length; i += PER_LINE) {
			StringJoiner line = new StringJoiner(", ", "", ",");
			for (int k = i; k < Math.min(values.length, i + PER_LINE); k++) {
				line.add(Integer.toString(values[k]));
			}
			w.line(line.toString());
		}
		w.dedent();
		w.line("};");
	}

	/** The candidates' model elements, e.g. {@code rule 2 (x.wskl:15), default}; "no rule" when none. */
	private static String names(WskListener l, int[] list, int from, int to) {
		return names(new StringBuilder(), l, list, from, to).toString();
	}

	private static StringBuilder names(StringBuilder out, WskListener l, int[] list, int from, int to) {
		if (from == to) {
			return out.append("no rule (reject)");
		}
		List<InspectRule> rules = l.getInspectRules();
		for (int k = from; k < to; k++) {
			if (k > from) {
				out.append(", ");
			}
			int r = list[k];
			out.append(r < rules.size() ? CTrace.of(rules.get(r)) : "default");
		}
		return out;
	}
}

package org.wskstudio.wsk.generator.java;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ModelTrace;
import org.wskstudio.wsk.generator.common.ModelWords;
import org.wskstudio.wsk.generator.common.RuleClassifier;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskListener;

/**
 * A listener's rule table and compiled classifier ({@link RuleClassifier}) as data, the twin of
 * the C's const tables ({@code c/ClassifierTables}) under the same names: {@code PfxLsnRules},
 * {@code PfxLsnIpv4Starts}, {@code PfxLsnIpv4Intervals}, {@code PfxLsnIpv6Intervals}, {@code PfxLsnCandidates},
 * {@code PfxLsnAnyFamily} and {@code PfxLsnClassifier}. Each table is written as rows of text,
 * one per line, in text blocks cut below a class file's 65,535-byte limit of a string constant,
 * and read once when the driver is created ({@code Pfx_Read...}, section 6). Code per rule would
 * hit the class file's limits (constant pool, 64 KiB per method) at a few thousand rules; data
 * has no limit on the rule count.
 */
final class ClassifierTables {

	/** Bytes (modified UTF-8, as the class file counts them) per text block: under 65,535. */
	static final int BLOCK_BYTES = 60_000;

	private static final int PER_LINE = 16;

	private final JavaNaming n;

	ClassifierTables(JavaNaming naming) {
		this.n = naming;
	}

	private String x(String template, WskListener l) {
		return n.expand(template, l);
	}

	/** Section 6's readers of the tables' rows. */
	void emitReaders(JavaWriter w) {
		w.doc("Reading the rule tables and classifiers of section 9, once, when the driver is created: every table"
				+ " is rows of text, one per line, split over text blocks (a string constant holds at most 65,535"
				+ " bytes).");
		w.lines(n.expand("""
				private static List<String> Pfx_TableRows(String... Blocks) {
				    List<String> Rows = new ArrayList<>();
				    for (String Block : Blocks) {
				        Block.lines().forEach(Rows::add);
				    }
				    return Rows;
				}

				private static byte[] Pfx_ReadHex(String Hex) {
				    byte[] Bytes = new byte[Hex.length() / 2];
				    for (int Index = 0; Index < Bytes.length; Index++) {
				        Bytes[Index] = (byte) Integer.parseInt(Hex, 2 * Index, 2 * Index + 2, 16);
				    }
				    return Bytes;
				}

				/** Rows "start first count": the interval's first address in hex, its candidates. */
				private static Interval[] Pfx_ReadIntervals(String... Blocks) {
				    List<String> Rows = Pfx_TableRows(Blocks);
				    Interval[] Intervals = new Interval[Rows.size()];
				    for (int Index = 0; Index < Intervals.length; Index++) {
				        String[] Fields = Rows.get(Index).split(" ");
				        Intervals[Index] = new Interval(Pfx_ReadHex(Fields[0]), Integer.parseInt(Fields[1]),
				                Integer.parseInt(Fields[2]));
				    }
				    return Intervals;
				}

				/** IPv4 addresses as 8 hex digits each, separated by blanks and line ends. */
				private static int[] Pfx_ReadIpv4Starts(String... Blocks) {
				    return Pfx_TableRows(Blocks).stream().flatMap(Row -> Arrays.stream(Row.split(" ")))
				            .filter(Field -> !Field.isEmpty()).mapToInt(Field -> Integer.parseUnsignedInt(Field, 16)).toArray();
				}

				/** Rows "first count" of IPv4 intervals (their starts are read apart). */
				private static Interval4[] Pfx_ReadIpv4Intervals(String... Blocks) {
				    List<String> Rows = Pfx_TableRows(Blocks);
				    Interval4[] Intervals = new Interval4[Rows.size()];
				    for (int Index = 0; Index < Intervals.length; Index++) {
				        String[] Fields = Rows.get(Index).split(" ");
				        Intervals[Index] = new Interval4(Integer.parseInt(Fields[0]), Integer.parseInt(Fields[1]));
				    }
				    return Intervals;
				}

				/** Rule indices, separated by blanks and line ends. */
				private static int[] Pfx_ReadIndices(String... Blocks) {
				    return Pfx_TableRows(Blocks).stream().flatMap(Row -> Arrays.stream(Row.split(" ")))
				            .filter(Field -> !Field.isEmpty()).mapToInt(Integer::parseInt).toArray();
				}

				/** "any" or "ipv4/hex/length" / "ipv6/hex/length", and the ports "first-last". */
				private static Match Pfx_ReadMatch(String Address, String Ports) {
				    int Dash = Ports.indexOf('-');
				    int PortFirst = Integer.parseInt(Ports, 0, Dash, 10);
				    int PortLast = Integer.parseInt(Ports, Dash + 1, Ports.length(), 10);
				    if (Address.equals("any")) {
				        return PortFirst == 0 && PortLast == 65535 ? PFX_MATCH_ANY
				                : new Match(PFX_ADDRESS_ANY, new byte[0], 0, PortFirst, PortLast);
				    }
				    String[] Parts = Address.split("/");
				    return new Match(Parts[0].equals("ipv6") ? PFX_ADDRESS_IPV6 : PFX_ADDRESS_IPV4, Pfx_ReadHex(Parts[1]),
				            Integer.parseInt(Parts[2]), PortFirst, PortLast);
				}

				private static WskInspectAction Pfx_ReadAction(String Word) {
				    switch (Word) {
				    case "accept":
				        return WskInspectAccept;
				    case "reject":
				        return WskInspectReject;
				    case "pend":
				        return WskInspectPend;
				    default:
				        throw new IllegalArgumentException("rule table: no action " + Word);
				    }
				}

				/**
				 * Rows "action remote ports local ports origin"; a pend's action is "pend/else/timeout-ms/check",
				 * its hook found by the check's name (Hooks).
				 */
				private static Rule[] Pfx_ReadRules(java.util.function.Function<String, CheckStart> Hooks, String... Blocks) {
				    List<String> Rows = Pfx_TableRows(Blocks);
				    Rule[] Rules = new Rule[Rows.size()];
				    for (int Index = 0; Index < Rules.length; Index++) {
				        String[] Fields = Rows.get(Index).split(" ", 6);
				        String[] Action = Fields[0].split("/");
				        Match Remote = Pfx_ReadMatch(Fields[1], Fields[2]);
				        Match Local = Pfx_ReadMatch(Fields[3], Fields[4]);
				        if (Action.length == 4) {
				            Rules[Index] = new Rule(Fields[5], Remote, Local, Pfx_ReadAction(Action[0]),
				                    Pfx_ReadAction(Action[1]), Integer.parseInt(Action[2]), Action[3], Hooks.apply(Action[3]));
				        } else {
				            Rules[Index] = new Rule(Fields[5], Remote, Local, Pfx_ReadAction(Action[0]), null, 0, null, null);
				        }
				    }
				    return Rules;
				}
				"""));
	}

	// ---- the rule table ------------------------------------------------------------------

	/** Section 9: the rule table in model order, the default last, and the deferred checks' hooks by name. */
	void emitRules(JavaWriter w, WskListener l) {
		w.doc(JavaLiterals.from(l) + ": the inspect rules in model order, first match wins; the last entry is the"
				+ " listener's default, read once per class with the pend rules' hooks. One row per rule: action (a pend: pend/else-action/timeout-ms/check),"
				+ " remote address (any, or family/network in hex/prefix length) and ports, local address and"
				+ " ports, the model element.");
		List<String> rows = new ArrayList<>();
		for (InspectRule r : l.getInspectRules()) {
			rows.add(action(r) + " " + match(r.getRemote()) + " " + match(r.getLocal()) + " " + ModelTrace.origin(r));
		}
		rows.add(ModelWords.actionWord(l.getDefaultAction()) + " any 0-65535 any 0-65535 default of "
				+ ModelTrace.origin(l));
		List<DeferredCheck> checks = DriverFacts.checks(l);
		String hooks = checks.isEmpty() ? "Check -> null" : n.className() + "::" + x("PfxLsn_CheckHook", l);
		textBlocks(w, x("static final Rule[] PfxLsnRules = Pfx_ReadRules(", l) + hooks + ",", rows, ");");
		w.doc("the table's load-time check (" + n.function("ValidateRules") + "): the table is a constant, so it is"
				+ " made once, when the class loads, and DriverEntry takes its answer (the C checks its const table"
				+ " at each DriverEntry; the answer cannot differ)");
		w.line(x("static final int PfxLsnRulesStatus = Pfx_ValidateRules(PfxLsnRules);", l));
		w.blank();
		if (!checks.isEmpty()) {
			w.doc(JavaLiterals.from(l) + ": the hook that starts a deferred check, by the check's name in the rule"
					+ " table.");
			w.line(x("private static CheckStart PfxLsn_CheckHook(String Check) {", l));
			w.indent();
			w.line("switch (Check) {");
			for (DeferredCheck c : checks) {
				w.line("case " + JavaLiterals.string(c.getName()) + ":");
				w.line("    return " + n.className() + "::" + n.checkStart(l, c) + ";");
			}
			w.line("default:");
			w.line("    return null;");
			w.line("}");
			w.dedent();
			w.line("}");
			w.blank();
		}
	}

	private static String action(InspectRule r) {
		String word = ModelWords.actionWord(r.getAction());
		if (r.getAction() != InspectAction.PEND) {
			return word;
		}
		return word + "/" + ModelWords.actionWord(r.getTimeoutAction()) + "/" + r.getTimeoutMillis() + "/"
				+ r.getCheck().getName();
	}

	private static String match(AddressMatch m) {
		if (m == null) {
			return "any 0-65535";
		}
		String ports = m.getPortLow() + "-" + m.getPortHigh();
		if (m.isAnyAddress()) {
			return "any " + ports;
		}
		return (m.getFamily() == AddressFamily.INET6 ? "ipv6/" : "ipv4/") + HexFormat.of().formatHex(m.getNetwork())
				+ "/" + m.getPrefixLength() + " " + ports;
	}

	// ---- the classifier --------------------------------------------------------------------

	/** Section 9: the classifier of the rule table, after it. */
	void emit(JavaWriter w, WskListener l) {
		RuleClassifier c = RuleClassifier.of(l);
		w.doc(JavaLiterals.from(l) + ": the rules above compiled into disjoint remote-address intervals per family,"
				+ " each with the rules left to test there in model order (first match over them is first match over"
				+ " the whole table). The IPv4 intervals' first addresses apart (hex, the search reads only them);"
				+ " interval rows: the first address (hex, IPv6 only), where its candidates begin in "
				+ x("PfxLsnCandidates", l) + ", how many.");
		textBlocks(w, x("static final int[] PfxLsnIpv4Starts = Pfx_ReadIpv4Starts(", l), ipv4Starts(c.ipv4()), ");");
		intervals(w, x("static final Interval4[] PfxLsnIpv4Intervals = Pfx_ReadIpv4Intervals(", l), c.ipv4());
		intervals(w, x("static final Interval[] PfxLsnIpv6Intervals = Pfx_ReadIntervals(", l), c.ipv6());
		w.doc("the intervals' candidates, as indices into " + x("PfxLsnRules", l));
		textBlocks(w, x("static final int[] PfxLsnCandidates = Pfx_ReadIndices(", l), indexRows(c.candidates()), ");");
		w.doc("candidates for a peer of unknown family (rules with remote any)");
		textBlocks(w, x("static final int[] PfxLsnAnyFamily = Pfx_ReadIndices(", l), indexRows(c.anyFamily()), ");");
		w.line(x("static final Classifier PfxLsnClassifier = new Classifier(PfxLsnRules, PfxLsnIpv4Starts,", l));
		w.line(x("        PfxLsnIpv4Intervals, PfxLsnIpv6Intervals, PfxLsnCandidates, PfxLsnAnyFamily);", l));
		w.blank();
	}

	/** Rows "start first count" (IPv6) or "first count" (IPv4, whose starts are apart). */
	private static void intervals(JavaWriter w, String declaration, RuleClassifier.Table t) {
		List<String> rows = new ArrayList<>(t.size());
		HexFormat hex = HexFormat.of();
		for (int i = 0; i < t.size(); i++) {
			rows.add((t.addressBytes() == 4 ? "" : hex.formatHex(t.start(i)) + " ") + t.listStart(i) + " "
					+ t.listLength(i));
		}
		textBlocks(w, declaration, rows, ");");
	}

	/** The IPv4 intervals' first addresses, 8 hex digits each, 8 a row. */
	private static List<String> ipv4Starts(RuleClassifier.Table t) {
		List<String> rows = new ArrayList<>();
		HexFormat hex = HexFormat.of();
		for (int i = 0; i < t.size(); i += PER_LINE / 2) {
			StringJoiner row = new StringJoiner(" ");
			for (int k = i; k < Math.min(t.size(), i + PER_LINE / 2); k++) {
				row.add(hex.formatHex(t.start(k)));
			}
			rows.add(row.toString());
		}
		return rows;
	}

	private static List<String> indexRows(int[] values) {
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < values.length; i += PER_LINE) {
			StringJoiner row = new StringJoiner(" ");
			for (int k = i; k < Math.min(values.length, i + PER_LINE); k++) {
				row.add(Integer.toString(values[k]));
			}
			rows.add(row.toString());
		}
		return rows;
	}

	// ---- text blocks -------------------------------------------------------------------------

	/**
	 * {@code head} then the rows as text blocks of at most {@link #BLOCK_BYTES} each (an empty
	 * table: one empty string), separated by commas, then {@code tail}.
	 */
	static void textBlocks(JavaWriter w, String head, List<String> rows, String tail) {
		w.line(head);
		w.indent();
		if (rows.isEmpty()) {
			w.line("\"\"" + tail);
		}
		int i = 0;
		while (i < rows.size()) {
			w.line("\"\"\"");
			int bytes = 0;
			do {
				String row = escaped(rows.get(i));
				bytes += modifiedUtf8Length(row) + 1;
				w.line(row);
				i++;
			} while (i < rows.size() && bytes + modifiedUtf8Length(escaped(rows.get(i))) + 1 <= BLOCK_BYTES);
			w.line("\"\"\"" + (i < rows.size() ? "," : tail));
		}
		w.dedent();
	}

	/** A row as text block content: backslashes and quotes escaped, a trailing blank kept. */
	private static String escaped(String row) {
		String s = row.replace("\\", "\\\\").replace("\"", "\\\"");
		if (s.endsWith(" ")) {
			s = s.substring(0, s.length() - 1) + "\\s";
		}
		return s;
	}

	/** What a string constant's length is in the class file: modified UTF-8. */
	static int modifiedUtf8Length(String s) {
		int bytes = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
		}
		return bytes;
	}
}

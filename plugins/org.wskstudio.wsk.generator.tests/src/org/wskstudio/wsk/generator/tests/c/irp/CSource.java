package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small parser for the C the generator emits: enough to find every function definition
 * and turn its body into statements (blocks, if/else, loops, switch, return, expression
 * statements). Comments and preprocessor lines are dropped; expressions stay token lists.
 * It is not a C parser in general; it relies on the generator's regular layout and fails
 * loudly on anything it does not understand.
 */
public final class CSource {

	sealed interface Stmt permits Block, If, Loop, Switch, Label, Return, Jump, Expr {
	}

	record Block(List<Stmt> statements) implements Stmt {
	}

	record If(List<String> condition, Stmt then, Stmt otherwise) implements Stmt {
	}

	/** for / while / do-while; {@code condition} empty means "forever". */
	record Loop(List<String> init, List<String> condition, List<String> step, Stmt body, boolean doWhile)
			implements Stmt {
	}

	record Switch(List<String> expression, Block body) implements Stmt {
	}

	record Label(List<String> value) implements Stmt {
	}

	record Return(List<String> expression) implements Stmt {
	}

	record Jump(boolean isBreak) implements Stmt {
	}

	record Expr(List<String> tokens) implements Stmt {
	}

	record Param(String name, boolean irp) {
	}

	public record Function(String name, List<Param> params, Block body, Set<String> locals, Set<String> irpLocals,
			List<String> bodyTokens) {
	}

	private CSource() {
	}

	// ---- tokens ------------------------------------------------------------------------

	private static final String[] OPERATORS = { "->", "==", "!=", "&&", "||", "<=", ">=", "++", "--", "+=", "-=",
			"<<", ">>", "|=", "&=" };

	static List<String> tokenize(String source) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		int n = source.length();
		boolean lineStart = true;
		while (i < n) {
			char c = source.charAt(i);
			if (c == '\n') {
				lineStart = true;
				i++;
				continue;
			}
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			if (lineStart && c == '#') { // preprocessor line, with continuations
				while (i < n && source.charAt(i) != '\n') {
					if (source.charAt(i) == '\\' && i + 1 < n && source.charAt(i + 1) == '\n') {
						i++;
					}
					i++;
				}
				continue;
			}
			lineStart = false;
			if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
				continue;
			}
			if (source.startsWith("//", i)) {
				while (i < n && source.charAt(i) != '\n') {
					i++;
				}
				continue;
			}
			if (c == '"' || c == '\'') {
				int j = i + 1;
				while (j < n && source.charAt(j) != c) {
					j += source.charAt(j) == '\\' ? 2 : 1;
				}
				tokens.add(source.substring(i, Math.min(n, j + 1)));
				i = j + 1;
				continue;
			}
			if (Character.isLetterOrDigit(c) || c == '_') {
				int j = i;
				while (j < n && (Character.isLetterOrDigit(source.charAt(j)) || source.charAt(j) == '_')) {
					j++;
				}
				tokens.add(source.substring(i, j));
				i = j;
				continue;
			}
			String op = null;
			for (String o : OPERATORS) {
				if (source.startsWith(o, i)) {
					op = o;
					break;
				}
			}
			tokens.add(op != null ? op : String.valueOf(c));
			i += op != null ? op.length() : 1;
		}
		return tokens;
	}

	// ---- functions ---------------------------------------------------------------------

	/** Every function definition of a translation unit, by name, in source order. */
	public static Map<String, Function> functions(String source) {
		List<String> t = tokenize(source);
		Map<String, Function> result = new LinkedHashMap<>();
		int depth = 0;
		int statementStart = 0;
		for (int i = 0; i < t.size(); i++) {
			String tok = t.get(i);
			if (depth == 0 && tok.equals("{")) {
				int close = matching(t, i, "{", "}");
				boolean initializer = t.subList(statementStart, i).contains("=");
				if (!initializer && i > 0 && t.get(i - 1).equals(")")) {
					int open = matchingBackward(t, i - 1);
					String name = t.get(open - 1);
					List<Param> params = params(t.subList(open + 1, i - 1));
					List<String> body = t.subList(i + 1, close);
					Parser p = new Parser(body);
					Block block = p.block();
					result.put(name, new Function(name, params, block, p.locals, p.irpLocals, List.copyOf(body)));
				}
				i = close;
				statementStart = i + 1;
				continue;
			}
			if (depth == 0 && tok.equals(";")) {
				statementStart = i + 1;
			}
		}
		return result;
	}

	private static List<Param> params(List<String> tokens) {
		List<Param> params = new ArrayList<>();
		if (tokens.size() == 1 && tokens.get(0).equals("VOID")) {
			return params;
		}
		for (List<String> part : splitTopLevel(tokens, ",")) {
			String name = null;
			for (String s : part) {
				if (isIdentifier(s)) {
					name = s;
				}
			}
			params.add(new Param(name, part.contains("PIRP")));
		}
		return params;
	}

	static int matching(List<String> t, int open, String o, String c) {
		int depth = 0;
		for (int i = open; i < t.size(); i++) {
			if (t.get(i).equals(o)) {
				depth++;
			} else if (t.get(i).equals(c) && --depth == 0) {
				return i;
			}
		}
		throw new IllegalArgumentException("unbalanced " + o + " at token " + open);
	}

	private static int matchingBackward(List<String> t, int close) {
		int depth = 0;
		for (int i = close; i >= 0; i--) {
			if (t.get(i).equals(")")) {
				depth++;
			} else if (t.get(i).equals("(") && --depth == 0) {
				return i;
			}
		}
		throw new IllegalArgumentException("unbalanced ) at token " + close);
	}

	static boolean isIdentifier(String s) {
		return !s.isEmpty() && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_');
	}

	/** Splits on a separator outside parentheses, brackets and braces. */
	static List<List<String>> splitTopLevel(List<String> tokens, String separator) {
		List<List<String>> parts = new ArrayList<>();
		List<String> current = new ArrayList<>();
		int depth = 0;
		for (String s : tokens) {
			if (s.equals("(") || s.equals("[") || s.equals("{")) {
				depth++;
			} else if (s.equals(")") || s.equals("]") || s.equals("}")) {
				depth--;
			}
			if (depth == 0 && s.equals(separator)) {
				parts.add(current);
				current = new ArrayList<>();
			} else {
				current.add(s);
			}
		}
		parts.add(current);
		return parts;
	}

	// ---- statements --------------------------------------------------------------------

	private static final class Parser {
		private final List<String> t;
		private int i;
		final Set<String> locals = new LinkedHashSet<>();
		final Set<String> irpLocals = new LinkedHashSet<>();

		Parser(List<String> tokens) {
			this.t = tokens;
		}

		Block block() {
			List<Stmt> list = new ArrayList<>();
			while (i < t.size()) {
				list.add(statement());
			}
			return new Block(list);
		}

		private String peek() {
			return t.get(i);
		}

		private void expect(String s) {
			if (!t.get(i).equals(s)) {
				throw new IllegalArgumentException("expected " + s + " at " + context());
			}
			i++;
		}

		private String context() {
			return String.join(" ", t.subList(Math.max(0, i - 8), Math.min(t.size(), i + 8)));
		}

		private List<String> parenthesized() {
			int close = matching(t, i, "(", ")");
			List<String> inner = List.copyOf(t.subList(i + 1, close));
			i = close + 1;
			return inner;
		}

		Stmt statement() {
			String s = peek();
			switch (s) {
			case "{" -> {
				int close = matching(t, i, "{", "}");
				Parser inner = new Parser(t.subList(i + 1, close));
				Block b = inner.block();
				locals.addAll(inner.locals);
				irpLocals.addAll(inner.irpLocals);
				i = close + 1;
				return b;
			}
			case "if" -> {
				i++;
				List<String> c = parenthesized();
				Stmt then = statement();
				Stmt otherwise = null;
				if (i < t.size() && peek().equals("else")) {
					i++;
					otherwise = statement();
				}
				return new If(c, then, otherwise);
			}
			case "for" -> {
				i++;
				List<List<String>> parts = splitTopLevel(parenthesized(), ";");
				return new Loop(parts.get(0), parts.get(1), parts.get(2), statement(), false);
			}
			case "while" -> {
				i++;
				List<String> c = parenthesized();
				return new Loop(List.of(), c, List.of(), statement(), false);
			}
			case "do" -> {
				i++;
				Stmt body = statement();
				expect("while");
				List<String> c = parenthesized();
				expect(";");
				return new Loop(List.of(), c, List.of(), body, true);
			}
			case "switch" -> {
				i++;
				List<String> e = parenthesized();
				Stmt body = statement();
				return new Switch(e, body instanceof Block b ? b : new Block(List.of(body)));
			}
			case "case", "default" -> {
				int start = ++i;
				while (!peek().equals(":")) {
					i++;
				}
				List<String> value = List.copyOf(t.subList(start, i));
				i++;
				return new Label(value);
			}
			case "return" -> {
				int start = ++i;
				int end = endOfStatement();
				i = end + 1;
				return new Return(List.copyOf(t.subList(start, end)));
			}
			case "break", "continue" -> {
				i++;
				expect(";");
				return new Jump(s.equals("break"));
			}
			default -> {
				int start = i;
				int end = endOfStatement();
				List<String> tokens = List.copyOf(t.subList(start, end));
				i = end + 1;
				declaration(tokens);
				return new Expr(tokens);
			}
			}
		}

		private int endOfStatement() {
			int depth = 0;
			for (int j = i; j < t.size(); j++) {
				String s = t.get(j);
				if (s.equals("(") || s.equals("[") || s.equals("{")) {
					depth++;
				} else if (s.equals(")") || s.equals("]") || s.equals("}")) {
					depth--;
				} else if (s.equals(";") && depth == 0) {
					return j;
				}
			}
			throw new IllegalArgumentException("no ; after " + context());
		}

		/** {@code TYPE [*]Name [= ...]} and {@code static const TYPE Name[..] = ...}: records the local. */
		private void declaration(List<String> tokens) {
			if (tokens.size() < 2 || !isIdentifier(tokens.get(0))) {
				return;
			}
			String second = tokens.get(1);
			if (!(isIdentifier(second) || second.equals("*"))) {
				return;
			}
			int end = tokens.indexOf("=");
			List<String> head = end < 0 ? tokens : tokens.subList(0, end);
			int bracket = head.indexOf("[");
			if (bracket >= 0) {
				head = head.subList(0, bracket);
			}
			String name = head.get(head.size() - 1);
			if (isIdentifier(name)) {
				locals.add(name);
				if (head.get(0).equals("PIRP") && head.size() == 2) {
					irpLocals.add(name);
				}
			}
		}
	}
}

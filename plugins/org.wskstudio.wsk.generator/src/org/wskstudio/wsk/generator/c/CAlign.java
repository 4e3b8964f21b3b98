package org.wskstudio.wsk.generator.c;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column alignment of declaration blocks after the prefix is substituted (a prefix of any
 * length must give the same tidy columns): member and file-scope declarations get their
 * names in one column with pointer stars hanging left of it, and trailing comments in one
 * column; enumerators get their comments aligned. Lines that are not declarations are left
 * as they are.
 */
final class CAlign {

	/** {@code <indent><type> <stars><name>[<array>];  <comment>} */
	private static final Pattern DECLARATION = Pattern
			.compile("^(\\s*)(.+?)\\s+(\\**)([A-Za-z_]\\w*(?:\\[[^\\]]*\\])?;)\\s*(/\\*.*\\*/)?$");
	/** {@code <indent><Name> = <value>[,]  <comment>} */
	private static final Pattern ENUMERATOR = Pattern.compile("^(\\s+)([A-Za-z_]\\w* = \\w+,?)\\s*(/\\*.*\\*/)?$");

	private CAlign() {
	}

	/** Aligns the lines inside each brace-delimited body separately; other lines stay as they are. */
	static String braces(String text) {
		String[] lines = text.split("\n", -1);
		StringBuilder out = new StringBuilder();
		List<String> body = null;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (body != null && line.stripLeading().startsWith("}")) {
				out.append(block(String.join("\n", body))).append('\n');
				body = null;
			}
			if (body != null) {
				body.add(line);
				continue;
			}
			out.append(line);
			if (i + 1 < lines.length) {
				out.append('\n');
			}
			if (line.endsWith("{")) {
				body = new ArrayList<>();
			}
		}
		if (body != null) {
			out.append(block(String.join("\n", body)));
		}
		return out.toString();
	}

	/** Aligns every declaration and enumerator line of a block (all lines as one group). */
	static String block(String text) {
		String[] lines = text.split("\n", -1);
		List<Matcher> declarations = new ArrayList<>();
		int typeWidth = 0;
		int starWidth = 0;
		for (String line : lines) {
			Matcher m = DECLARATION.matcher(line);
			if (isDeclaration(line, m)) {
				typeWidth = Math.max(typeWidth, m.group(2).length());
				starWidth = Math.max(starWidth, m.group(3).length());
			}
		}
		int commentColumn = 0;
		String[] body = new String[lines.length];
		for (int i = 0; i < lines.length; i++) {
			Matcher d = DECLARATION.matcher(lines[i]);
			Matcher e = ENUMERATOR.matcher(lines[i]);
			if (isDeclaration(lines[i], d)) {
				body[i] = d.group(1) + pad(d.group(2), typeWidth + 1) + " ".repeat(starWidth - d.group(3).length())
						+ d.group(3) + d.group(4);
				declarations.add(d);
				if (d.group(5) != null) {
					commentColumn = Math.max(commentColumn, body[i].length() + 2);
				}
			} else if (e.matches()) {
				body[i] = e.group(1) + e.group(2);
				if (e.group(3) != null) {
					commentColumn = Math.max(commentColumn, body[i].length() + 2);
				}
			}
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			Matcher d = DECLARATION.matcher(lines[i]);
			Matcher e = ENUMERATOR.matcher(lines[i]);
			String comment = null;
			if (body[i] != null) {
				comment = isDeclaration(lines[i], d) ? d.group(5) : e.matches() ? e.group(3) : null;
			}
			String line = body[i] == null ? lines[i] : comment == null ? body[i] : pad(body[i], commentColumn) + comment;
			out.append(line);
			if (i + 1 < lines.length) {
				out.append('\n');
			}
		}
		return out.toString();
	}

	private static boolean isDeclaration(String line, Matcher m) {
		if (!m.matches()) {
			return false;
		}
		String type = m.group(2);
		return !type.startsWith("/*") && !type.startsWith("*") && !type.startsWith("return") && !type.contains("(")
				&& !type.contains("=") && !type.startsWith("#");
	}

	private static String pad(String s, int width) {
		return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
	}

	/**
	 * Re-indents continuation lines of calls and conditions to the column after the innermost
	 * open parenthesis, so that a prefix of any length keeps arguments aligned. A parenthesis
	 * that ends its line (hanging indent) leaves its continuation lines alone; comment lines,
	 * preprocessor lines, strings and character literals are ignored.
	 */
	static String continuations(String code) {
		StringBuilder out = new StringBuilder(code.length() + code.length() / 64);
		java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>(); // column after '(', -1 = hanging
		int from = 0;
		while (true) {
			int newline = code.indexOf('\n', from);
			String line = code.substring(from, newline < 0 ? code.length() : newline);
			String trimmed = line.strip();
			boolean comment = trimmed.startsWith("/*") || trimmed.startsWith("*") || trimmed.startsWith("#");
			if (!open.isEmpty() && !comment && !trimmed.isEmpty() && open.peek() >= 0) {
				line = " ".repeat(open.peek()) + trimmed;
			}
			if (!comment) {
				scan(line, open);
			}
			if (trimmed.isEmpty() || trimmed.endsWith(";") && open.isEmpty() || trimmed.endsWith("{")
					|| trimmed.equals("}")) {
				open.clear();
			}
			out.append(line);
			if (newline < 0) {
				return out.toString();
			}
			out.append('\n');
			from = newline + 1;
		}
	}

	private static void scan(String line, java.util.ArrayDeque<Integer> open) {
		int end = codeEnd(line);
		char quote = 0;
		for (int c = 0; c < end; c++) {
			char ch = line.charAt(c);
			if (quote != 0) {
				if (ch == '\\') {
					c++;
				} else if (ch == quote) {
					quote = 0;
				}
			} else if (ch == '"' || ch == '\'') {
				quote = ch;
			} else if (ch == '/' && c + 1 < end && line.charAt(c + 1) == '*') {
				int close = line.indexOf("*/", c + 2);
				if (close < 0) {
					return;
				}
				c = close + 1;
			} else if (ch == '(') {
				boolean hanging = isBlank(line, c + 1, end);
				open.push(hanging ? -1 : c + 1);
			} else if (ch == ')') {
				if (!open.isEmpty()) {
					open.pop();
				}
			}
		}
	}

	private static boolean isBlank(String line, int from, int to) {
		for (int c = from; c < to; c++) {
			if (!Character.isWhitespace(line.charAt(c))) {
				return false;
			}
		}
		return true;
	}

	/** The end of a line's code, before a trailing comment. */
	private static int codeEnd(String line) {
		int end = line.length();
		String stripped = line.stripTrailing();
		if (stripped.endsWith("*/")) {
			int start = stripped.lastIndexOf("/*");
			if (start >= 0) {
				end = start;
			}
		}
		return end;
	}
}

package org.wskstudio.wsk.generator.c;

/**
 * A small indenting text builder for C: four spaces per level, {@code \n} line ends, no
 * trailing blanks, at most one blank line in a row. Multi-line templates are re-indented at
 * the current level line by line, so a section can mix text blocks and computed lines.
 */
final class CodeWriter {

	private static final String INDENT = "    ";

	private final StringBuilder out = new StringBuilder();
	private int level;

	/** One line at the current indentation; an empty string gives a blank line. */
	CodeWriter line(String text) {
		if (text.isEmpty()) {
			return blank();
		}
		out.append(INDENT.repeat(level)).append(stripTrailing(text)).append('\n');
		return this;
	}

	/** A blank line, unless the text already ends with one or is empty. */
	CodeWriter blank() {
		int length = out.length();
		if (length > 0 && !(length >= 2 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n')) {
			out.append('\n');
		}
		return this;
	}

	/** Every line of a (multi-line) template at the current indentation. */
	CodeWriter lines(String template) {
		String text = template.endsWith("\n") ? template.substring(0, template.length() - 1) : template;
		for (String line : text.split("\n", -1)) {
			if (line.isBlank()) {
				out.append('\n');
			} else {
				out.append(INDENT.repeat(level)).append(stripTrailing(line)).append('\n');
			}
		}
		return this;
	}

	/** A template whose brace bodies are declaration blocks: aligned with {@link CAlign#braces}. */
	CodeWriter aligned(String template) {
		return lines(CAlign.braces(template));
	}

	/** A run of file-scope declarations, aligned as one block. */
	CodeWriter declarations(String template) {
		return lines(CAlign.block(template));
	}

	/**
	 * A long comment line inside a block comment: {@code first} then the text, wrapped at 80
	 * columns with continuation lines starting with {@code next}.
	 */
	CodeWriter wrapped(String first, String next, String text) {
		StringBuilder current = new StringBuilder(first);
		boolean empty = true;
		for (String word : text.split(" ")) {
			if (word.isEmpty()) {
				continue;
			}
			if (!empty && current.length() + 1 + word.length() > 80) {
				line(current.toString());
				current = new StringBuilder(next);
				empty = true;
			}
			if (!empty) {
				current.append(' ');
			}
			current.append(word);
			empty = false;
		}
		return line(current.toString());
	}

	/** A section rule: {@code /* ---- title ------- *}{@code /}, 76 columns wide (or just long enough). */
	CodeWriter section(String title) {
		String head = "/* ---- " + title + " ";
		return line(head + "-".repeat(Math.max(3, 73 - head.length())) + " */").blank();
	}

	CodeWriter indent() {
		level++;
		return this;
	}

	CodeWriter dedent() {
		if (level == 0) {
			throw new IllegalStateException("unbalanced dedent");
		}
		level--;
		return this;
	}

	/** {@code header {}, the body one level deeper, then {@code closing}. */
	CodeWriter block(String header, Runnable body, String closing) {
		line(header + " {");
		indent();
		body.run();
		dedent();
		return line(closing);
	}

	CodeWriter block(String header, Runnable body) {
		return block(header, body, "}");
	}

	/** A C comment: one line if it fits, else a boxed block wrapped at 78 columns. */
	CodeWriter comment(String text) {
		String oneLine = "/* " + text + " */";
		if (INDENT.length() * level + oneLine.length() <= 80 && !text.contains("\n")) {
			return line(oneLine);
		}
		int width = 76 - INDENT.length() * level;
		StringBuilder current = new StringBuilder("/*");
		boolean first = true;
		for (String paragraph : text.split("\n", -1)) {
			if (!first) {
				line(current.toString());
				current = new StringBuilder(" *");
			}
			first = false;
			for (String word : paragraph.split(" ")) {
				if (word.isEmpty()) {
					continue;
				}
				if (current.length() + 1 + word.length() > width && current.length() > 2) {
					line(current.toString());
					current = new StringBuilder(" *");
				}
				current.append(' ').append(word);
			}
		}
		if (current.length() + 3 > width + 3) {
			line(current.toString());
			return line(" */");
		}
		return line(current + " */");
	}

	int level() {
		return level;
	}

	@Override
	public String toString() {
		if (level != 0) {
			throw new IllegalStateException("unbalanced indent: " + level);
		}
		String text = out.toString();
		while (text.endsWith("\n\n")) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

	private static String stripTrailing(String s) {
		return s.stripTrailing();
	}
}

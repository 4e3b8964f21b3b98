package org.wskstudio.wsk.generator.c;

import org.wskstudio.wsk.generator.common.IndentingWriter;

/**
 * The C text builder: {@link IndentingWriter} plus C's comments (one line, or a boxed block
 * wrapped at 78 columns), section rules, brace blocks and aligned declaration blocks. Blank lines
 * inside a template are written as they stand.
 */
final class CodeWriter extends IndentingWriter<CodeWriter> {

	CodeWriter() {
		super(true);
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
		return wrap(first, next, text, 80);
	}

	/** A section rule: {@code /* ---- title ------- *}{@code /}, 76 columns wide (or just long enough). */
	CodeWriter section(String title) {
		String head = "/* ---- " + title + " ";
		return line(head + "-".repeat(Math.max(3, 73 - head.length())) + " */").blank();
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
		if (indentation() + oneLine.length() <= 80 && !text.contains("\n")) {
			return line(oneLine);
		}
		int width = 76 - indentation();
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
}

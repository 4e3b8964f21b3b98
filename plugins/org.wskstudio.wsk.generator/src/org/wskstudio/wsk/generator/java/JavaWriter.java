package org.wskstudio.wsk.generator.java;

import org.wskstudio.wsk.generator.common.IndentingWriter;

/**
 * The Java text builder: {@link IndentingWriter} plus Java's line comments and Javadoc, wrapped at
 * 100 columns, and section rules. Blank lines inside a template are folded like
 * {@link #blank}: at most one blank line in a row anywhere.
 */
final class JavaWriter extends IndentingWriter<JavaWriter> {

	JavaWriter() {
		super(false);
	}

	/** A comment line (or several, wrapped at 100 columns): {@code // text}. */
	JavaWriter comment(String text) {
		return wrapped("// ", "// ", text);
	}

	/** A Javadoc comment, wrapped at 100 columns. */
	JavaWriter doc(String text) {
		String oneLine = "/** " + text + " */";
		if (indentation() + oneLine.length() <= 110) {
			return line(oneLine);
		}
		line("/**");
		wrapped(" * ", " * ", text);
		return line(" */");
	}

	/** Each paragraph of the text wrapped at 100 columns, indentation included. */
	private JavaWriter wrapped(String first, String next, String text) {
		String start = first;
		for (String paragraph : text.split("\n", -1)) {
			wrap(start, next, paragraph, 100 - indentation());
			start = next;
		}
		return this;
	}

	/** A section rule: {@code // ---- title ----}. */
	JavaWriter section(String title) {
		String head = "// ---- " + title + " ";
		blank();
		return line(head + "-".repeat(Math.max(3, 100 - indentation() - head.length()))).blank();
	}
}

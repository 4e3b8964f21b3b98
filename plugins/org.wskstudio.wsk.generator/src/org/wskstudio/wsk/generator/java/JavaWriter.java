package org.wskstudio.wsk.generator.java;

/**
 * A small indenting text builder for Java: four spaces per level, {@code \n} line ends, no
 * trailing blanks, at most one blank line in a row. Multi-line templates are re-indented at
 * the current level line by line.
 */
final class JavaWriter {

	private static final String INDENT = "    ";

	private final StringBuilder out = new StringBuilder();
	private int level;

	/** One line at the current indentation; an empty string gives a blank line. */
	JavaWriter line(String text) {
		if (text.isEmpty()) {
			return blank();
		}
		out.append(INDENT.repeat(level)).append(text.stripTrailing()).append('\n');
		return this;
	}

	/** A blank line, unless the text already ends with one or is empty. */
	JavaWriter blank() {
		int length = out.length();
		if (length > 0 && !(length >= 2 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n')) {
			out.append('\n');
		}
		return this;
	}

	/** Every line of a (multi-line) template at the current indentation. */
	JavaWriter lines(String template) {
		String text = template.endsWith("\n") ? template.substring(0, template.length() - 1) : template;
		for (String line : text.split("\n", -1)) {
			if (line.isBlank()) {
				blank();
			} else {
				out.append(INDENT.repeat(level)).append(line.stripTrailing()).append('\n');
			}
		}
		return this;
	}

	/** A comment line (or several, wrapped at 100 columns): {@code // text}. */
	JavaWriter comment(String text) {
		return wrapped("// ", "// ", text);
	}

	/** A Javadoc comment, wrapped at 100 columns. */
	JavaWriter doc(String text) {
		String oneLine = "/** " + text + " */";
		if (INDENT.length() * level + oneLine.length() <= 110) {
			return line(oneLine);
		}
		line("/**");
		wrapped(" * ", " * ", text);
		return line(" */");
	}

	private JavaWriter wrapped(String first, String next, String text) {
		int width = 100 - INDENT.length() * level;
		for (String paragraph : text.split("\n", -1)) {
			StringBuilder current = new StringBuilder(first);
			boolean empty = true;
			for (String word : paragraph.split(" ")) {
				if (word.isEmpty()) {
					continue;
				}
				if (!empty && current.length() + 1 + word.length() > width) {
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
			line(current.toString());
			first = next;
		}
		return this;
	}

	/** A section rule: {@code // ---- title ----}. */
	JavaWriter section(String title) {
		String head = "// ---- " + title + " ";
		blank();
		return line(head + "-".repeat(Math.max(3, 100 - INDENT.length() * level - head.length()))).blank();
	}

	JavaWriter indent() {
		level++;
		return this;
	}

	JavaWriter dedent() {
		if (level == 0) {
			throw new IllegalStateException("unbalanced dedent");
		}
		level--;
		return this;
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
}

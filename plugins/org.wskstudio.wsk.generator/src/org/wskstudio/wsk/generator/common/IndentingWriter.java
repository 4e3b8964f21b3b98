package org.wskstudio.wsk.generator.common;

/**
 * The indenting text builder under both targets' writers, so that the C and the Java twin are
 * laid out by the same rules: four spaces per level, {@code \n} line ends, no trailing blanks,
 * {@link #blank} never gives two blank lines in a row, and the text ends with a single line end.
 * Multi-line templates are re-indented at the current level line by line, so a section can mix
 * text blocks and computed lines. What a comment or a section rule looks like is the target's own
 * (the subclass); {@code W} is the subclass, so that calls chain.
 *
 * @param <W> the target's writer
 */
public abstract class IndentingWriter<W extends IndentingWriter<W>> {

	private static final String INDENT = "    ";

	private final StringBuilder out = new StringBuilder();
	private final boolean templateBlanksAsWritten;
	private int level;

	/**
	 * @param templateBlanksAsWritten whether a blank line inside a template passed to {@link #lines}
	 *                                is written as it stands (the C writer has always done so) or
	 *                                folded like {@link #blank} (the Java writer)
	 */
	protected IndentingWriter(boolean templateBlanksAsWritten) {
		this.templateBlanksAsWritten = templateBlanksAsWritten;
	}

	@SuppressWarnings("unchecked")
	private W self() {
		return (W) this;
	}

	/** One line at the current indentation; an empty string gives a blank line. */
	public W line(String text) {
		if (text.isEmpty()) {
			return blank();
		}
		indentLine();
		out.append(text.stripTrailing()).append('\n');
		return self();
	}

	private void indentLine() {
		for (int i = 0; i < level; i++) {
			out.append(INDENT);
		}
	}

	/** A blank line, unless the text already ends with one or is empty. */
	public W blank() {
		int length = out.length();
		if (length > 0 && !(length >= 2 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n')) {
			out.append('\n');
		}
		return self();
	}

	/** Every line of a (multi-line) template at the current indentation. */
	public W lines(String template) {
		String text = template.endsWith("\n") ? template.substring(0, template.length() - 1) : template;
		for (String line : text.split("\n", -1)) {
			if (!line.isBlank()) {
				indentLine();
				out.append(line.stripTrailing()).append('\n');
			} else if (templateBlanksAsWritten) {
				out.append('\n');
			} else {
				blank();
			}
		}
		return self();
	}

	/**
	 * One paragraph wrapped at {@code width} columns (not counting the indentation): {@code first}
	 * then the words, continuation lines starting with {@code next}. A word longer than a line
	 * stands alone on its line.
	 */
	protected W wrap(String first, String next, String paragraph, int width) {
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
		return line(current.toString());
	}

	public W indent() {
		level++;
		return self();
	}

	public W dedent() {
		if (level == 0) {
			throw new IllegalStateException("unbalanced dedent");
		}
		level--;
		return self();
	}

	/** The current indentation in columns. */
	protected int indentation() {
		return INDENT.length() * level;
	}

	/** The text, trailing blank lines dropped; fails while an indentation is still open. */
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

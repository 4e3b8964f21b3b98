package org.wskstudio.wskl.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the ANTLR messages that Xtext reports for syntax errors into plainer English:
 * {@code mismatched input '{' expecting ':'} becomes
 * {@code syntax error: unexpected '{', expected ':'}. Messages it does not know keep their
 * wording, with token names replaced. Unresolved references get a plainer message too.
 */
final class SyntaxMessages {

	private static final Map<String, String> TOKENS = Map.of(
			"RULE_ID", "a name",
			"RULE_INT", "a number",
			"RULE_STRING", "a quoted string",
			"RULE_IPV4", "an IPv4 address",
			"RULE_IPV6", "a bracketed IPv6 address");

	private static final Pattern RULE_TOKEN = Pattern.compile("\\bRULE_[A-Z0-9_]+\\b");

	private record Rewrite(Pattern pattern, String replacement) {
	}

	private static final List<Rewrite> REWRITES = List.of(
			new Rewrite(Pattern.compile("^mismatched input (.+) expecting (.+)$", Pattern.DOTALL), "unexpected $1, expected $2"),
			new Rewrite(Pattern.compile("^extraneous input (.+) expecting (.+)$", Pattern.DOTALL), "unexpected $1, expected $2"),
			new Rewrite(Pattern.compile("^missing (.+) at (.+)$", Pattern.DOTALL), "missing $1 before $2"),
			new Rewrite(Pattern.compile("^no viable alternative at input (.+)$", Pattern.DOTALL), "unexpected $1"),
			new Rewrite(Pattern.compile("^no viable alternative at character (.+)$", Pattern.DOTALL), "unexpected character $1"),
			new Rewrite(Pattern.compile("^mismatched character (.+) expecting (.+)$", Pattern.DOTALL), "unexpected character $1, expected $2"),
			new Rewrite(Pattern.compile("^required \\(\\.\\.\\.\\)\\+ loop did not match anything at input (.+)$", Pattern.DOTALL), "unexpected $1"),
			new Rewrite(Pattern.compile("^required \\(\\.\\.\\.\\)\\+ loop did not match anything at character (.+)$", Pattern.DOTALL), "unexpected character $1"));

	private SyntaxMessages() {
	}

	private static final Pattern UNRESOLVED = Pattern.compile("^Couldn't resolve reference to (\\w+) '(.*)'\\.?$", Pattern.DOTALL);

	/** What the user calls an element whose grammar name says otherwise: a scenario's {@code as NAME}. */
	private static final Map<String, String> ELEMENTS = Map.of("Connect", "request");

	/** {@code Couldn't resolve reference to DeferredCheck 'X'.} becomes {@code unknown deferred check 'X'}. */
	static String rephraseLinking(String raw) {
		Matcher matcher = UNRESOLVED.matcher(raw == null ? "" : raw.strip());
		if (!matcher.matches()) {
			return raw;
		}
		String type = ELEMENTS.getOrDefault(matcher.group(1),
				matcher.group(1).replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase());
		return "unknown " + type + " '" + matcher.group(2) + "'";
	}

	static String rephrase(String raw) {
		String message = raw == null || raw.isBlank() ? "cannot parse" : raw.strip();
		for (Rewrite rewrite : REWRITES) {
			Matcher matcher = rewrite.pattern().matcher(message);
			if (matcher.matches()) {
				message = matcher.replaceFirst(rewrite.replacement());
				break;
			}
		}
		message = message.replace("'<EOF>'", "end of file").replace("<EOF>", "end of file")
				.replaceAll("\\bEOF\\b", "end of file");
		Matcher tokens = RULE_TOKEN.matcher(message);
		StringBuilder result = new StringBuilder();
		while (tokens.find()) {
			String name = tokens.group();
			tokens.appendReplacement(result, Matcher.quoteReplacement(
					TOKENS.getOrDefault(name, name.substring("RULE_".length()).toLowerCase())));
		}
		tokens.appendTail(result);
		return "syntax error: " + result;
	}
}

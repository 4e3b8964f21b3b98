package org.wskstudio.wskl.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.validation.RuleListChecks;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/**
 * Problems of address-list lines ({@code remote from "drop.txt"}) are printed where they are:
 * at the list's {@code file:line:col}, the list named as the model's file is (relative to the
 * same folder), not at the model's {@code from "..."} string where an editor shows them.
 */
final class ListedProblems {

	private ListedProblems() {
	}

	/** The problem at its list line, or empty when the issue is no list line's (see {@link RuleListChecks#LIST_DATA}). */
	static Optional<Problem> of(String modelFile, Issue issue, Problem.Severity severity) {
		String[] data = issue.getData();
		if (!WsklIssueCodes.RULE_LIST_ENTRY.equals(issue.getCode()) || data == null || data.length < 4) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Problem(listFile(modelFile, data[0]), Integer.parseInt(data[1]),
					Integer.parseInt(data[2]), severity, data[3]));
		} catch (NumberFormatException | InvalidPathException e) {
			return Optional.empty();
		}
	}

	/** The list as the user would name it: next to the model as given, or as the model writes it when absolute. */
	static String listFile(String modelFile, String list) {
		Path listed = Path.of(list);
		if (listed.isAbsolute()) {
			return listed.toString();
		}
		return Path.of(modelFile).resolveSibling(listed).normalize().toString();
	}
}

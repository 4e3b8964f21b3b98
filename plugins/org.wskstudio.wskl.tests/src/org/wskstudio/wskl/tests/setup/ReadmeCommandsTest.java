package org.wskstudio.wskl.tests.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.testing.Examples;

/**
 * CI runs what the README names, nothing more: {@code .ci/run} calls the README's two commands,
 * in the README's order, and otherwise only the example check that the README also names; no
 * set-up of its own (the commands install what they need).
 */
class ReadmeCommandsTest {

	private static final String README = Examples.read(Examples.repositoryRoot().resolve("README.md"));
	private static final String CI_RUN = Examples.read(Examples.repositoryRoot().resolve(".ci/run"));

	@Test
	void ciRunCallsTheReadmesTwoCommandsInOrderAndOnlyCommandsTheReadmeNames() {
		List<String> readme = twoCommands();
		assertThat(readme).containsExactly("./wskl demo", "./mvnw -B verify");

		List<String> ci = ciCommands();
		assertThat(ci.subList(0, readme.size())).as(".ci/run starts with the README's two commands")
				.containsExactlyElementsOf(readme);
		assertThat(ci.subList(readme.size(), ci.size())).as("the other commands of .ci/run")
				.allSatisfy(command -> assertThat(README).contains("`" + command + "`"));
	}

	@Test
	void ciRunInstallsNothingItself() {
		assertThat(ciCommands()).noneMatch(command -> command.contains("apt-get") || command.contains("dpkg"));
	}

	/** The commands of the sh block under "## Two commands", comments dropped. */
	private static List<String> twoCommands() {
		Matcher section = Pattern.compile("(?s)## Two commands\\n.*?```sh\\n(.*?)```").matcher(README);
		assertThat(section.find()).as("README.md has a sh block under '## Two commands'").isTrue();
		return commands(section.group(1));
	}

	/** The commands .ci/run runs: its lines less comments, {@code set} and the {@code cd} to the root. */
	private static List<String> ciCommands() {
		List<String> result = new ArrayList<>(commands(CI_RUN));
		result.removeIf(line -> line.startsWith("set ") || line.startsWith("cd \"$(dirname"));
		return result;
	}

	private static List<String> commands(String script) {
		return script.lines().map(line -> line.replaceFirst("\\s+#.*$", "").strip())
				.filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}
}

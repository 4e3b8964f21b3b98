package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.testing.Examples;

/**
 * Address lists on the command line: a bad line is reported at the list's file:line:col by check
 * and generate (exit 1, nothing written), a missing list at the model's string, and the generated
 * C and Java name the list line each expanded rule comes from.
 */
class AddressListCliTest {

	private static final String MODEL = """
			driver Edge prefix Edge pool tag 'Edge'

			listener Front on dual-stack [::]:40011 {
				options conditional-accept
				accept by event per-socket
				inspect {
					accept remote 198.51.100.7
					reject remote from "drop.txt"
					default accept
				}
				connection handles receive
			}
			""";

	@TempDir
	Path temp;

	private Path model(String list) throws IOException {
		Files.writeString(temp.resolve("drop.txt"), list);
		return Files.writeString(temp.resolve("edge.wskl"), MODEL);
	}

	@Test
	void checkReportsABadLineAtTheListsFileLineAndColumn() throws IOException {
		Path model = model("# drop list\n198.51.100.0/24\n\n    10.0.0.300/24\n10.1.2.3/8\n");
		CliRun run = wskl("check", model);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		Path list = temp.resolve("drop.txt");
		assertThat(run.outLines()).as(run.toString()).containsExactly(
				list + ":4:5: error: '10.0.0.300/24' is not a valid IPv4 address.",
				list + ":5:1: warning: Address 10.1.2.3/8 has host bits set; it means 10.0.0.0/8.",
				"1 file checked: 1 error, 1 warning");
	}

	@Test
	void generateWithABadListWritesNothing() throws IOException {
		Path model = model("198.51.100.0/24\n[2001:db8::]/129\n");
		Path out = temp.resolve("out");
		CliRun run = wskl("generate", "--target", "c", model, "-o", out);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.errLines()).containsExactly(
				temp.resolve("drop.txt") + ":2:14: error: Prefix length /129 is too long for an IPv6 address (at most /128).",
				"nothing generated");
		assertThat(out).doesNotExist();
	}

	@Test
	void aMissingListIsAnErrorAtTheModelsString() throws IOException {
		Path model = Files.writeString(temp.resolve("edge.wskl"), MODEL);
		CliRun run = wskl("check", model);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.outLines()).containsExactly(model + ":8:22: error: Cannot read the address list 'drop.txt' ("
				+ temp.resolve("drop.txt") + "): no such file or directory.", "1 file checked: 1 error");
	}

	@Test
	void theGeneratedCNamesTheListLineOfEachExpandedRuleAndTheTwinHasItsRows() throws IOException {
		Path model = model("# drop list\n198.51.100.0/24\n\n2001:db8:bad::/48\n");
		Path out = temp.resolve("out");
		CliRun c = wskl("generate", "--target", "c", model, "-o", out.resolve("c"));
		assertThat(c.exitCode()).as(c.toString()).isZero();
		String driver = Files.readString(out.resolve("c/edge_driver.c"));
		assertThat(driver).containsSubsequence("EDGE_ORIGIN(\"rule 1 of listener Front (edge.wskl:7)\") }, /* accept remote",
				"{ 198, 51, 100, 0 }, 24,",
				"EDGE_ORIGIN(\"rule 2 of listener Front (drop.txt:2)\") }, /* reject remote 198.51.100.0/24",
				"EDGE_ORIGIN(\"rule 3 of listener Front (drop.txt:4)\") }, /* reject remote [2001:db8:bad::]/48");
		CliRun java = wskl("generate", "--target", "java", model, "-o", out.resolve("java"));
		assertThat(java.exitCode()).as(java.toString()).isZero();
		String twin;
		try (Stream<Path> files = Files.walk(out.resolve("java"))) {
			twin = Files.readString(files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow());
		}
		// the twin's rule table is data: one row per expanded rule (address in hex), its origin last
		assertThat(twin).containsSubsequence("reject ipv4/c6336400/24 ", " rule 2 of listener Front",
				"reject ipv6/20010db80bad", " rule 3 of listener Front");
	}

	@Test
	void theBlocklistExampleAndItsScenarioCheckClean() {
		CliRun run = wskl("check", Examples.example("blocklist.wskl"), Examples.example("blocklist.wsks"));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.outLines()).containsExactly("2 files checked: no problems");
	}
}

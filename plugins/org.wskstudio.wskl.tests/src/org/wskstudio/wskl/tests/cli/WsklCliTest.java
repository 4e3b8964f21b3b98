package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import org.junit.jupiter.api.Test;

class WsklCliTest {

	@Test
	void noArgumentsPrintsUsage() {
		CliRun run = wskl();
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("Usage: wskl").contains("check").contains("model").contains("generate")
				.contains("Exit codes:");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void helpOfASubcommand() {
		CliRun run = wskl("help", "generate");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("Usage: wskl generate").contains("--target").contains("--output");
	}

	@Test
	void unknownCommandIsAUsageError() {
		CliRun run = wskl("compile", "x.wskl");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Unmatched argument").contains("compile");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void unknownOptionIsAUsageError() {
		CliRun run = wskl("check", "--strict", "x.wskl");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--strict");
	}

	@Test
	void version() {
		CliRun run = wskl("--version");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("wskl ");
	}
}

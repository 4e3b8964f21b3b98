package org.wskstudio.wskl.tests.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.tests.ScenarioLoading;
import org.wskstudio.wskl.validation.WsksIssueCodes;
import org.wskstudio.wskl.wsks.Connect;
import org.wskstudio.wskl.wsks.Outcome;
import org.wskstudio.wskl.wsks.ScenarioFile;

/** Scenario files (.wsks) parse, link to their model's listeners and checks, and validate. */
class ScenarioParsingTest {

	/** Every example model has a scenario file of the same name. */
	static Stream<Path> models() {
		return Examples.validModels().stream();
	}

	static Path scenarioOf(Path model) {
		return model.resolveSibling(model.getFileName().toString().replace(".wskl", ".wsks"));
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyExampleHasAScenarioThatLinksAndValidates(Path model) {
		Path scenario = scenarioOf(model);
		assertThat(scenario).exists();
		Resource resource = ScenarioLoading.load(model, scenario);
		assertThat(resource.getErrors()).isEmpty();
		assertThat(ScenarioLoading.validate(resource)).isEmpty();
		ScenarioFile file = (ScenarioFile) resource.getContents().get(0);
		assertThat(file.getScenarios()).allSatisfy(s -> assertThat(s.getDriver().eIsProxy()).isFalse());
	}

	@Test
	void connectStepsKnowTheirListenerTimesAndOutcomes() {
		Resource resource = ScenarioLoading.load(Examples.example("conditional_accept.wskl"),
				Examples.example("conditional_accept.wsks"));
		ScenarioFile file = (ScenarioFile) resource.getContents().get(0);
		List<Connect> connects = file.getScenarios().get(0).getSteps().stream()
				.filter(Connect.class::isInstance).map(Connect.class::cast).toList();
		assertThat(connects).hasSize(6);
		Connect slow = connects.get(2);
		assertThat(slow.getName()).isEqualTo("slow");
		assertThat(slow.getListener().getName()).isEqualTo("Public");
		assertThat(slow.getRemote().getAddress()).isEqualTo("172.16.0.5");
		assertThat(slow.getRemote().getPort()).isEqualTo(1234);
		assertThat(slow.getOutcome()).isEqualTo(Outcome.PENDED_THEN_ACCEPTED);
		assertThat(connects.get(4).getDropAt().getValue()).isEqualTo(10);
	}

	@Test
	void brokenScenarioReportsUnknownListenerAndEarlyDrop() {
		Path broken = Examples.examplesDir().resolve("invalid/broken_scenario.wsks");
		Resource resource = ScenarioLoading.load(Examples.example("dual_stack.wskl"), broken);
		List<Issue> errors = ScenarioLoading.validate(resource).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		assertThat(errors).anySatisfy(i -> {
			assertThat(i.getMessage()).contains("Nowhere");
			assertThat(i.getLineNumber()).isEqualTo(4);
		});
		assertThat(errors).anySatisfy(i -> {
			assertThat(i.getCode()).isEqualTo(WsksIssueCodes.DROP_BEFORE_CONNECT);
			assertThat(i.getLineNumber()).isEqualTo(5);
		});
	}

	@Test
	void ipv6ClientOfAnIpv4ListenerIsAWarning() throws Exception {
		Path scenario = Files.createTempFile("family", ".wsks");
		try {
			Files.writeString(scenario, "scenario S for AcceptServer {\n\tat 0 ms connect [2001:db8::1]:1000 -> Public\n}\n");
			Resource resource = ScenarioLoading.load(Examples.example("irp_accept.wskl"), scenario);
			assertThat(ScenarioLoading.validate(resource)).singleElement().satisfies(i -> {
				assertThat(i.getCode()).isEqualTo(WsksIssueCodes.UNREACHABLE_LISTENER);
				assertThat(i.getSeverity()).isEqualTo(Severity.WARNING);
			});
		} finally {
			Files.deleteIfExists(scenario);
		}
	}

	@Test
	void aSecondSweepOfTheSameKindIsAWarningAtItsLine() throws Exception {
		Path scenario = Files.createTempFile("sweep", ".wsks");
		try {
			Files.writeString(scenario, "scenario S for AcceptServer {\n\tfail each irp allocation\n"
					+ "\tfail each pool allocation\n\tfail each irp allocation\n\tat 0 ms connect 10.0.0.1:1000 -> Public\n}\n");
			Resource resource = ScenarioLoading.load(Examples.example("irp_accept.wskl"), scenario);
			assertThat(ScenarioLoading.validate(resource)).singleElement().satisfies(i -> {
				assertThat(i.getCode()).isEqualTo(WsksIssueCodes.DUPLICATE_SWEEP);
				assertThat(i.getSeverity()).isEqualTo(Severity.WARNING);
				assertThat(i.getLineNumber()).isEqualTo(4);
				assertThat(i.getMessage()).contains("already fails each irp allocation");
			});
		} finally {
			Files.deleteIfExists(scenario);
		}
	}
}

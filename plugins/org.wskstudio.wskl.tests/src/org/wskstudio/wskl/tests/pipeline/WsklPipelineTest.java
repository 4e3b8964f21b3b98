package org.wskstudio.wskl.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.pipeline.ModelResult;
import org.wskstudio.wskl.pipeline.ScenarioResult;
import org.wskstudio.wskl.pipeline.WsklPipeline;
import org.wskstudio.wskl.pipeline.WsklPipeline.ModelSource;
import org.wskstudio.wskl.pipeline.WsklPipeline.Simulation;
import org.wskstudio.wskl.testing.Examples;

/** The pipeline's policy: what is reported, when a code model is built, what scenarios resolve against. */
class WsklPipelineTest {

	private static final String GUARD = """
			driver GuardedServer prefix Guard pool tag 'Grd1'
			listener Public on ipv4 0.0.0.0:40009 {
				accept by irp
			}
			""";

	private static final String SCENARIO = """
			scenario One for GuardedServer {
				at 0 ms connect 10.1.2.3:5555 -> Public expect accepted
			}
			""";

	private final WsklPipeline pipeline = WsklPipeline.standalone();

	@TempDir
	Path temp;

	@Test
	void aValidModelIsTransformedToItsCodeModel() {
		ModelResult result = pipeline.model(URI.createURI("memory:/guard.wskl"), GUARD, null);
		assertThat(result.issues()).isEmpty();
		assertThat(result.hasErrors()).isFalse();
		assertThat(result.codeModel().getName()).isEqualTo("GuardedServer");
		assertThat(result.codeModel().getListeners()).hasSize(1);
	}

	@Test
	void aModelWithAValidationErrorHasNoCodeModel() throws IOException {
		ModelResult result = model(Examples.examplesDir().resolve("invalid/validation_errors.wskl"));
		assertThat(result.driver()).isNotNull();
		assertThat(result.issues()).filteredOn(i -> i.getSeverity() == Severity.ERROR).hasSizeGreaterThan(3);
		assertThat(result.codeModel()).isNull();
		assertThat(result.hasErrors()).isTrue();
	}

	@Test
	void warningsAloneDoNotStopTheTransformation() {
		ModelResult result = pipeline.model(URI.createURI("memory:/unused.wskl"),
				GUARD.replace("listener", "deferred check Unused \"never asked\"\nlistener"), null);
		assertThat(result.issues()).extracting(Issue::getSeverity).containsExactly(Severity.WARNING);
		assertThat(result.issues().get(0).getMessage()).contains("'Unused' is not used");
		assertThat(result.codeModel()).isNotNull();
	}

	@Test
	void withASyntaxErrorOnlySyntaxErrorsAreReported() throws IOException {
		// the listener has no port: the patched-up tree would read as port 0, which a check refuses
		ModelResult result = model(Examples.examplesDir().resolve("invalid/syntax_error.wskl"));
		assertThat(result.issues()).isNotEmpty().allMatch(Issue::isSyntaxError);
		assertThat(result.issues()).noneMatch(i -> i.getMessage().contains("port 0"));
		assertThat(result.codeModel()).isNull();
	}

	@Test
	void aTextWithoutADriverIsAnErrorAndNotTransformed() {
		ModelResult result = pipeline.model(URI.createURI("memory:/empty.wskl"), "// nothing here\n", null);
		assertThat(result.driver()).isNull();
		assertThat(result.hasErrors()).isTrue();
		assertThat(result.issues()).anyMatch(i -> i.getSeverity() == Severity.ERROR);
	}

	@Test
	void aScenarioResolvesAgainstTheModelsNextToIt() throws IOException {
		Files.writeString(temp.resolve("guard.wskl"), GUARD, StandardCharsets.UTF_8);
		ScenarioResult result = pipeline.scenario(WsklPipeline.uri(temp.resolve("guard.wsks")), SCENARIO, List.of(),
				null);
		assertThat(result.issues()).isEmpty();
		assertThat(result.scenarios()).hasSize(1);
		assertThat(result.scenarios().get(0).getDriver().getName()).isEqualTo("GuardedServer");
	}

	@Test
	void aScenarioWithoutItsModelNextToItDoesNotResolve() throws IOException {
		ScenarioResult result = pipeline.scenario(WsklPipeline.uri(temp.resolve("alone.wsks")), SCENARIO, List.of(),
				null);
		assertThat(result.hasErrors()).isTrue();
		assertThat(result.issues()).anyMatch(i -> i.getMessage().contains("GuardedServer"));
	}

	@Test
	void givenModelsReplaceTheModelsNextToTheScenario() throws IOException {
		Files.writeString(temp.resolve("other.wskl"), GUARD.replace("GuardedServer", "Other"), StandardCharsets.UTF_8);
		Path elsewhere = Files.createDirectory(temp.resolve("elsewhere")).resolve("guard.wskl");
		ScenarioResult result = pipeline.scenario(WsklPipeline.uri(temp.resolve("guard.wsks")), SCENARIO,
				List.of(new ModelSource(WsklPipeline.uri(elsewhere), GUARD)), null);
		assertThat(result.issues()).isEmpty();
	}

	@Test
	void aSimulationTellsTheScenariosForAnotherDriver() throws IOException {
		Path model = Files.writeString(temp.resolve("guard.wskl"), GUARD, StandardCharsets.UTF_8);
		Path own = Files.writeString(temp.resolve("guard.wsks"), SCENARIO, StandardCharsets.UTF_8);
		Path other = Files.writeString(temp.resolve("other.wsks"), SCENARIO.replace("GuardedServer", "SomeoneElse"),
				StandardCharsets.UTF_8);
		Simulation simulation = pipeline.simulation(model, List.of(own, other));
		assertThat(simulation.model().codeModel()).isNotNull();
		assertThat(simulation.scenarioFiles().get(0).hasErrors()).isFalse();
		assertThat(simulation.scenarioFiles().get(0).allForOtherDrivers()).isFalse();
		assertThat(simulation.scenarioFiles().get(1).allForOtherDrivers()).isTrue();
		assertThat(simulation.scenarioFiles().get(1).otherDrivers()).containsExactly("SomeoneElse");
		assertThat(simulation.scenarios()).hasSize(2);
	}

	@Test
	void aSimulationOfAModelWithErrorsHasNoCodeModel() throws IOException {
		Path model = Files.writeString(temp.resolve("bad.wskl"), GUARD.replace("'Grd1'", "'TooLong'"),
				StandardCharsets.UTF_8);
		Simulation simulation = pipeline.simulation(model, List.of());
		assertThat(simulation.model().hasErrors()).isTrue();
		assertThat(simulation.model().codeModel()).isNull();
		assertThat(simulation.model().issues()).anyMatch(i -> i.getMessage().contains("pool tag"));
	}

	private ModelResult model(Path file) throws IOException {
		return pipeline.model(WsklPipeline.uri(file), Files.readString(file, StandardCharsets.UTF_8), null);
	}
}

package org.wskstudio.wskl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wskl.tests.cli.CliRun.wskl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.model.EventAccept;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.WskPackage;
import org.wskstudio.wskl.testing.Examples;

class ModelCommandTest {

	private final Path eventAccept = Examples.example("event_accept.wskl");

	@Test
	void dumpShowsTheCodeModelIndented() {
		CliRun run = wskl("model", eventAccept, "--format", "dump");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.outLines()).first().asString().startsWith("WskDriver (line ");
		assertThat(run.out())
				.contains("\n  name = \"EventServer\"\n")
				.contains("\n  prefix = \"EvtAcc\"\n")
				.contains("\n  listeners[0]: WskListener (line ")
				.contains("\n    port = 40008\n")
				.contains("\n    localAddressText = \"0.0.0.0\"\n")
				.contains("\n    localAddress = [00 00 00 00]\n")
				.contains("\n    acceptMode: EventAccept (line ");
	}

	@Test
	void xmiIsTheSameModelForEmf() throws IOException {
		CliRun run = wskl("model", eventAccept, "--format", "xmi");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
				.contains("xmlns:wsk=\"" + WskPackage.eNS_URI + "\"")
				.contains("name=\"EventServer\"");

		ResourceSetImpl resourceSet = new ResourceSetImpl();
		resourceSet.getPackageRegistry().put(WskPackage.eNS_URI, WskPackage.eINSTANCE);
		XMIResourceImpl resource = new XMIResourceImpl(URI.createURI("event_accept.wskl.xmi"));
		resourceSet.getResources().add(resource);
		resource.load(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)), Map.of());
		WskDriver driver = (WskDriver) resource.getContents().get(0);
		assertThat(driver.getName()).isEqualTo("EventServer");
		assertThat(driver.getListeners()).singleElement().satisfies(listener -> {
			WskListener l = listener;
			assertThat(l.getPort()).isEqualTo(40008);
			assertThat(l.getAcceptMode()).isInstanceOf(EventAccept.class);
			assertThat(l.getSourceLine()).isPositive();
		});
	}

	@Test
	void xmiIsTheDefaultFormat() {
		CliRun run = wskl("model", eventAccept);
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("<?xml");
	}

	@Test
	void everyValidExampleHasAModelInBothFormats() {
		for (Path model : Examples.validModels()) {
			for (String format : new String[] { "xmi", "dump" }) {
				CliRun run = wskl("model", model, "--format", format);
				assertThat(run.exitCode()).as(model + " " + format + ": " + run).isZero();
				assertThat(run.out()).contains("WskDriver");
			}
		}
	}

	@Test
	void aModelWithErrorsIsRefusedWithItsProblems() {
		Path file = Examples.example("invalid/validation_errors.wskl");
		CliRun run = wskl("model", file, "--format", "dump");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(CliRun.errorLines(run.errLines(), file)).as(run.toString()).contains(2, 11, 17);
	}

	@Test
	void aSyntaxErrorIsRefused() {
		Path file = Examples.example("invalid/syntax_error.wskl");
		CliRun run = wskl("model", file);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.errLines()).contains(file + ":4:33: error: syntax error: unexpected '{', expected ':'");
	}

	@Test
	void missingFile() {
		CliRun run = wskl("model", "no/such/model.wskl");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.errLines()).containsExactly("no/such/model.wskl: error: no such file");
	}

	@Test
	void unknownFormatIsAUsageError() {
		CliRun run = wskl("model", eventAccept, "--format", "json");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("json").contains("xmi").contains("dump");
		assertThat(run.out()).isEmpty();
	}
}

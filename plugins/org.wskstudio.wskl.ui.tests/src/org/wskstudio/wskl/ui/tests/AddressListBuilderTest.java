package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.WskCodeGenerator;
import org.wskstudio.wsk.generator.common.ModelTrace;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.ui.builder.WsklGenerators;
import org.wskstudio.wskl.ui.builder.WsklNature;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/**
 * A model that reads an address list ({@code reject remote from "drop.txt"}) depends on the
 * list: a change of the list alone (the model untouched) re-validates the model, with the list's
 * problems on the model's {@code from "..."} string, and in a project with the WSKL nature
 * regenerates it from the new list.
 */
class AddressListBuilderTest {

	/** The model's rules as the code model has them: where each comes from, one a line. */
	private static final WskCodeGenerator RULES = new WskCodeGenerator() {
		@Override
		public String target() {
			return "rules";
		}

		@Override
		public List<GeneratedFile> generate(WskDriver driver) {
			String text = driver.getListeners().stream().flatMap(l -> l.getInspectRules().stream())
					.map(r -> ModelTrace.where(r) + " " + r.getRemote().getText() + "\n").collect(Collectors.joining());
			return List.of(new GeneratedFile("rules.txt", text));
		}
	};

	/** The list is the model's rule 1 (line 10); the pend of line 11 follows it. */
	private static final String MODEL = Workbench.GUARDED.replace("reject remote 10.0.0.0/8", "reject remote from \"drop.txt\"");

	@AfterEach
	void tearDown() throws Exception {
		WsklGenerators.unregister(RULES);
		Workbench.closeAllAndClean();
	}

	@Test
	void theBuilderRevalidatesAndRegeneratesAModelWhenItsListChanges() throws Exception {
		WsklGenerators.register(RULES);
		IProject project = Workbench.project();
		WsklNature.addTo(project, new NullProgressMonitor());
		Workbench.createFile("drop.txt", "10.0.0.0/8\n# TEST-NET-1\n  192.0.2.0/24  # indented\n");
		IFile model = Workbench.createFile("guard.wskl", MODEL);
		IFile rules = project.getFile("src-gen/guard/rules/rules.txt");
		waitForContent(rules, "drop.txt:1 10.0.0.0/8\ndrop.txt:3 192.0.2.0/24\nguard.wskl:11 172.16.0.0/12\n");

		// a bad line: an error on the model's from "drop.txt", naming the list's line; nothing regenerated
		Workbench.createFile("drop.txt", "10.0.0.0/8\n10.0.0.300/24\n");
		IMarker marker = Workbench.waitForMarker(model, WsklIssueCodes.RULE_LIST_ENTRY);
		assertThat(marker.getAttribute(IMarker.MESSAGE, "")).isEqualTo("drop.txt:2:1: '10.0.0.300/24' is not a valid IPv4 address.");
		assertThat(marker.getAttribute(IMarker.SEVERITY, -1)).isEqualTo(IMarker.SEVERITY_ERROR);
		assertThat(marker.getAttribute(IMarker.LINE_NUMBER, -1)).isEqualTo(10);
		assertThat(marker.getAttribute(IMarker.CHAR_START, -1)).isEqualTo(MODEL.indexOf("\"drop.txt\""));
		joinBuilds();
		assertThat(Workbench.read(rules)).startsWith("drop.txt:1 10.0.0.0/8\ndrop.txt:3 ");

		// fixed: the marker goes, the model is generated from the new list
		Workbench.createFile("drop.txt", "\n198.51.100.0/24\n10.0.0.0/8\n");
		waitForContent(rules, "drop.txt:2 198.51.100.0/24\ndrop.txt:3 10.0.0.0/8\nguard.wskl:11 172.16.0.0/12\n");
		joinBuilds();
		assertThat(Workbench.markers(model, null)).isEmpty();

		// removed: the model cannot be built
		project.getFile("drop.txt").delete(true, new NullProgressMonitor());
		IMarker missing = Workbench.waitForMarker(model, WsklIssueCodes.RULE_LIST_UNREADABLE);
		assertThat(missing.getAttribute(IMarker.MESSAGE, "")).startsWith("Cannot read the address list 'drop.txt'");
		assertThat(missing.getAttribute(IMarker.LINE_NUMBER, -1)).isEqualTo(10);
	}

	@Test
	void withoutTheNatureTheMarkersFollowTheList() throws Exception {
		IProject project = Workbench.project();
		assertThat(project.hasNature(WsklNature.ID)).isFalse();
		Workbench.createFile("drop.txt", "10.0.0.0/8\n");
		IFile model = Workbench.createFile("guard.wskl", MODEL);
		IFile other = Workbench.createFile("other.wskl", Workbench.GUARDED);
		Workbench.joinMarkerJobs();
		assertThat(Workbench.markers(model, null)).isEmpty();

		Workbench.createFile("drop.txt", "10.0.0.0/8\n[2001:db8::]/32\n");
		IMarker marker = Workbench.waitForMarker(model, WsklIssueCodes.RULE_LIST_ENTRY);
		assertThat(marker.getAttribute(IMarker.MESSAGE, "")).isEqualTo("drop.txt:2:1: IPv6 remote range [2001:db8::]/32 on ipv4"
				+ " listener 'Public': an AF_INET socket only sees IPv4 addresses, so this rule never matches.");
		Workbench.joinMarkerJobs();
		assertThat(Workbench.markers(other, null)).isEmpty();

		Workbench.createFile("drop.txt", "10.0.0.0/8\n");
		Workbench.waitUntil("the list's problem gone from guard.wskl", () -> Workbench.markers(model, null).isEmpty());
		assertThat(model.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO)).isEmpty();
	}

	private static void waitForContent(IFile file, String expected) {
		Workbench.waitUntil(file.getFullPath() + " with \"" + expected.trim() + "\"", () -> {
			try {
				return file.exists() && Workbench.read(file).equals(expected);
			} catch (Exception e) {
				return false;
			}
		});
	}

	private static void joinBuilds() {
		try {
			Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		Workbench.joinMarkerJobs();
	}
}

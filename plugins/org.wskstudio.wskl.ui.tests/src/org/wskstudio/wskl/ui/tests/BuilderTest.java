package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.builder.WsklBuilder;
import org.wskstudio.wskl.ui.builder.WsklGenerators;
import org.wskstudio.wskl.ui.builder.WsklNature;
import org.wskstudio.wskl.ui.preferences.WsklPreferences;
import org.wskstudio.wskl.validation.WsklIssueCodes;

/** The WSKL builder: validation and generation into src-gen on save, with fake C and Java generators. */
class BuilderTest {

	private final FakeGenerator c = new FakeGenerator("c", false);
	private final FakeGenerator java = new FakeGenerator("java", false);
	private IProject project;

	@BeforeEach
	void setUp() throws Exception {
		setAutoBuilding(true);
		WsklGenerators.register(c);
		WsklGenerators.register(java);
		project = Workbench.project();
		WsklNature.addTo(project, new NullProgressMonitor());
	}

	@AfterEach
	void tearDown() throws Exception {
		WsklGenerators.unregister(c);
		WsklGenerators.unregister(java);
		var node = WsklPreferences.workspaceNode();
		node.remove(WsklPreferences.GENERATE_C);
		node.remove(WsklPreferences.GENERATE_JAVA);
		node.remove(WsklPreferences.GENERATE_ON_SAVE);
		node.remove(WsklPreferences.OUTPUT_FOLDER);
		node.flush();
		Workbench.closeAllAndClean();
		setAutoBuilding(true);
	}

	private static void setAutoBuilding(boolean on) throws Exception {
		IWorkspaceDescription description = ResourcesPlugin.getWorkspace().getDescription();
		description.setAutoBuilding(on);
		ResourcesPlugin.getWorkspace().setDescription(description);
	}

	private static void joinBuilds() {
		try {
			Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
			Job.getJobManager().join(ResourcesPlugin.FAMILY_MANUAL_BUILD, null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		Workbench.joinMarkerJobs();
	}

	private IFile output(String path) {
		return project.getFile(path);
	}

	private void waitForContent(IFile file, String expected) {
		Workbench.waitUntil(file.getFullPath() + " with \"" + expected.trim() + "\"", () -> {
			try {
				return file.exists() && Workbench.read(file).equals(expected);
			} catch (Exception e) {
				return false;
			}
		});
	}

	@Test
	void theNatureAddsTheBuilder() throws Exception {
		assertThat(project.hasNature(WsklNature.ID)).isTrue();
		assertThat(project.getDescription().getBuildSpec()).extracting(command -> command.getBuilderName())
				.contains(WsklBuilder.ID);
	}

	@Test
	void savingAModelGeneratesCAndJavaIntoSrcGen() throws Exception {
		IFile model = Workbench.createFile("guard.wskl", Workbench.GUARDED);
		waitForContent(output("src-gen/guard/c/Guard.c"), "// c of Guard\n");
		waitForContent(output("src-gen/guard/java/Guard.java"), "// java of Guard\n");
		assertThat(output("src-gen/guard/c/include/Guard_c.txt").exists()).isTrue();
		assertThat(output("src-gen/guard/java/Guard.java").isDerived()).isTrue();

		// edit and save in the editor: the outputs follow, the old driver's files are gone
		ITextEditor editor = Workbench.open(model);
		IDocument document = Workbench.document(editor);
		document.replace(document.get().indexOf("Guard prefix Guard"), "Guard prefix Guard".length(), "Gate prefix Gate");
		editor.doSave(null);
		waitForContent(output("src-gen/guard/c/Gate.c"), "// c of Gate\n");
		waitForContent(output("src-gen/guard/java/include/Gate_java.txt"), "prefix Gate\n");
		joinBuilds();
		assertThat(output("src-gen/guard/c/Guard.c").exists()).isFalse();
		assertThat(output("src-gen/guard/java/include/Guard_java.txt").exists()).isFalse();
	}

	@Test
	void inANatureProjectTheBuilderAloneValidatesModelsAndScenarios() throws Exception {
		setAutoBuilding(false);
		Workbench.createFile("guard.wskl", Workbench.GUARDED);
		IFile scenario = Workbench.createFile("guard.wsks", Workbench.GUARDED_SCENARIO.replace("check Reputation", "check Other"));
		joinBuilds();
		// no build yet: the workspace listener leaves projects with the nature to their builder
		assertThat(Workbench.markers(scenario, null)).isEmpty();

		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, new NullProgressMonitor());
		joinBuilds();
		assertThat(Workbench.markers(scenario, Diagnostic.LINKING_DIAGNOSTIC)).hasSize(1);

		// the model declares the check the scenario names: the next build re-validates the scenario
		Workbench.createFile("guard.wskl", Workbench.GUARDED.replace("deferred check Reputation", "deferred check Other"));
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, new NullProgressMonitor());
		joinBuilds();
		assertThat(Workbench.markers(scenario, null)).isEmpty();
	}

	@Test
	void removingAModelDeletesItsOutputs() throws Exception {
		IFile model = Workbench.createFile("removed.wskl", Workbench.GUARDED);
		Workbench.createFile("kept.wskl", Workbench.GUARDED);
		waitForContent(output("src-gen/removed/c/Guard.c"), "// c of Guard\n");
		waitForContent(output("src-gen/kept/c/Guard.c"), "// c of Guard\n");

		model.delete(true, new NullProgressMonitor());

		Workbench.waitUntil("the outputs of removed.wskl deleted", () -> !project.getFolder("src-gen/removed").exists());
		joinBuilds();
		assertThat(output("src-gen/kept/c/Guard.c").exists()).isTrue();
	}

	@Test
	void aModelWithErrorsIsNotGenerated() throws Exception {
		IFile model = Workbench.createFile("broken.wskl", Workbench.GUARDED.replace("'Grd1'", "'Guard'"));
		Workbench.createFile("fine.wskl", Workbench.GUARDED);
		Workbench.waitForMarker(model, WsklIssueCodes.INVALID_POOL_TAG);
		waitForContent(output("src-gen/fine/c/Guard.c"), "// c of Guard\n");
		joinBuilds();
		assertThat(project.getFolder("src-gen/broken").exists()).isFalse();
	}

	@Test
	void aFailingGeneratorWritesNothingForTheModel() throws Exception {
		FakeGenerator failing = new FakeGenerator("java", true);
		WsklGenerators.register(failing);
		try {
			IFile model = Workbench.createFile("failing.wskl", Workbench.GUARDED);
			IMarker marker = Workbench.waitFor("a generation marker", () -> {
				try {
					IMarker[] markers = model.findMarkers(WsklBuilder.GENERATION_MARKER, false, IResource.DEPTH_ZERO);
					return markers.length == 0 ? null : markers[0];
				} catch (Exception e) {
					return null;
				}
			});
			joinBuilds();
			assertThat(marker.getAttribute(IMarker.MESSAGE, "")).contains("java generator").contains("on purpose");
			assertThat(project.getFolder("src-gen/failing").exists()).as("not even the C files").isFalse();
		} finally {
			WsklGenerators.register(java);
		}
	}

	@Test
	void aFullBuildRegeneratesEveryModel() throws Exception {
		Workbench.createFile("one.wskl", Workbench.GUARDED);
		Workbench.createFile("two.wskl", Workbench.GUARDED.replace("Guard prefix Guard", "Two prefix Two"));
		waitForContent(output("src-gen/two/c/Two.c"), "// c of Two\n");
		joinBuilds();
		project.getFolder("src-gen").delete(true, new NullProgressMonitor());
		joinBuilds();

		project.build(IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());

		assertThat(Workbench.read(output("src-gen/one/c/Guard.c"))).isEqualTo("// c of Guard\n");
		assertThat(Workbench.read(output("src-gen/two/java/Two.java"))).isEqualTo("// java of Two\n");
	}

	@Test
	void preferencesChooseTheTargets() throws Exception {
		WsklPreferences.workspaceNode().putBoolean(WsklPreferences.GENERATE_JAVA, false);
		Workbench.createFile("only_c.wskl", Workbench.GUARDED);
		waitForContent(output("src-gen/only_c/c/Guard.c"), "// c of Guard\n");
		joinBuilds();
		assertThat(project.getFolder("src-gen/only_c/java").exists()).isFalse();
	}

	@Test
	void theProjectsOutputFolderOverridesTheWorkspaceDefault() throws Exception {
		WsklPreferences.workspaceNode().put(WsklPreferences.OUTPUT_FOLDER, "generated");
		Workbench.createFile("workspace.wskl", Workbench.GUARDED);
		waitForContent(output("generated/workspace/c/Guard.c"), "// c of Guard\n");

		WsklPreferences.setProjectOutputFolder(project, "gen");
		assertThat(project.getFile(".settings/org.wskstudio.wskl.ui.prefs").exists()).isTrue();
		Workbench.createFile("project.wskl", Workbench.GUARDED);
		waitForContent(output("gen/project/java/Guard.java"), "// java of Guard\n");
		joinBuilds();
		assertThat(project.getFolder("src-gen").exists()).isFalse();
	}

	@Test
	void withoutGenerateOnSaveOnlyAManualBuildGenerates() throws Exception {
		// the first build of a project is a full build (the platform has no built state yet), which generates
		Workbench.createFile("first.wskl", Workbench.GUARDED);
		waitForContent(output("src-gen/first/c/Guard.c"), "// c of Guard\n");
		joinBuilds();
		WsklPreferences.workspaceNode().putBoolean(WsklPreferences.GENERATE_ON_SAVE, false);
		IFile model = Workbench.createFile("manual.wskl", Workbench.GUARDED.replace("'Grd1'", "'Guard'"));
		Workbench.waitForMarker(model, WsklIssueCodes.INVALID_POOL_TAG);
		// fixed and saved: validated (the marker goes) but not generated
		model.setContents(new ByteArrayInputStream(Workbench.GUARDED.getBytes(StandardCharsets.UTF_8)), IResource.FORCE,
				new NullProgressMonitor());
		Workbench.waitUntil("the marker gone", () -> Workbench.markers(model, null).isEmpty());
		joinBuilds();
		IFolder outputs = project.getFolder("src-gen/manual");
		assertThat(outputs.exists()).isFalse();

		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, new NullProgressMonitor());

		assertThat(Workbench.read(output("src-gen/manual/c/Guard.c"))).isEqualTo("// c of Guard\n");
	}
}

package org.wskstudio.wskl.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.ui.builder.WsklBuilder;
import org.wskstudio.wskl.ui.builder.WsklNature;
import org.wskstudio.wskl.ui.wizards.NewWsklProjectWizard;
import org.wskstudio.wskl.ui.wizards.WsklExampleProjectWizard;
import org.wskstudio.wskl.ui.wizards.WsklProjects;

/** The New WSKL Project and WSKL Examples wizards, finished through a wizard dialog. */
class WizardTest {

	@AfterEach
	void cleanUp() throws Exception {
		Workbench.closeAllAndClean();
		for (String name : List.of("wskl-project", "wskl-examples")) {
			IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
			if (project.exists()) {
				project.delete(true, true, new NullProgressMonitor());
			}
		}
	}

	private static void finish(org.eclipse.jface.wizard.Wizard wizard) {
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			assertThat(wizard.canFinish()).isTrue();
			assertThat(wizard.performFinish()).isTrue();
		} finally {
			dialog.close();
		}
		Workbench.processEvents();
	}

	private static String bundled(String name) throws Exception {
		URL url = Platform.getBundle("org.wskstudio.wskl.ui").getEntry("examples/" + name);
		assertThat(url).as("bundled example " + name).isNotNull();
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static List<String> files(IProject project) throws Exception {
		List<String> names = new ArrayList<>();
		for (IResource member : project.members()) {
			if (member.getType() == IResource.FILE && !member.getName().startsWith(".")) {
				names.add(member.getName());
			}
		}
		names.sort(null);
		return names;
	}

	@Test
	void theNewProjectWizardCreatesAWsklProjectWithTheSampleAndItsScenario() throws Exception {
		NewWsklProjectWizard wizard = new NewWsklProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		finish(wizard);

		IProject project = wizard.getCreatedProject();
		assertThat(project.getName()).isEqualTo("wskl-project");
		assertThat(project.isOpen()).isTrue();
		assertThat(project.hasNature(WsklNature.ID)).isTrue();
		assertThat(project.getDescription().getBuildSpec()).extracting(command -> command.getBuilderName())
				.containsExactly(WsklBuilder.ID);
		assertThat(files(project)).containsExactly("conditional_accept.wskl", "conditional_accept.wsks");
		assertThat(Workbench.read(project.getFile("conditional_accept.wskl"))).isEqualTo(bundled("conditional_accept.wskl"))
				.contains("driver");
		assertThat(Workbench.read(project.getFile("conditional_accept.wsks"))).isEqualTo(bundled("conditional_accept.wsks"));
	}

	@Test
	void theExampleWizardInstallsEveryExample() throws Exception {
		assertThat(WsklProjects.examples()).containsExactly("blocklist-drop.txt", "blocklist.wskl", "blocklist.wsks",
				"conditional_accept.wskl", "conditional_accept.wsks", "dual_stack.wskl", "dual_stack.wsks", "event_accept.wskl", "event_accept.wsks", "irp_accept.wskl",
				"irp_accept.wsks");
		WsklExampleProjectWizard wizard = new WsklExampleProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		finish(wizard);

		IProject project = wizard.getCreatedProject();
		assertThat(project.getName()).isEqualTo("wskl-examples");
		assertThat(project.hasNature(WsklNature.ID)).isTrue();
		assertThat(files(project)).containsExactlyElementsOf(WsklProjects.examples());
		for (String name : WsklProjects.examples()) {
			assertThat(Workbench.read(project.getFile(name))).as(name).isEqualTo(bundled(name));
		}

		// the builder validated the examples: none has an error
		Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
		Workbench.joinMarkerJobs();
		IMarker[] markers = project.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_INFINITE);
		assertThat(markers).filteredOn(marker -> marker.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.extracting(marker -> marker.getResource().getName() + ": " + marker.getAttribute(IMarker.MESSAGE, ""))
				.isEmpty();
	}
}

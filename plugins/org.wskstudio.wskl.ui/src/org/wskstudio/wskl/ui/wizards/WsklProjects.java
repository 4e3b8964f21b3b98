package org.wskstudio.wskl.ui.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.Bundle;
import org.wskstudio.wskl.ui.WsklUiPlugin;
import org.wskstudio.wskl.ui.builder.WsklNature;

/**
 * Creates WSKL projects: a project with the WSKL nature, filled from the repository's examples,
 * which the build copies into this bundle's folder {@value #EXAMPLES} (one source of truth:
 * {@code examples/*.wskl, *.wsks} and the address lists {@code *.txt} of the repository).
 */
public final class WsklProjects {

	public static final String EXAMPLES = "examples";
	/** The sample of a new project. */
	public static final String SAMPLE = "conditional_accept";

	private WsklProjects() {
	}

	/** Creates and opens a project with the WSKL nature; location null means the workspace's default. */
	public static IProject create(String name, URI location, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Creating " + name, 3);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!project.exists()) {
			IProjectDescription description = ResourcesPlugin.getWorkspace().newProjectDescription(name);
			description.setLocationURI(location);
			project.create(description, progress.split(1));
		}
		progress.setWorkRemaining(2);
		if (!project.isOpen()) {
			project.open(progress.split(1));
		}
		progress.setWorkRemaining(1);
		WsklNature.addTo(project, progress.split(1));
		return project;
	}

	/** A new WSKL project: the sample model and its scenario. */
	public static IProject createSampleProject(String name, URI location, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, 3);
		IProject project = create(name, location, progress.split(1));
		copy(project, SAMPLE + ".wskl", progress.split(1));
		copy(project, SAMPLE + ".wsks", progress.split(1));
		return project;
	}

	/** The example project: every bundled example model and scenario. */
	public static IProject createExampleProject(String name, URI location, IProgressMonitor monitor) throws CoreException {
		List<String> examples = examples();
		SubMonitor progress = SubMonitor.convert(monitor, examples.size() + 1);
		IProject project = create(name, location, progress.split(1));
		for (String example : examples) {
			copy(project, example, progress.split(1));
		}
		return project;
	}

	/** The names of the bundled examples (*.wskl, *.wsks and the address lists *.txt they read), sorted. */
	public static List<String> examples() {
		List<String> names = new ArrayList<>();
		for (String pattern : List.of("*.wskl", "*.wsks", "*.txt")) {
			Enumeration<URL> entries = bundle().findEntries(EXAMPLES, pattern, false);
			if (entries != null) {
				for (URL url : Collections.list(entries)) {
					String path = url.getPath();
					names.add(path.substring(path.lastIndexOf('/') + 1));
				}
			}
		}
		Collections.sort(names);
		return names;
	}

	private static Bundle bundle() {
		return Platform.getBundle(WsklUiPlugin.PLUGIN_ID);
	}

	private static void copy(IProject project, String example, IProgressMonitor monitor) throws CoreException {
		URL url = bundle().getEntry(EXAMPLES + "/" + example);
		if (url == null) {
			throw new CoreException(Status.error("The example " + example + " is not in " + WsklUiPlugin.PLUGIN_ID
					+ " (the build copies the repository's examples into its folder " + EXAMPLES + ")"));
		}
		IFile file = project.getFile(example);
		try (InputStream in = url.openStream()) {
			if (file.exists()) {
				file.setContents(in, IResource.FORCE, monitor);
			} else {
				file.create(in, IResource.FORCE, monitor);
			}
			file.setCharset("UTF-8", null);
		} catch (IOException e) {
			throw new CoreException(Status.error("Could not read the example " + example, e));
		}
	}
}

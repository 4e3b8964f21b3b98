package org.wskstudio.wskl.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The WSKL models a scenario file can name: the {@code .wskl} files in its folder, as the
 * simulation launch finds them. They are loaded into the scenario's resource set, where
 * Xtext's default global scope (all resources of the set) finds the driver a scenario is for,
 * and through it the listeners and checks the steps name.
 */
public final class ScenarioModels {

	/** A model file: its resource URI and text. */
	public record Model(URI uri, String text) {
	}

	private ScenarioModels() {
	}

	/** Loads the models next to the scenario into its resource set. */
	public static void addTo(XtextResourceSet resourceSet, WskSource scenario) {
		for (Model model : of(scenario)) {
			WsklParsing.load(resourceSet, model.uri(), model.text());
		}
	}

	/** The models next to the scenario: open editors' text for live sources, else the saved content. */
	public static List<Model> of(WskSource scenario) {
		if (scenario.location() == null) {
			return List.of();
		}
		try {
			IFile file = scenario.file();
			return file != null ? inWorkspace(file.getParent(), scenario.live()) : onDisk(scenario.location().toFile());
		} catch (CoreException | IOException e) {
			WsklUiPlugin.log("Could not read the models next to " + scenario.location(), e);
			return List.of();
		}
	}

	private static List<Model> inWorkspace(IContainer folder, boolean live) throws CoreException {
		List<Model> result = new ArrayList<>();
		for (IFile model : WsklFiles.modelFiles(folder)) {
			String text = live ? openText(model) : null;
			result.add(new Model(URI.createPlatformResourceURI(model.getFullPath().toString(), true),
					text != null ? text : WskSource.read(model)));
		}
		return result;
	}

	private static String openText(IFile model) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(model.getFullPath(),
				LocationKind.IFILE);
		return buffer == null ? null : buffer.getDocument().get();
	}

	private static List<Model> onDisk(File scenario) throws IOException {
		File[] files = scenario.getParentFile() == null ? null
				: scenario.getParentFile().listFiles((dir, name) -> name.endsWith("." + WskLanguage.WSKL.fileExtension()));
		List<Model> result = new ArrayList<>();
		if (files != null) {
			for (File model : files) {
				result.add(new Model(URI.createFileURI(model.getAbsolutePath()),
						Files.readString(model.toPath(), StandardCharsets.UTF_8)));
			}
		}
		result.sort((a, b) -> a.uri().toString().compareTo(b.uri().toString()));
		return result;
	}
}

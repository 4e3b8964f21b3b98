package org.wskstudio.wskl.ui.builder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.WskCodeGenerator;
import org.wskstudio.wskl.pipeline.ModelResult;
import org.wskstudio.wskl.pipeline.WsklPipeline;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklFiles;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.ui.WsklUiPlugin;
import org.wskstudio.wskl.ui.preferences.WsklPreferences;
import org.wskstudio.wskl.ui.validation.AddressListUsers;
import org.wskstudio.wskl.ui.validation.WsklMarkerUpdater;
import org.wskstudio.wskl.ui.validation.WsklMarkers;
import org.wskstudio.wskl.ui.validation.WsklValidation;

/**
 * The WSKL builder of projects with the {@link WsklNature}. Each build validates the changed
 * models and scenarios (all of them on a full build; a changed model also re-validates the
 * scenarios next to it; a changed address list, the models that read it) with the editor's
 * validation and marker code, and for each model the language's pipeline transforms (one
 * without errors) regenerates every enabled target into
 * {@code <output folder>/<model base name>/<target>}. All files of a model are generated in
 * memory first and written only when every generator succeeded; files a generator no longer
 * produces are deleted; the outputs of removed models are deleted.
 */
public class WsklBuilder extends IncrementalProjectBuilder {

	public static final String ID = "org.wskstudio.wskl.ui.builder";
	/** Markers of failed generator runs (a problem marker on the model). */
	public static final String GENERATION_MARKER = "org.wskstudio.wskl.ui.generation";

	/** Models changed during auto builds that did not generate (generate on save off). */
	private final Set<IFile> pendingGeneration = new LinkedHashSet<>();

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IProject project = getProject();
		IPath output = project.getFolder(WsklPreferences.outputFolder(project)).getFullPath();
		Set<IFile> changed = new LinkedHashSet<>();
		Set<IFile> removed = new LinkedHashSet<>();
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(project);
		if (delta == null) {
			changed.addAll(sources(project, output));
		} else {
			Set<IFile> otherFiles = new LinkedHashSet<>();
			delta.accept(d -> {
				IResource resource = d.getResource();
				if (output.isPrefixOf(resource.getFullPath())) {
					return false;
				}
				if (resource instanceof IFile file && WsklFiles.isSource(file) && !file.isDerived()) {
					if (d.getKind() == IResourceDelta.REMOVED && WsklFiles.isWskl(file)) {
						removed.add(file);
					}
					changed.addAll(WsklMarkerUpdater.affectedBy(file, d));
				} else if (resource instanceof IFile file && !file.isDerived() && AddressListUsers.contentChanged(d)) {
					otherFiles.add(file); // perhaps an address list a model reads
				}
				return true;
			});
			if (!otherFiles.isEmpty()) {
				changed.addAll(AddressListUsers.modelsReading(otherFiles));
			}
		}
		boolean generate = kind != AUTO_BUILD || WsklPreferences.isGenerateOnSave();
		SubMonitor progress = SubMonitor.convert(monitor, "Building WSKL models of " + project.getName(),
				removed.size() + 2 * changed.size() + pendingGeneration.size());
		for (IFile file : removed) {
			pendingGeneration.remove(file);
			deleteOutputs(project, file, progress.split(1));
		}
		Set<IFile> toGenerate = new LinkedHashSet<>();
		for (IFile file : changed) {
			boolean validated = validate(file);
			progress.worked(1);
			// whether a model generates is the pipeline's decision, in generate()
			if (validated && WsklFiles.isWskl(file)) {
				toGenerate.add(file);
			} else {
				pendingGeneration.remove(file);
			}
		}
		if (!generate) {
			pendingGeneration.addAll(toGenerate);
			return null;
		}
		toGenerate.addAll(pendingGeneration);
		pendingGeneration.clear();
		progress.setWorkRemaining(toGenerate.size());
		for (IFile file : toGenerate) {
			if (file.isAccessible()) {
				generate(project, file, progress.split(1));
			}
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		IProject project = getProject();
		IPath output = project.getFolder(WsklPreferences.outputFolder(project)).getFullPath();
		List<IFile> models = sources(project, output).stream().filter(WsklFiles::isWskl).toList();
		SubMonitor progress = SubMonitor.convert(monitor, "Cleaning WSKL outputs", models.size());
		for (IFile file : models) {
			deleteOutputs(project, file, progress.split(1));
			file.deleteMarkers(GENERATION_MARKER, false, IResource.DEPTH_ZERO);
		}
		pendingGeneration.clear();
	}

	/** The models and scenarios of the project, outside the output folder. */
	static List<IFile> sources(IProject project, IPath output) throws CoreException {
		List<IFile> result = new ArrayList<>();
		project.accept(resource -> {
			if (output.isPrefixOf(resource.getFullPath()) || resource.isDerived() || resource.isTeamPrivateMember()) {
				return false;
			}
			if (resource instanceof IFile file && WsklFiles.isSource(file)) {
				result.add(file);
			}
			return true;
		});
		return result;
	}

	/** The folder of a model's outputs: {@code <output folder>/<base name>}. */
	public static IFolder outputFolder(IProject project, IFile model) {
		String base = model.getFullPath().removeFileExtension().lastSegment();
		return project.getFolder(WsklPreferences.outputFolder(project)).getFolder(base);
	}

	/** Validates the file into its markers; false when it is not accessible. */
	private static boolean validate(IFile file) throws CoreException {
		if (!file.isAccessible()) {
			return false;
		}
		WsklMarkers.replace(file, WsklValidation.validate(WskSource.saved(file), null));
		return true;
	}

	private void deleteOutputs(IProject project, IFile model, IProgressMonitor monitor) throws CoreException {
		IFolder folder = outputFolder(project, model);
		if (folder.exists()) {
			folder.delete(true, monitor);
		}
	}

	private void generate(IProject project, IFile model, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Generating from " + model.getName(), 2);
		model.deleteMarkers(GENERATION_MARKER, false, IResource.DEPTH_ZERO);
		Map<String, List<GeneratedFile>> outputs = new LinkedHashMap<>();
		// the pipeline's policy: a model with errors has no code model (its problems are markers already)
		ModelResult result = WsklUiPlugin.pipeline().model(WsklParsing.parse(WskSource.saved(model)), null);
		if (result.codeModel() == null) {
			for (Issue issue : result.issues()) {
				if (WsklPipeline.TRANSFORM_FAILED.equals(issue.getCode())) {
					generationFailed(model, "WSKL generation failed in the transformation: " + issue.getMessage());
				}
			}
			return;
		}
		String running = null;
		try {
			for (WskCodeGenerator generator : WsklGenerators.all()) {
				if (WsklPreferences.isTargetEnabled(generator.target())) {
					running = "the " + generator.target() + " generator";
					outputs.put(generator.target(), List.copyOf(generator.generate(result.codeModel())));
				}
			}
		} catch (RuntimeException | LinkageError e) {
			// nothing written: the previous outputs stay as they were
			generationFailed(model, "WSKL generation failed in " + running + ": " + e);
			return;
		}
		progress.worked(1);
		IFolder modelFolder = outputFolder(project, model);
		SubMonitor write = progress.split(1).setWorkRemaining(outputs.size());
		for (Map.Entry<String, List<GeneratedFile>> entry : outputs.entrySet()) {
			write(modelFolder.getFolder(entry.getKey()), entry.getValue(), write.split(1));
		}
	}

	private static void generationFailed(IFile model, String message) throws CoreException {
		IMarker marker = model.createMarker(GENERATION_MARKER);
		marker.setAttribute(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
		marker.setAttribute(IMarker.MESSAGE, message);
		marker.setAttribute(IMarker.LINE_NUMBER, 1);
	}

	/** Writes the files into the folder (unchanged ones are not touched) and deletes the others there. */
	private static void write(IFolder folder, List<GeneratedFile> files, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, files.size() + 1);
		Set<IPath> written = new HashSet<>();
		for (GeneratedFile generated : files) {
			IFile file = folder.getFile(IPath.fromPortableString(generated.path()));
			written.add(file.getFullPath());
			byte[] bytes = generated.content().getBytes(StandardCharsets.UTF_8);
			createFolders(file.getParent());
			if (file.exists()) {
				if (!sameContent(file, bytes)) {
					file.setContents(new ByteArrayInputStream(bytes), IResource.FORCE, progress.split(1));
				} else {
					progress.worked(1);
				}
			} else {
				file.create(new ByteArrayInputStream(bytes), IResource.FORCE | IResource.DERIVED, progress.split(1));
				file.setCharset("UTF-8", null);
			}
		}
		if (folder.exists()) {
			List<IResource> stale = new ArrayList<>();
			folder.accept(resource -> {
				if (resource instanceof IFile file && !written.contains(file.getFullPath())) {
					stale.add(file);
				}
				return true;
			});
			for (IResource resource : stale) {
				resource.delete(true, null);
			}
		}
		progress.worked(1);
	}

	private static boolean sameContent(IFile file, byte[] bytes) {
		try (var in = file.getContents(true)) {
			return java.util.Arrays.equals(in.readAllBytes(), bytes);
		} catch (Exception e) {
			return false;
		}
	}

	private static void createFolders(IContainer container) throws CoreException {
		if (container instanceof IFolder folder && !folder.exists()) {
			createFolders(folder.getParent());
			folder.create(IResource.FORCE | IResource.DERIVED, true, null);
		}
	}
}

package org.wskstudio.wskl.ui.preferences;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IScopeContext;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * The generator options of WSK Studio, in the preference node {@value #QUALIFIER}: which targets
 * to generate, the output folder and whether to generate on save (instance scope, "Window >
 * Preferences > WSK Studio"); a project may override the output folder (project scope, its
 * "WSK Studio" property page).
 */
public final class WsklPreferences {

	public static final String QUALIFIER = WsklUiPlugin.PLUGIN_ID;
	/** Folder (project relative) under which each model gets {@code <base name>/<target>}. */
	public static final String OUTPUT_FOLDER = "outputFolder";
	public static final String GENERATE_C = "generateC";
	public static final String GENERATE_JAVA = "generateJava";
	/** Whether the auto build (the build after a save) generates; a manual build always does. */
	public static final String GENERATE_ON_SAVE = "generateOnSave";

	public static final String DEFAULT_OUTPUT_FOLDER = "src-gen";

	private WsklPreferences() {
	}

	/** Writes the defaults into the default scope (called by the preference initializer). */
	public static void initializeDefaults() {
		IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(QUALIFIER);
		defaults.put(OUTPUT_FOLDER, DEFAULT_OUTPUT_FOLDER);
		defaults.putBoolean(GENERATE_C, true);
		defaults.putBoolean(GENERATE_JAVA, true);
		defaults.putBoolean(GENERATE_ON_SAVE, true);
	}

	private static IScopeContext[] workspaceScopes() {
		return new IScopeContext[] { InstanceScope.INSTANCE, DefaultScope.INSTANCE };
	}

	/** Whether the target (a generator's {@code target()}) is to be generated; unknown targets are. */
	public static boolean isTargetEnabled(String target) {
		String key = switch (target) {
		case "c" -> GENERATE_C;
		case "java" -> GENERATE_JAVA;
		default -> null;
		};
		return key == null || Platform.getPreferencesService().getBoolean(QUALIFIER, key, true, workspaceScopes());
	}

	public static boolean isGenerateOnSave() {
		return Platform.getPreferencesService().getBoolean(QUALIFIER, GENERATE_ON_SAVE, true, workspaceScopes());
	}

	/** The project's output folder: its own setting, else the workspace's, else {@value #DEFAULT_OUTPUT_FOLDER}. */
	public static String outputFolder(IProject project) {
		String folder = null;
		if (project != null) {
			folder = new ProjectScope(project).getNode(QUALIFIER).get(OUTPUT_FOLDER, null);
		}
		if (folder == null || folder.isBlank()) {
			folder = Platform.getPreferencesService().getString(QUALIFIER, OUTPUT_FOLDER, DEFAULT_OUTPUT_FOLDER,
					workspaceScopes());
		}
		folder = folder == null ? "" : folder.trim();
		return folder.isEmpty() ? DEFAULT_OUTPUT_FOLDER : folder;
	}

	/** Sets (or, for null or blank, removes) the project's own output folder. */
	public static void setProjectOutputFolder(IProject project, String folder) throws BackingStoreException {
		IEclipsePreferences node = new ProjectScope(project).getNode(QUALIFIER);
		if (folder == null || folder.isBlank()) {
			node.remove(OUTPUT_FOLDER);
		} else {
			node.put(OUTPUT_FOLDER, folder.trim());
		}
		node.flush();
	}

	/** The instance-scope node (the preference page's store writes the same node). */
	public static IEclipsePreferences workspaceNode() {
		return InstanceScope.INSTANCE.getNode(QUALIFIER);
	}
}

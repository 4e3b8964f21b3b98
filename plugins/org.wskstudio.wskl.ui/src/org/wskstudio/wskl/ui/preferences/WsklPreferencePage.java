package org.wskstudio.wskl.ui.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window > Preferences > WSK Studio: the generator options of the WSKL builder. */
public class WsklPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public WsklPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, WsklPreferences.QUALIFIER));
		setDescription("Code generation of the WSKL builder (projects with the WSKL nature).");
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}

	@Override
	protected void createFieldEditors() {
		addField(new BooleanFieldEditor(WsklPreferences.GENERATE_C, "Generate &C (WSK driver sources)", getFieldEditorParent()));
		addField(new BooleanFieldEditor(WsklPreferences.GENERATE_JAVA, "Generate &Java", getFieldEditorParent()));
		addField(new BooleanFieldEditor(WsklPreferences.GENERATE_ON_SAVE, "Generate on &save (automatic build)",
				getFieldEditorParent()));
		StringFieldEditor folder = new StringFieldEditor(WsklPreferences.OUTPUT_FOLDER, "Default &output folder:",
				getFieldEditorParent());
		folder.setEmptyStringAllowed(false);
		addField(folder);
	}
}

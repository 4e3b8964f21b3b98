package org.wskstudio.wskl.ui.preferences;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PropertyPage;
import org.osgi.service.prefs.BackingStoreException;
import org.wskstudio.wskl.ui.WsklUiPlugin;

/**
 * Project > Properties > WSK Studio: the project's output folder, stored in the project scope
 * ({@code .settings/org.wskstudio.wskl.ui.prefs}, key {@value WsklPreferences#OUTPUT_FOLDER});
 * empty means the workspace default.
 */
public class WsklPropertyPage extends PropertyPage {

	private Text folder;

	private IProject project() {
		return Adapters.adapt(getElement(), IProject.class);
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(2, false));
		new Label(composite, SWT.NONE).setText("Output folder:");
		folder = new Text(composite, SWT.BORDER);
		folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		folder.setMessage(WsklPreferences.outputFolder(null) + " (workspace default)");
		IProject project = project();
		if (project != null) {
			folder.setText(new ProjectScope(project).getNode(WsklPreferences.QUALIFIER).get(WsklPreferences.OUTPUT_FOLDER, ""));
		}
		Label hint = new Label(composite, SWT.WRAP);
		hint.setText("Each model <name>.wskl is generated into <output folder>/<name>/c and .../java.");
		hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		return composite;
	}

	@Override
	protected void performDefaults() {
		folder.setText("");
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		IProject project = project();
		if (project != null && folder != null) {
			try {
				WsklPreferences.setProjectOutputFolder(project, folder.getText());
			} catch (BackingStoreException e) {
				WsklUiPlugin.log("Could not store the output folder of " + project.getName(), e);
				return false;
			}
		}
		return true;
	}
}

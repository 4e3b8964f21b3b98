package org.wskstudio.wskl.ui.simulation;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.wskstudio.wskl.simulate.SimulationTarget;

/** Model file, optional scenario file, optional seed and target (Java twin, C driver, both) of a WSK Simulation. */
public class SimulationTab extends AbstractLaunchConfigurationTab {

	private Text model;
	private Text scenario;
	private Text seed;
	/** One radio button per target, in the order of {@link SimulationTarget#values()}. */
	private final Button[] targets = new Button[SimulationTarget.values().length];

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(3, false));
		model = row(c, "&Model (.wskl):", "*.wskl");
		scenario = row(c, "&Scenario file (.wsks, empty: every .wsks next to the model):", "*.wsks");
		Label l = new Label(c, SWT.NONE);
		l.setText("S&eed (empty: the scenarios' seeds):");
		seed = new Text(c, SWT.BORDER);
		seed.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		seed.addModifyListener(e -> updateLaunchConfigurationDialog());
		Label t = new Label(c, SWT.NONE);
		t.setText("Target:");
		Composite radios = new Composite(c, SWT.NONE);
		radios.setLayout(new GridLayout(targets.length, false));
		radios.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		for (SimulationTarget target : SimulationTarget.values()) {
			Button b = new Button(radios, SWT.RADIO);
			b.setText(switch (target) {
				case JAVA -> "&Java twin";
				case C -> "&C driver (needs gcc)";
				case BOTH -> "&Both, compared back to back";
			});
			b.setData(target);
			b.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
			targets[target.ordinal()] = b;
		}
		setControl(c);
	}

	private Text row(Composite c, String label, String pattern) {
		Label l = new Label(c, SWT.NONE);
		l.setText(label);
		l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 3, 1));
		Text text = new Text(c, SWT.BORDER);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		text.addModifyListener(e -> updateLaunchConfigurationDialog());
		Button browse = new Button(c, SWT.PUSH);
		browse.setText("Browse...");
		browse.addListener(SWT.Selection, e -> {
			FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(c.getShell(), false,
					ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
			dialog.setInitialPattern(pattern);
			if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile f) {
				text.setText(f.getFullPath().toString());
			}
		});
		return text;
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(Simulations.ATTR_MODEL, "");
		configuration.setAttribute(Simulations.ATTR_SCENARIO, "");
		configuration.setAttribute(Simulations.ATTR_SEED, "");
		configuration.setAttribute(Simulations.ATTR_TARGET, SimulationTarget.JAVA.toString());
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			model.setText(configuration.getAttribute(Simulations.ATTR_MODEL, ""));
			scenario.setText(configuration.getAttribute(Simulations.ATTR_SCENARIO, ""));
			seed.setText(configuration.getAttribute(Simulations.ATTR_SEED, ""));
			SimulationTarget target = Simulations.target(configuration.getAttribute(Simulations.ATTR_TARGET, ""));
			for (Button b : targets) {
				b.setSelection(b.getData() == target);
			}
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(Simulations.ATTR_MODEL, model.getText().trim());
		configuration.setAttribute(Simulations.ATTR_SCENARIO, scenario.getText().trim());
		configuration.setAttribute(Simulations.ATTR_SEED, seed.getText().trim());
		configuration.setAttribute(Simulations.ATTR_TARGET, selectedTarget().toString());
	}

	/** The selected target; the Java twin when none is selected. */
	private SimulationTarget selectedTarget() {
		for (Button b : targets) {
			if (b.getSelection()) {
				return (SimulationTarget) b.getData();
			}
		}
		return SimulationTarget.JAVA;
	}

	@Override
	public boolean isValid(ILaunchConfiguration launchConfig) {
		setErrorMessage(null);
		try {
			IFile m = Simulations.file(model.getText(), "model");
			if (!"wskl".equals(m.getFileExtension())) {
				setErrorMessage("the model must be a .wskl file");
				return false;
			}
			if (!scenario.getText().isBlank()) {
				Simulations.file(scenario.getText(), "scenario file");
			}
			Simulations.seed(seed.getText());
			return true;
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
	}

	@Override
	public String getName() {
		return "Simulation";
	}
}

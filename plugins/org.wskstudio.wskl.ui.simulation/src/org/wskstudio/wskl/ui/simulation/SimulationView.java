package org.wskstudio.wskl.ui.simulation;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.net.RequestRecord;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Violation;

/**
 * The runs of the last simulation: pick a run (its label says the target that ran: Java twin, C
 * driver, or both and whether they agree), see where the C driver and the Java twin first diverge
 * when they do, its sequence diagram (remote client, WSK
 * subsystem, driver), its requests and outcomes and its rule violations. A double-click on a
 * request or a violation opens the model at the element.
 */
public class SimulationView extends ViewPart {

	public static final String ID = "org.wskstudio.wskl.ui.simulation.view";

	static final int ROW = 20;
	static final int HEADER = 34;
	static final int LEFT = 70;
	static final int GAP = 260;
	static final String[] LIFELINES = { "Remote client", "WSK subsystem", "Driver" };

	private Combo runCombo;
	private Label verdict;
	private Text divergence;
	private ScrolledComposite scroll;
	private Canvas timeline;
	private Table requests;
	private Table violations;
	private List<SimulationRun> runs = List.of();
	private SimulationRun current;

	@Override
	public void createPartControl(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(2, false));
		runCombo = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
		runCombo.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
		runCombo.addListener(SWT.Selection, e -> selectRun(runCombo.getSelectionIndex()));
		verdict = new Label(root, SWT.NONE);
		verdict.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		verdict.setText("No simulation yet: Run As > WSK Simulation on a .wskl or .wsks file.");
		// the first divergence of the two targets, shown only when a run on both diverged
		divergence = new Text(root, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		GridData divergenceData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
		divergenceData.heightHint = 8 * ROW;
		divergenceData.exclude = true;
		divergence.setLayoutData(divergenceData);
		divergence.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
		divergence.setVisible(false);

		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		scroll = new ScrolledComposite(sash, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		timeline = new Canvas(scroll, SWT.DOUBLE_BUFFERED);
		timeline.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		timeline.addPaintListener(e -> paint(e.gc, e.y, e.height));
		// the lifeline names stay at the top while scrolling: repaint the visible part when the canvas moves
		timeline.addListener(SWT.Move, e -> {
			Point origin = scroll.getOrigin();
			Rectangle area = scroll.getClientArea();
			timeline.redraw(origin.x, origin.y, area.width, area.height, false);
		});
		scroll.setContent(timeline);
		scroll.getVerticalBar().setIncrement(ROW);
		timeline.setSize(timelineSize());

		SashForm tables = new SashForm(sash, SWT.HORIZONTAL);
		requests = table(tables, "#", "time", "remote", "listener", "outcome", "pended", "reason");
		requests.addListener(SWT.DefaultSelection, e -> openRequest(requests.getSelectionIndex()));
		Menu menu = new Menu(requests);
		MenuItem toListener = new MenuItem(menu, SWT.PUSH);
		toListener.setText("Open the Listener in the Model (double-click)");
		toListener.addListener(SWT.Selection, e -> openRequest(requests.getSelectionIndex()));
		MenuItem toStep = new MenuItem(menu, SWT.PUSH);
		toStep.setText("Open the Connect Step in the Scenario");
		toStep.addListener(SWT.Selection, e -> openRequestStep(requests.getSelectionIndex()));
		requests.setMenu(menu);
		violations = table(tables, "time", "rule", "severity", "element", "message");
		violations.addListener(SWT.DefaultSelection, e -> openViolation(violations.getSelectionIndex()));
		tables.setWeights(3, 2);
		sash.setWeights(3, 2);
	}

	private static Table table(Composite parent, String... columns) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (String c : columns) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(c);
			column.pack();
			column.setWidth(Math.max(column.getWidth(), 50));
		}
		return table;
	}

	/** Widens the columns of a filled table to their cells (addresses, outcomes, reasons); never narrows them. */
	private static void fitColumns(Table table) {
		if (table.getItemCount() == 0) {
			return;
		}
		for (TableColumn column : table.getColumns()) {
			int width = column.getWidth();
			column.pack();
			column.setWidth(Math.max(width, column.getWidth()));
		}
	}

	@Override
	public void setFocus() {
		runCombo.setFocus();
	}

	/** Shows the runs of a simulation and selects the first. */
	public void setRuns(List<SimulationRun> newRuns) {
		runs = List.copyOf(newRuns);
		runCombo.setItems(runs.stream().map(SimulationRun::label).toArray(String[]::new));
		runCombo.pack();
		runCombo.getParent().layout(true);
		if (runs.isEmpty()) {
			verdict.setText("No run (see the WSK Simulation console).");
			current = null;
			showDivergence(null);
			fill();
		} else {
			selectRun(0);
		}
	}

	public List<SimulationRun> runs() {
		return runs;
	}

	/** The run picker's items, as shown (a fault sweep's runs follow its unfailed run). */
	public List<String> runLabels() {
		return List.of(runCombo.getItems());
	}

	public SimulationRun currentRun() {
		return current;
	}

	/** Shows the run at the index of {@link #runs()}. */
	public void selectRun(int index) {
		if (index < 0 || index >= runs.size()) {
			return;
		}
		current = runs.get(index);
		if (runCombo.getSelectionIndex() != index) {
			runCombo.select(index);
		}
		verdict.setText(current.verdict());
		showDivergence(current.divergence());
		fill();
	}

	private void showDivergence(String report) {
		divergence.setText(report == null ? "" : report);
		divergence.setVisible(report != null);
		((GridData) divergence.getLayoutData()).exclude = report == null;
		divergence.getParent().layout(true);
	}

	/** The first divergence of the C driver and the Java twin in the current run, as shown; empty when they agree. */
	public String divergenceText() {
		return divergence.getText();
	}

	/** The verdict line of the current run (with the target that ran). */
	public String verdictText() {
		return verdict.getText();
	}

	private void fill() {
		requests.removeAll();
		violations.removeAll();
		if (current != null) {
			for (RequestRecord r : current.result().requests()) {
				TableItem item = new TableItem(requests, SWT.NONE);
				item.setText(new String[] { Integer.toString(r.index()), VirtualTime.format(r.spec().at()),
						String.valueOf(r.spec().remote()), String.valueOf(r.listener()), outcome(r),
						r.wasPended() ? "yes" : "", r.reason() == null ? "" : r.reason() });
			}
			for (Violation v : current.result().violations()) {
				TableItem item = new TableItem(violations, SWT.NONE);
				item.setText(new String[] { VirtualTime.format(v.time()), v.ruleId(), String.valueOf(v.severity()),
						String.valueOf(v.element()), v.message() });
				item.setForeground(violations.getDisplay().getSystemColor(SWT.COLOR_RED));
			}
			fitColumns(requests);
			fitColumns(violations);
		}
		timeline.setSize(timelineSize());
		timeline.redraw();
		scroll.setOrigin(0, 0);
	}

	/** A request's outcome as the scenarios write it (pended-then-accepted, timed-out, ...). */
	public static String outcome(RequestRecord r) {
		return r.outcome() == null ? "undecided" : r.outcome().name().toLowerCase().replace('_', '-');
	}

	public Table requestsTable() {
		return requests;
	}

	public Table violationsTable() {
		return violations;
	}

	public Canvas timeline() {
		return timeline;
	}

	/** The trace events the timeline draws, one row each. */
	public List<TraceEvent> timelineEvents() {
		return current == null ? List.of() : current.result().trace().events();
	}

	private Point timelineSize() {
		return new Point(LEFT + 2 * GAP + 360, HEADER + Math.max(1, timelineEvents().size()) * ROW + ROW);
	}

	private static int x(Actor actor) {
		return LEFT + 60 + actor.ordinal() * GAP;
	}

	private void paint(GC gc, int top, int height) {
		Display display = timeline.getDisplay();
		Color fg = display.getSystemColor(SWT.COLOR_LIST_FOREGROUND);
		Color grey = display.getSystemColor(SWT.COLOR_DARK_GRAY);
		Color red = display.getSystemColor(SWT.COLOR_RED);
		Color blue = display.getSystemColor(SWT.COLOR_DARK_BLUE);
		int bottom = timelineSize().y;
		gc.setForeground(grey);
		gc.setLineStyle(SWT.LINE_DOT);
		for (Actor a : Actor.values()) {
			gc.drawLine(x(a), HEADER - 6, x(a), bottom);
		}
		gc.setLineStyle(SWT.LINE_SOLID);
		List<TraceEvent> events = timelineEvents();
		int first = Math.max(0, (top - HEADER) / ROW - 1);
		int last = Math.min(events.size(), (top + height - HEADER) / ROW + 2);
		for (int i = first; i < last; i++) {
			TraceEvent e = events.get(i);
			int y = HEADER + i * ROW + ROW / 2;
			gc.setForeground(grey);
			gc.drawText(VirtualTime.format(e.time()), 4, y - 8, true);
			String label = e.kind() + (e.details() == null || e.details().isEmpty() ? "" : " " + e.details())
					+ (e.result() == null ? "" : " => " + e.result());
			if (label.length() > 70) {
				label = label.substring(0, 67) + "...";
			}
			if (e.isViolation()) {
				gc.setForeground(red);
				gc.drawText("! " + e.rule() + ": " + label, x(Actor.CLIENT), y - 8, true);
				continue;
			}
			int from = x(e.actor());
			int to = x(e.target());
			gc.setForeground(e.actor() == Actor.DRIVER || e.target() == Actor.CLIENT ? blue : fg);
			if (from == to) {
				gc.drawLine(from, y - 4, from + 20, y - 4);
				gc.drawLine(from + 20, y - 4, from + 20, y + 4);
				gc.drawLine(from + 20, y + 4, from, y + 4);
				gc.drawText(label, from + 24, y - 8, true);
				continue;
			}
			gc.drawLine(from, y + 4, to, y + 4);
			int dir = to > from ? -1 : 1;
			gc.drawLine(to, y + 4, to + dir * 6, y);
			gc.drawLine(to, y + 4, to + dir * 6, y + 8);
			gc.drawText(label, Math.min(from, to) + 6, y - 10, true);
		}
		// the lifeline names, over the rows at the top of the visible part
		int headerTop = Math.max(0, -timeline.getLocation().y);
		gc.setBackground(timeline.getBackground());
		gc.fillRectangle(0, headerTop, timelineSize().x, HEADER - 6);
		gc.setForeground(fg);
		for (Actor a : Actor.values()) {
			String name = LIFELINES[a.ordinal()];
			Point extent = gc.textExtent(name);
			gc.fillRectangle(x(a) - extent.x / 2 - 6, headerTop + 4, extent.x + 12, extent.y + 6);
			gc.drawRectangle(x(a) - extent.x / 2 - 6, headerTop + 4, extent.x + 12, extent.y + 6);
			gc.drawText(name, x(a) - extent.x / 2, headerTop + 7, true);
		}
	}

	/** Opens the model at the element of the violation at the row; null when there is none. */
	public ITextEditor openViolation(int row) {
		if (current == null || row < 0 || row >= current.result().violations().size()) {
			return null;
		}
		return open(current.modelFile(), current.lineOf(current.result().violations().get(row)));
	}

	/** Opens the model at the listener of the request at the row; null when there is none. */
	public ITextEditor openRequest(int row) {
		if (current == null || row < 0 || row >= current.result().requests().size()) {
			return null;
		}
		return open(current.modelFile(), current.lineOf(current.result().requests().get(row)));
	}

	/** Opens the scenario file at the connect step of the request at the row; null when there is none. */
	public ITextEditor openRequestStep(int row) {
		if (current == null || row < 0 || row >= current.result().requests().size()) {
			return null;
		}
		return open(current.scenarioFile(), current.scenarioLineOf(current.result().requests().get(row)));
	}

	/** Opens the file in its editor (a text editor when none is associated) and selects the (1-based) line. */
	public ITextEditor open(IFile file, int line) {
		IWorkbenchPage page = getSite().getPage();
		try {
			IEditorPart part = IDE.getDefaultEditor(file) == null
					? IDE.openEditor(page, file, EditorsUI.DEFAULT_TEXT_EDITOR_ID, true)
					: IDE.openEditor(page, file, true);
			ITextEditor editor = part.getAdapter(ITextEditor.class);
			if (editor == null) {
				return null;
			}
			IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
			IRegion region = document.getLineInformation(Math.max(0, Math.min(line - 1, document.getNumberOfLines() - 1)));
			editor.selectAndReveal(region.getOffset(), region.getLength());
			return editor;
		} catch (PartInitException | BadLocationException e) {
			org.eclipse.core.runtime.ILog.of(SimulationView.class).error("cannot open " + file.getFullPath(), e);
			return null;
		}
	}
}

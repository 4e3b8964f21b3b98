package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.wskstudio.wsk.generator.tests.c.irp.CSource.Block;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Function;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.If;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Loop;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Return;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Stmt;
import org.wskstudio.wsk.generator.tests.c.irp.CSource.Switch;

/**
 * The whole-file rules of the IRP check, and the facts the path check needs from the file:
 * IoAllocateIrp appears in exactly one function (the allocator), as
 * {@code IoAllocateIrp(1, FALSE)}; IoFreeIrp in exactly one (the freer); every
 * IoSetCompletionRoutine passes TRUE, TRUE, TRUE; every completion routine returns
 * STATUS_MORE_PROCESSING_REQUIRED on every return; every struct field that holds an
 * allocated IRP is freed by some function. It also finds the completion routines, the
 * fields each is registered on ({@code IoSetCompletionRoutine(X->Field, Routine, X, ...)}),
 * and the synchronous ones (signal their context event, never touch the IRP).
 */
final class IrpStructureRules {

	private final Map<String, Function> functions;
	private final IrpErrors errors;
	final String allocator;
	final String freer;
	/** Completion routine to the fields of its context it was registered on. */
	final Map<String, List<String>> registrations = new TreeMap<>();
	final Set<String> routines = new TreeSet<>();
	final Set<String> syncRoutines = new TreeSet<>();

	IrpStructureRules(Map<String, Function> functions, IrpErrors errors) {
		this.functions = functions;
		this.errors = errors;
		this.allocator = single("IoAllocateIrp");
		this.freer = single("IoFreeIrp");
		collectRoutines();
	}

	private String single(String primitive) {
		List<String> users = new ArrayList<>();
		for (Function f : functions.values()) {
			if (f.bodyTokens().contains(primitive)) {
				users.add(f.name());
			}
		}
		if (users.size() != 1) {
			errors.structure(primitive + " must be called by exactly one function, found " + users);
			return users.isEmpty() ? "<none>" : users.get(0);
		}
		return users.get(0);
	}

	private void collectRoutines() {
		for (Function f : functions.values()) {
			List<String> t = f.bodyTokens();
			for (int i = 0; i < t.size(); i++) {
				if (t.get(i).equals("IoSetCompletionRoutine")) {
					int close = CSource.matching(t, i + 1, "(", ")");
					List<List<String>> args = CSource.splitTopLevel(t.subList(i + 2, close), ",");
					String routine = String.join("", args.get(1));
					routines.add(routine);
					String irp = String.join("", args.get(0));
					String context = String.join("", args.get(2));
					List<String> fields = registrations.computeIfAbsent(routine, k -> new ArrayList<>());
					if (irp.startsWith(context + "->")) {
						String field = irp.substring(context.length() + 2);
						if (!fields.contains(field)) {
							fields.add(field);
						}
					}
					if (!(args.size() == 6 && args.get(3).equals(List.of("TRUE")) && args.get(4).equals(List.of("TRUE"))
							&& args.get(5).equals(List.of("TRUE")))) {
						errors.structure(f.name() + ": IoSetCompletionRoutine must be called with TRUE, TRUE, TRUE");
					}
				}
			}
		}
		for (String r : routines) {
			Function f = functions.get(r);
			if (f == null) {
				errors.structure("completion routine " + r + " is not defined");
				continue;
			}
			String irpParam = f.params().size() > 1 ? f.params().get(1).name() : "Irp";
			boolean touches = false;
			List<String> t = f.bodyTokens();
			for (int i = 0; i < t.size(); i++) {
				if (t.get(i).equals(irpParam) && !(i >= 2 && t.get(i - 2).equals("UNREFERENCED_PARAMETER"))) {
					touches = true;
				}
			}
			if (!touches && t.contains("KeSetEvent")) {
				syncRoutines.add(r);
			}
		}
	}

	/** Checks the whole-file rules, reporting to the errors. */
	void check() {
		Function alloc = functions.get(allocator);
		if (alloc != null) {
			String body = String.join(" ", alloc.bodyTokens());
			if (!body.contains("IoAllocateIrp ( 1 , FALSE )")) {
				errors.structure(allocator + ": the IRP must be allocated as IoAllocateIrp(1, FALSE)");
			}
		}
		for (String r : routines) {
			Function f = functions.get(r);
			if (f != null) {
				checkReturns(r, f.body());
			}
		}
		// every field that holds an allocated IRP is freed somewhere
		Set<String> allocatedFields = new TreeSet<>();
		Set<String> freedFields = new TreeSet<>();
		for (Function f : functions.values()) {
			List<String> t = f.bodyTokens();
			for (int i = 0; i + 3 < t.size(); i++) {
				if (t.get(i).equals("->") && t.get(i + 2).equals("=") && t.get(i + 3).equals(allocator)) {
					allocatedFields.add(t.get(i + 1));
				}
				if (t.get(i).equals(freer) && t.get(i + 1).equals("(")) {
					int close = CSource.matching(t, i + 1, "(", ")");
					List<String> arg = t.subList(i + 2, close);
					if (arg.size() >= 3 && arg.get(arg.size() - 2).equals("->")) {
						freedFields.add(arg.get(arg.size() - 1));
					}
				}
				if (t.get(i).equals("=") && t.get(i + 2).equals("->") && i + 4 < t.size() && t.get(i + 4).equals(";")) {
					freedFields.add(t.get(i + 3)); // PIRP X = Owner->Field; ... freed through X
				}
			}
		}
		for (String field : allocatedFields) {
			if (!freedFields.contains(field)) {
				errors.structure("no function frees the IRP held in field " + field);
			}
		}
	}

	private void checkReturns(String routine, Stmt s) {
		if (s instanceof Return r) {
			if (!r.expression().equals(List.of("STATUS_MORE_PROCESSING_REQUIRED"))) {
				errors.structure(routine + ": a completion routine must return STATUS_MORE_PROCESSING_REQUIRED, returns "
						+ String.join(" ", r.expression()));
			}
		} else if (s instanceof Block b) {
			b.statements().forEach(x -> checkReturns(routine, x));
		} else if (s instanceof If i) {
			checkReturns(routine, i.then());
			if (i.otherwise() != null) {
				checkReturns(routine, i.otherwise());
			}
		} else if (s instanceof Loop l) {
			checkReturns(routine, l.body());
		} else if (s instanceof Switch w) {
			checkReturns(routine, w.body());
		}
	}
}

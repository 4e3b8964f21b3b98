package org.wskstudio.wsk.generator.tests.c.irp;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.wskstudio.wsk.generator.tests.c.irp.IrpState.State;

/**
 * What the IRP check forgets at a call it does not follow. Without this, a call through a
 * function pointer ({@code Rule->StartCheck(...)}, whose hook may answer at once through a
 * driver callback that sets {@code Entry->EarlyAction}) left every known field value in place,
 * so the branches that depend on what the callee did looked impossible and were never checked.
 *
 * <p><b>Which calls, and what they may write</b> ({@link WriteSets}):
 * <ul>
 * <li>through a pointer, a member other than a WSK provider ({@code X->F(...)}) or a variable
 * ({@code Check(...)}): anything ({@link WriteSets#ALL});
 * <li>to a function of the file that is not inlined (depth limit, recursion): its summary;
 * <li>to a WSK provider with an IRP: the summary of the IRP's completion routine, which the
 * provider may run before it returns (anything if the IRP has no known routine). Without an
 * IRP ({@code WskControlSocket(..., NULL)}) a provider runs no routine of the driver; its event
 * callbacks run on other threads, like everything concurrent, which the check does not model.
 * </ul>
 * Any other callee (not defined in the file: {@code KeAcquireSpinLock}, {@code RtlCopyMemory},
 * ...) is assumed not to call back into the driver before it returns (the interlocked
 * operations on tracked values are modelled by {@link Conditions} and {@link PathExecutor}).
 *
 * <p><b>What is forgotten.</b> Every known value ({@code =K}) of a field or a global whose
 * name the callee may write; every fresh-object marker of an object the caller does not hold
 * alone in an unnamed local, once the callee writes anything; and the values and markers of
 * the caller's locals that an argument names (their address or contents are given away). A
 * forgotten fact becomes unknown: a later test of it forks, so every outcome of what the
 * callee may have done is checked. Forgetting more than is written can only add paths, never
 * hide one.
 *
 * <p><b>What is kept</b> (a documented limit): the IRP bindings of fields, their nullness and
 * the status of every IRP. An IRP field is changed only under the ownership protocol the
 * check verifies for every function as a root of its own (an IRP leaves a field only by the
 * field being set to NULL), so forgetting them would make every IRP field after every callback
 * unknown and find nothing.
 */
final class OpaqueCalls {

	private OpaqueCalls() {
	}

	/**
	 * Whether a call that is neither an IRP primitive, a WSK provider call nor inlined may run
	 * driver code before it returns: through a pointer, or to a function of the file.
	 * {@code name} is frame-named, as are all tokens the executor sees.
	 */
	static boolean mayRunDriverCode(String name, boolean member, Frame frame, WriteSets writeSets) {
		return member || frame.isVariable(name) || writeSets.isFunction(name);
	}

	/** What such a call may write: {@link WriteSets#ALL} through a pointer, else the function's summary. */
	static Set<String> writes(String name, boolean member, Frame frame, WriteSets writeSets) {
		return member || frame.isVariable(name) ? WriteSets.ALL : writeSets.of(name);
	}

	/** Drops what a callee that may write {@code writes} may have changed (see the class comment). */
	static void forget(State s, List<List<String>> args, Frame frame, Set<String> writes) {
		Set<String> named = new HashSet<>();
		for (List<String> a : args) {
			for (String t : a) {
				if (CSource.isIdentifier(t)) {
					named.add(root(AccessPaths.canonical(t, s)));
				}
			}
		}
		s.bindings().entrySet().removeIf(e -> {
			String k = e.getKey();
			boolean fresh = k.endsWith("#fresh");
			if (!fresh && !e.getValue().startsWith("=")) {
				return false;
			}
			String path = fresh ? k.substring(0, k.length() - "#fresh".length()) : k;
			if (!IrpState.isField(path) && frame.isVariable(path)) {
				return named.contains(path);
			}
			return fresh ? !writes.isEmpty() : WriteSets.covers(writes, path);
		});
	}

	/** The variable an access path starts from ({@code &Listener->Pending[i].Irp} gives Listener). */
	private static String root(String path) {
		String p = path.startsWith("&") ? path.substring(1) : path;
		int end = 0;
		while (end < p.length() && (Character.isLetterOrDigit(p.charAt(end)) || p.charAt(end) == '_' || p.charAt(end) == '$')) {
			end++;
		}
		return p.substring(0, end);
	}
}

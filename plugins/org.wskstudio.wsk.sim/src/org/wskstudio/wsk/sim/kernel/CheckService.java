package org.wskstudio.wsk.sim.kernel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.Trace;

/**
 * Stands for a slow external decision the driver waits for while an inspection is pended (for
 * example a reputation service). The driver queries a named check; the scenario answers it at a
 * virtual time ("deferredCheckAnswer"). Unanswered queries simply never complete.
 */
public final class CheckService {
	private record Query(String check, String subject, Object context, CheckCallback callback, String element) {
	}

	private final Trace trace;
	private final ExecContext exec;
	private final List<Query> outstanding = new ArrayList<>();

	public CheckService(Trace trace, ExecContext exec) {
		this.trace = trace;
		this.exec = exec;
	}

	public void query(String check, Object subject, Object context, CheckCallback callback) {
		String s = subject == null ? null : subject.toString();
		trace.record(Actor.DRIVER, Actor.WSK, "CheckQuery", null, exec.element(),
				check + (s == null ? "" : " for " + s));
		outstanding.add(new Query(check, s, context, callback, exec.element()));
	}

	/**
	 * Answers, in query order, every outstanding query of the check (whose subject equals the
	 * given one, if not null). Returns how many were answered.
	 */
	public int answer(String check, boolean accept, String subject) {
		List<Query> hit = new ArrayList<>();
		for (Iterator<Query> it = outstanding.iterator(); it.hasNext();) {
			Query q = it.next();
			if (q.check().equals(check) && (subject == null || subject.equals(q.subject()))) {
				hit.add(q);
				it.remove();
			}
		}
		for (Query q : hit) {
			trace.record(Actor.WSK, Actor.DRIVER, "CheckAnswer", null, q.element(),
					q.check() + (q.subject() == null ? "" : " for " + q.subject()) + " answers "
							+ (accept ? "accept" : "reject"));
			ExecContext.Frame f = exec.enter(NtDef.DISPATCH_LEVEL, q.element(), false);
			try {
				q.callback().answered(q.context(), accept);
			} finally {
				exec.exit(f);
			}
		}
		return hit.size();
	}
}

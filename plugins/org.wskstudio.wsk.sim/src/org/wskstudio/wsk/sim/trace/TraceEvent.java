package org.wskstudio.wsk.sim.trace;

/**
 * One structured trace entry: an API call (DRIVER to WSK), a callback or IRP completion (WSK to
 * DRIVER), a remote client's action (CLIENT to WSK) or answer (WSK to CLIENT), or a violation.
 * The result of a call or callback is filled in when it returns.
 */
public final class TraceEvent {
	private final long seq;
	private final long time;
	private final Actor actor;
	private final Actor target;
	private final String kind;
	private final String listener;
	private final String element;
	private final String details;
	private final String rule;
	private String result;

	public TraceEvent(long seq, long time, Actor actor, Actor target, String kind, String listener, String element,
			String details, String rule) {
		this.seq = seq;
		this.time = time;
		this.actor = actor;
		this.target = target;
		this.kind = kind;
		this.listener = listener;
		this.element = element;
		this.details = details;
		this.rule = rule;
	}

	public long seq() {
		return seq;
	}

	public long time() {
		return time;
	}

	/** Who acts (the arrow's origin). */
	public Actor actor() {
		return actor;
	}

	/** Who is acted upon (the arrow's end). */
	public Actor target() {
		return target;
	}

	public String kind() {
		return kind;
	}

	public String listener() {
		return listener;
	}

	public String element() {
		return element;
	}

	public String details() {
		return details;
	}

	/** Rule id for violations, else null. */
	public String rule() {
		return rule;
	}

	public boolean isViolation() {
		return rule != null;
	}

	public String result() {
		return result;
	}

	public void setResult(String result) {
		this.result = result;
	}

	@Override
	public String toString() {
		return time + " " + actor + "->" + target + " " + kind + (details.isEmpty() ? "" : " " + details)
				+ (result == null ? "" : " => " + result);
	}
}

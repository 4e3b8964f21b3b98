package org.wskstudio.wsk.sim.kernel;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Maps driver objects (socket contexts, IRPs, pool blocks, timers, registrations) to the opaque
 * model element they belong to, e.g. "listener Public" or "rule Reputation". Identity based.
 */
public final class Elements {
	private final Map<Object, String> tags = new IdentityHashMap<>();

	public void tag(Object o, String element) {
		if (o != null && element != null) {
			tags.put(o, element);
		}
	}

	public String of(Object o) {
		return o == null ? null : tags.get(o);
	}

	/** The first non-null of the tag of o and the fallbacks. */
	public String resolve(Object o, String... fallbacks) {
		String e = of(o);
		if (e != null) {
			return e;
		}
		for (String f : fallbacks) {
			if (f != null) {
				return f;
			}
		}
		return null;
	}
}

package org.wskstudio.wskl.simulate.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.scenario.FaultSweep;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wskl.wskl.Decision;
import org.wskstudio.wskl.wskl.Duration;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.TimeUnit;
import org.wskstudio.wskl.wsks.AllocationFailure;
import org.wskstudio.wskl.wsks.AllocationKind;
import org.wskstudio.wskl.wsks.AllocationSweep;
import org.wskstudio.wskl.wsks.CheckAnswer;
import org.wskstudio.wskl.wsks.Connect;
import org.wskstudio.wskl.wsks.CountExpectation;
import org.wskstudio.wskl.wsks.CounterExpectation;
import org.wskstudio.wskl.wsks.Endpoint;
import org.wskstudio.wskl.wsks.ListenerFailure;
import org.wskstudio.wskl.wsks.Outcome;
import org.wskstudio.wskl.wsks.Step;
import org.wskstudio.wskl.wsks.ViolationExpectation;
import org.wskstudio.wskl.wsks.WsksPackage;

/**
 * Turns a WSKS scenario (parsed, linked, valid) into a simulator {@link Scenario}:
 * <ul>
 * <li>{@code at T connect R [to L] -> Listener [as N] [drops at D] [expect O]}: a connection
 * request to the listener (by its model name, which the generated driver tags its socket
 * with). The local endpoint is {@code L}, or else the listener's bound address and port; for a
 * wildcard bind, the simulator's host address of the remote's family (192.0.2.10, TEST-NET-1 of
 * RFC 5737, or 2001:db8::10 of the documentation prefix of RFC 3849; see
 * {@link SimConfig#hostAddresses}). {@code expect O} checks the request's outcome; {@code
 * accepted} means accepted without a pend, {@code pended-then-accepted} after one.</li>
 * <li>{@code at T check C answers A [for N]}: the check answers its outstanding queries (all,
 * or those about request N). The generated driver asks about the canonical remote endpoint
 * (IPv4-mapped addresses as IPv4, with the port), so the subject is that text.</li>
 * <li>{@code fail each irp|pool allocation}: a fault sweep ({@link FaultSweep}): the scenario
 * runs once unfailed, then once per allocation point of that kind, each failing in turn.</li>
 * <li>{@code at T fail listener L}, {@code fail irp|pool allocation N}, {@code expect N
 * outcome}, {@code expect no violations}, {@code expect violation RULE}: as named.</li>
 * </ul>
 * Times are virtual; {@code ms} and {@code s} convert to the simulator's microseconds.
 */
public final class ScenarioTranslator {

	private final SimConfig config;

	public ScenarioTranslator() {
		this(new SimConfig());
	}

	/** Uses the configuration's host addresses for wildcard-bound listeners. */
	public ScenarioTranslator(SimConfig config) {
		this.config = config;
	}

	public Scenario translate(org.wskstudio.wskl.wsks.Scenario source) {
		Scenario target = new Scenario(source.getName());
		if (isSet(source, WsksPackage.Literals.SCENARIO__SEED)) {
			target.seed(source.getSeed());
		}
		Map<Connect, Integer> indexes = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (Step step : source.getSteps()) {
			try {
				translate(step, target, indexes);
			} catch (RuntimeException e) {
				problems.add(where(step) + ": " + e.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("scenario " + source.getName() + " cannot be simulated:\n  - "
					+ String.join("\n  - ", problems));
		}
		return target;
	}

	private void translate(Step step, Scenario target, Map<Connect, Integer> indexes) {
		if (step instanceof Connect c) {
			Listener listener = resolved(c.getListener(), "listener");
			SockAddr remote = endpoint(c.getRemote());
			SockAddr local = c.getLocal() != null ? endpoint(c.getLocal()) : defaultLocal(listener, remote);
			ConnectSpec spec = ConnectSpec.of(time(c.getTime()), remote, local, listener.getName());
			if (c.getDropAt() != null) {
				spec = spec.dropAt(time(c.getDropAt()));
			}
			int index = target.connect(spec);
			indexes.put(c, index);
			if (isSet(c, WsksPackage.Literals.CONNECT__OUTCOME)) {
				target.expectOutcome(index, outcome(c.getOutcome()));
			}
		} else if (step instanceof CheckAnswer a) {
			String check = resolved(a.getCheck(), "deferred check").getName();
			boolean accept = a.getDecision() == Decision.ACCEPT;
			if (a.getRequest() != null) {
				Connect request = resolved(a.getRequest(), "request");
				if (!indexes.containsKey(request)) {
					throw new IllegalArgumentException("request " + request.getName() + " is named before it connects");
				}
				target.deferredCheckAnswer(check, accept, checkSubject(request), time(a.getTime()));
			} else {
				target.deferredCheckAnswer(check, accept, time(a.getTime()));
			}
		} else if (step instanceof ListenerFailure f) {
			target.failListener(resolved(f.getListener(), "listener").getName(), time(f.getTime()));
		} else if (step instanceof AllocationFailure f) {
			if (f.getKind() == AllocationKind.IRP) {
				target.failIrpAllocation(f.getNth());
			} else {
				target.failPoolAllocation(f.getNth());
			}
		} else if (step instanceof AllocationSweep s) {
			target.sweep(s.getKind() == AllocationKind.IRP ? FaultSweep.Kind.IRP : FaultSweep.Kind.POOL);
		} else if (step instanceof CounterExpectation c) {
			target.checkCountersAt(time(c.getTime()));
		} else if (step instanceof CountExpectation e) {
			target.expectCount(outcome(e.getOutcome()), e.getCount());
		} else if (step instanceof ViolationExpectation v) {
			if (v.isNone()) {
				target.expectNoViolations();
			} else {
				target.expectViolation(ruleId(v.getRule()));
			}
		} else {
			throw new IllegalArgumentException("unknown step " + step.eClass().getName());
		}
	}

	/** The subject the generated driver gives k.SimQueryCheck for this request: its canonical remote endpoint. */
	public static String checkSubject(Connect request) {
		return endpoint(request.getRemote()).unmapV4().toString();
	}

	/** The local endpoint of a request without "to": see the class comment. */
	SockAddr defaultLocal(Listener listener, SockAddr remote) {
		byte[] bound = IpAddresses.parse(listener.getAddress())
				.orElseThrow(() -> new IllegalArgumentException("listener " + listener.getName() + " has no valid address"));
		if (!IpAddresses.isUnspecified(bound)) {
			return SockAddr.of(bound.length == 4 ? SockAddr.AF_INET : SockAddr.AF_INET6, bound, listener.getPort());
		}
		boolean v4 = remote.isIpv4() || remote.isV4Mapped();
		return (v4 ? config.hostIpv4() : config.hostIpv6()).withPort(listener.getPort());
	}

	static SockAddr endpoint(Endpoint e) {
		byte[] address = IpAddresses.parse(e.getAddress())
				.orElseThrow(() -> new IllegalArgumentException("'" + e.getAddress() + "' is not an IP address"));
		return SockAddr.of(address.length == 4 ? SockAddr.AF_INET : SockAddr.AF_INET6, address, e.getPort());
	}

	static long time(Duration d) {
		return d.getUnit() == TimeUnit.S ? VirtualTime.s(d.getValue()) : VirtualTime.ms(d.getValue());
	}

	/** A WSKS outcome as the simulator's (the same eight outcomes). */
	public static RequestOutcome outcome(Outcome o) {
		return switch (o) {
		case ACCEPTED -> RequestOutcome.ACCEPTED;
		case PENDED_THEN_ACCEPTED -> RequestOutcome.PENDED_THEN_ACCEPTED;
		case REJECTED -> RequestOutcome.REJECTED;
		case TIMED_OUT -> RequestOutcome.TIMED_OUT;
		case ABORTED -> RequestOutcome.ABORTED;
		case REFUSED -> RequestOutcome.REFUSED;
		case RESET -> RequestOutcome.RESET;
		case UNRESOLVED -> RequestOutcome.UNRESOLVED;
		};
	}

	private static String ruleId(String id) {
		for (Rule r : Rule.values()) {
			if (r.id().equals(id)) {
				return id;
			}
		}
		throw new IllegalArgumentException("no simulator rule is called " + id + "; the rules are "
				+ Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", ")));
	}

	private static <T extends EObject> T resolved(T object, String what) {
		if (object == null || object.eIsProxy()) {
			throw new IllegalArgumentException("unresolved " + what);
		}
		return object;
	}

	/** Whether the text sets the feature (an enum or int feature equal to its default is otherwise invisible). */
	private static boolean isSet(EObject object, EStructuralFeature feature) {
		if (NodeModelUtils.getNode(object) == null) {
			return object.eIsSet(feature);
		}
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
		return !nodes.isEmpty();
	}

	private static String where(EObject step) {
		INode node = NodeModelUtils.getNode(step);
		String file = step.eResource() != null && step.eResource().getURI() != null
				? step.eResource().getURI().lastSegment() : "scenario";
		return node == null ? file : file + ":" + node.getStartLine();
	}
}

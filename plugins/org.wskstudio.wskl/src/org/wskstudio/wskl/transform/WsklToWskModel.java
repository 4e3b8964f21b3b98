package org.wskstudio.wskl.transform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.wskstudio.wsk.model.AcceptMode;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.ConnectionDispatch;
import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.EventEnabling;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskFactory;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.address.AddressLists;
import org.wskstudio.wskl.address.AddressPatterns;
import org.wskstudio.wskl.address.AddressLists.AddressList;
import org.wskstudio.wskl.address.AddressLists.Line;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.ConnectionClause;
import org.wskstudio.wskl.wskl.ConnectionEvent;
import org.wskstudio.wskl.wskl.Decision;
import org.wskstudio.wskl.wskl.DecisionRule;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.Duration;
import org.wskstudio.wskl.wskl.EventAccept;
import org.wskstudio.wskl.wskl.Family;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.IrpAccept;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.PendRule;
import org.wskstudio.wskl.wskl.SocketOptionKind;
import org.wskstudio.wskl.wskl.TimeUnit;

/**
 * Turns a parsed, valid WSKL driver into the normalized WSK code model that the generators
 * and the simulator read. Defaults are the code model's own (its ecore says them) except the
 * prefix, which defaults to the driver's name; options are put in WSK's order and address
 * patterns are resolved to ranges.
 * The input must have passed validation; invalid parts are not second-guessed.
 */
public class WsklToWskModel {

	private static final WskFactory FACTORY = WskFactory.eINSTANCE;

	public WskDriver transform(Driver source) {
		WskDriver driver = SourceTrace.trace(FACTORY.createWskDriver(), source, "driver " + source.getName());
		driver.setName(source.getName());
		driver.setPrefix(source.getPrefix() != null ? source.getPrefix() : source.getName());
		driver.setPoolTag(source.getPoolTag());
		driver.setPoolTagValue(poolTagValue(source.getPoolTag()));
		Map<org.wskstudio.wskl.wskl.DeferredCheck, DeferredCheck> checks = new HashMap<>();
		for (org.wskstudio.wskl.wskl.DeferredCheck check : source.getChecks()) {
			DeferredCheck target = SourceTrace.trace(FACTORY.createDeferredCheck(), check, "deferred check " + check.getName());
			target.setName(check.getName());
			driver.getDeferredChecks().add(target);
			checks.put(check, target);
		}
		for (Listener listener : source.getListeners()) {
			driver.getListeners().add(listener(listener, checks));
		}
		driver.setStaticEventCallbacks(driver.getListeners().stream()
				.anyMatch(l -> l.getAcceptMode() instanceof org.wskstudio.wsk.model.EventAccept e
						&& e.getEnabling() == EventEnabling.STATIC));
		return driver;
	}

	/** The ULONG of ExAllocatePoolWithTag: first character in the lowest byte. */
	static int poolTagValue(String tag) {
		byte[] bytes = tag == null ? new byte[0] : tag.getBytes(StandardCharsets.US_ASCII);
		int value = 0;
		for (int i = 0; i < Math.min(4, bytes.length); i++) {
			value |= (bytes[i] & 0xff) << (8 * i);
		}
		return value;
	}

	private WskListener listener(Listener source, Map<org.wskstudio.wskl.wskl.DeferredCheck, DeferredCheck> checks) {
		String where = "listener " + source.getName();
		WskListener listener = SourceTrace.trace(FACTORY.createWskListener(), source, where);
		listener.setName(source.getName());
		listener.setFamily(source.getFamily() == Family.IPV4 ? AddressFamily.INET : AddressFamily.INET6);
		listener.setDualStack(source.getFamily() == Family.DUAL_STACK);
		byte[] address = IpAddresses.parse(source.getAddress()).orElseThrow(
				() -> new IllegalArgumentException("invalid address " + source.getAddress() + " of " + where));
		listener.setLocalAddress(address);
		listener.setLocalAddressText(IpAddresses.format(address));
		listener.setPort(source.getPort());
		listener.getOptions().addAll(SocketOptions.of(source));
		listener.setAcceptMode(acceptMode(source));
		listener.setConditionalAccept(source.getOptions().contains(SocketOptionKind.CONDITIONAL_ACCEPT));
		InspectBlock inspect = source.getInspect();
		if (inspect != null && inspect.isLimited()) {
			listener.setPendingCapacity(inspect.getMaxPending()); // else the code model's default
		}
		listener.setDefaultAction(InspectAction.REJECT);
		if (inspect != null) {
			for (org.wskstudio.wskl.wskl.InspectRule rule : inspect.getRules()) {
				addRules(listener, rule, where, checks);
			}
			if (inspect.getDefaultRule() != null) {
				listener.setDefaultAction(action(inspect.getDefaultRule().getAction()));
			}
		}
		listener.setConnectionDispatch(dispatch(source.getConnection()));
		return listener;
	}

	private AcceptMode acceptMode(Listener source) {
		String where = "accept mode of listener " + source.getName();
		if (source.getAccept() instanceof IrpAccept irp) {
			org.wskstudio.wsk.model.IrpAccept mode = SourceTrace.trace(FACTORY.createIrpAccept(), irp, where);
			mode.setQueueDepth(irp.isQueued() ? irp.getQueueDepth() : 1);
			mode.setReuseIrps(irp.isReuse());
			return mode;
		}
		EventAccept event = (EventAccept) source.getAccept();
		org.wskstudio.wsk.model.EventAccept mode = SourceTrace.trace(FACTORY.createEventAccept(), event, where);
		mode.setEnabling(event.getEnabling() == org.wskstudio.wskl.wskl.EventEnabling.STATIC
				? EventEnabling.STATIC : EventEnabling.PER_SOCKET);
		return mode;
	}

	/**
	 * Adds the rule to the listener's decision list; a rule with an address list adds one rule per
	 * range of the list, in the list's order, each remembering its list line.
	 */
	private void addRules(WskListener listener, org.wskstudio.wskl.wskl.InspectRule source, String where,
			Map<org.wskstudio.wskl.wskl.DeferredCheck, DeferredCheck> checks) {
		AddressPattern remote = source.getMatch().getRemote();
		AddressPattern local = source.getMatch().getLocal();
		AddressPattern listed = AddressLists.isList(remote) ? remote : AddressLists.isList(local) ? local : null;
		if (listed == null) {
			InspectRule rule = rule(source, listener.getInspectRules().size() + 1, where, checks);
			rule.setRemote(match(remote));
			rule.setLocal(match(local));
			listener.getInspectRules().add(rule);
			return;
		}
		AddressList list;
		try {
			list = AddressLists.read(listed);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read the address list " + listed.getList() + " of " + where, e);
		}
		InspectRule traced = null;
		for (Line line : list.lines()) {
			Cidr range = line.range().orElseThrow(() -> new IllegalArgumentException(
					"invalid range '" + line.text() + "' at " + list.name() + ":" + line.number()));
			int index = listener.getInspectRules().size() + 1;
			InspectRule rule = traced == null ? rule(source, index, where, checks)
					: SourceTrace.copy(traced, decision(FACTORY.createInspectRule(), source, checks), "rule " + index + " of " + where);
			rule.setIndex(index);
			traced = rule;
			rule.setListFile(list.name());
			rule.setListLine(line.number());
			rule.setRemote(listed == remote ? match(range, remote) : match(remote));
			rule.setLocal(listed == local ? match(range, local) : match(local));
			listener.getInspectRules().add(rule);
		}
	}

	private InspectRule rule(org.wskstudio.wskl.wskl.InspectRule source, int index, String where,
			Map<org.wskstudio.wskl.wskl.DeferredCheck, DeferredCheck> checks) {
		InspectRule rule = SourceTrace.trace(FACTORY.createInspectRule(), source, "rule " + index + " of " + where);
		rule.setIndex(index);
		return decision(rule, source, checks);
	}

	/** Sets what the rule decides: the action, and for a pend its check, timeout and timeout decision. */
	private static InspectRule decision(InspectRule rule, org.wskstudio.wskl.wskl.InspectRule source,
			Map<org.wskstudio.wskl.wskl.DeferredCheck, DeferredCheck> checks) {
		if (source instanceof DecisionRule decision) {
			rule.setAction(action(decision.getAction()));
		} else {
			PendRule pend = (PendRule) source;
			rule.setAction(InspectAction.PEND);
			rule.setCheck(checks.get(pend.getCheck()));
			rule.setTimeoutMillis(millis(pend.getTimeout()));
			rule.setTimeoutAction(pend.getOtherwise() != null ? action(pend.getOtherwise().getAction()) : InspectAction.REJECT);
		}
		return rule;
	}

	private AddressMatch match(AddressPattern pattern) {
		AddressMatch match = FACTORY.createAddressMatch();
		match.setText(AddressPatterns.text(pattern));
		match.setPortLow(AddressPatterns.portLow(pattern));
		match.setPortHigh(AddressPatterns.portHigh(pattern));
		if (AddressPatterns.anyAddress(pattern)) {
			match.setAnyAddress(true);
			return match;
		}
		Cidr range = AddressPatterns.range(pattern)
				.orElseThrow(() -> new IllegalArgumentException("invalid address pattern " + AddressPatterns.text(pattern)));
		setRange(match, range);
		return match;
	}

	/** The match of one range of an address list, with the list pattern's ports. */
	private AddressMatch match(Cidr listed, AddressPattern pattern) {
		AddressMatch match = FACTORY.createAddressMatch();
		Cidr range = listed.normalized();
		match.setText(range + AddressPatterns.portsText(pattern));
		match.setPortLow(AddressPatterns.portLow(pattern));
		match.setPortHigh(AddressPatterns.portHigh(pattern));
		setRange(match, range);
		return match;
	}

	private static void setRange(AddressMatch match, Cidr cidr) {
		Cidr range = cidr.normalized();
		match.setFamily(range.isIpv4() ? AddressFamily.INET : AddressFamily.INET6);
		match.setNetwork(range.network());
		match.setPrefixLength(range.prefixLength());
	}

	private static int millis(Duration duration) {
		if (duration == null) {
			return 0;
		}
		return duration.getUnit() == TimeUnit.S ? duration.getValue() * 1000 : duration.getValue();
	}

	private static InspectAction action(Decision decision) {
		return decision == Decision.ACCEPT ? InspectAction.ACCEPT : InspectAction.REJECT;
	}

	private ConnectionDispatch dispatch(ConnectionClause clause) {
		ConnectionDispatch dispatch = FACTORY.createConnectionDispatch();
		if (clause != null) {
			dispatch.setReceive(clause.getEvents().contains(ConnectionEvent.RECEIVE));
			dispatch.setDisconnect(clause.getEvents().contains(ConnectionEvent.DISCONNECT));
			dispatch.setSendBacklog(clause.getEvents().contains(ConnectionEvent.SEND_BACKLOG));
		}
		return dispatch;
	}
}

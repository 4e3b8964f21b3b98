package org.wskstudio.wskl.validation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.xtext.validation.Check;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.wskl.Family;
import org.wskstudio.wskl.wsks.AllocationFailure;
import org.wskstudio.wskl.wsks.AllocationKind;
import org.wskstudio.wskl.wsks.AllocationSweep;
import org.wskstudio.wskl.wsks.Connect;
import org.wskstudio.wskl.wsks.Endpoint;
import org.wskstudio.wskl.wsks.Scenario;
import org.wskstudio.wskl.wsks.Step;
import org.wskstudio.wskl.wsks.WsksPackage.Literals;

/** Checks of scenario files: addresses, times, request names and allocation failures. Issue codes in {@link WsksIssueCodes}. */
public class WsksValidator extends AbstractWsksValidator {

	@Check
	public void checkEndpointAddress(Endpoint endpoint) {
		if (endpoint.getAddress() != null && IpAddresses.parse(endpoint.getAddress()).isEmpty()) {
			error("'" + endpoint.getAddress() + "' is not a valid IP address.", Literals.ENDPOINT__ADDRESS,
					WsksIssueCodes.INVALID_ENDPOINT);
		}
		if (endpoint.getPort() < 1 || endpoint.getPort() > 65535) {
			error("Ports of a connection go from 1 to 65535.", Literals.ENDPOINT__PORT, WsksIssueCodes.INVALID_ENDPOINT);
		}
	}

	@Check
	public void checkConnectFamilyReachesListener(Connect connect) {
		if (connect.getListener() == null || connect.getListener().eIsProxy() || connect.getRemote() == null) {
			return;
		}
		Optional<byte[]> remote = IpAddresses.parse(connect.getRemote().getAddress());
		Family family = connect.getListener().getFamily();
		if (remote.isEmpty()) {
			return;
		}
		boolean ipv4 = remote.get().length == 4;
		if (ipv4 && family == Family.IPV6 || !ipv4 && family == Family.IPV4) {
			warning("An " + (ipv4 ? "IPv4" : "IPv6") + " client cannot reach " + family.getLiteral() + " listener '"
					+ connect.getListener().getName() + "': the request will be refused.", Literals.CONNECT__REMOTE,
					WsksIssueCodes.UNREACHABLE_LISTENER);
		}
	}

	@Check
	public void checkConnectDropsAfterItStarts(Connect connect) {
		if (connect.getDropAt() != null && connect.getTime() != null
				&& millis(connect.getDropAt()) < millis(connect.getTime())) {
			error("The client cannot drop the request before it connects.", Literals.CONNECT__DROP_AT,
					WsksIssueCodes.DROP_BEFORE_CONNECT);
		}
	}

	@Check
	public void checkRequestNamesUnique(Scenario scenario) {
		Set<String> names = new HashSet<>();
		for (Step step : scenario.getSteps()) {
			if (step instanceof Connect connect && connect.getName() != null && !names.add(connect.getName())) {
				error("Duplicate request name '" + connect.getName() + "'.", connect, Literals.CONNECT__NAME,
						WsksIssueCodes.DUPLICATE_REQUEST_NAME);
			}
		}
	}

	@Check
	public void checkAllocationCountedFromOne(AllocationFailure failure) {
		if (failure.getNth() < 1) {
			error("Allocations are counted from 1 (the run's first " + failure.getKind().getLiteral()
					+ " allocation is 1): allocation " + failure.getNth() + " never happens.", Literals.ALLOCATION_FAILURE__NTH,
					WsksIssueCodes.ALLOCATION_NUMBER);
		}
	}

	@Check
	public void checkAllocationSweepsOnce(Scenario scenario) {
		Set<AllocationKind> swept = new HashSet<>();
		for (Step step : scenario.getSteps()) {
			if (step instanceof AllocationSweep sweep && !swept.add(sweep.getKind())) {
				warning("The scenario already fails each " + sweep.getKind().getLiteral()
						+ " allocation: this sweep adds no run.", sweep, Literals.ALLOCATION_SWEEP__KIND,
						WsksIssueCodes.DUPLICATE_SWEEP);
			}
		}
	}

	/** The time of a step in milliseconds. */
	public static long millis(org.wskstudio.wskl.wskl.Duration duration) {
		return duration.getUnit() == org.wskstudio.wskl.wskl.TimeUnit.S ? duration.getValue() * 1000L : duration.getValue();
	}
}

package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;

/** Address conflicts between listening sockets (SO_REUSEADDR, SO_EXCLUSIVEADDRUSE, dual stack). */
class BindTest {

	/** Loads a first listener, then a second one, and returns the second DriverEntry status. */
	private static int secondBind(ListenerConfig first, ListenerConfig second) {
		WskSimulator sim = new WskSimulator(new SimConfig());
		assertThat(sim.load(new ListenerDriver(first))).isEqualTo(STATUS_SUCCESS);
		int st = new ListenerDriver(second).DriverEntry(sim.kernel());
		sim.run();
		return st;
	}

	@Test
	void samePortWithoutReuseIsRefused() {
		assertThat(secondBind(new ListenerConfig().name("A"), new ListenerConfig().name("B"))).isEqualTo(STATUS_ADDRESS_ALREADY_EXISTS);
	}

	@Test
	void reuseAddressAllowsASecondBind() {
		ListenerConfig b = new ListenerConfig().name("B");
		b.reuseAddress = true;
		assertThat(secondBind(new ListenerConfig().name("A"), b)).isEqualTo(STATUS_SUCCESS);
	}

	@Test
	void exclusiveAddressUseWinsOverReuse() {
		ListenerConfig a = new ListenerConfig().name("A");
		a.exclusiveAddress = true;
		ListenerConfig b = new ListenerConfig().name("B");
		b.reuseAddress = true;
		assertThat(secondBind(a, b)).isEqualTo(STATUS_ACCESS_DENIED);
	}

	@Test
	void otherPortOrFamilyDoesNotConflictButDualStackDoes() {
		assertThat(secondBind(new ListenerConfig().name("A"), new ListenerConfig().name("B").bind("0.0.0.0:40008")))
				.isEqualTo(STATUS_SUCCESS);
		assertThat(secondBind(new ListenerConfig().name("A"), new ListenerConfig().name("B").bind("[::]:40007")))
				.isEqualTo(STATUS_SUCCESS);
		assertThat(secondBind(new ListenerConfig().name("A"), new ListenerConfig().name("B").bind("[::]:40007").dualStack()))
				.isEqualTo(STATUS_ADDRESS_ALREADY_EXISTS);
	}
}

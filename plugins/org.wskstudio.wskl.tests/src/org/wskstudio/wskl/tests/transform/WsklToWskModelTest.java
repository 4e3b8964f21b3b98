package org.wskstudio.wskl.tests.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.EventAccept;
import org.wskstudio.wsk.model.EventEnabling;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.IrpAccept;
import org.wskstudio.wsk.model.OptionPhase;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/** The DSL-to-code-model transformation, checked on the examples. */
class WsklToWskModelTest {

	private static WskDriver model(String example) {
		return ModelLoading.codeModel(Examples.example(example));
	}

	@Test
	void driverHeaderAndPoolTagValue() {
		WskDriver driver = model("dual_stack.wskl");
		assertThat(driver.getName()).isEqualTo("EchoServer");
		assertThat(driver.getPrefix()).isEqualTo("Echo");
		assertThat(driver.getPoolTag()).isEqualTo("Echo");
		// ExAllocatePoolWithTag(..., 'ohcE') shows as "Echo": first character in the lowest byte
		assertThat(driver.getPoolTagValue()).isEqualTo('E' | 'c' << 8 | 'h' << 16 | 'o' << 24);
		assertThat(driver.isStaticEventCallbacks()).isFalse();
		assertThat(driver.getDeferredChecks()).extracting("name").containsExactly("Reputation");
	}

	@Test
	void dualStackListenerGetsV6OnlyOffAndConditionalAcceptBeforeBind() {
		WskListener listener = model("dual_stack.wskl").getListeners().get(0);
		assertThat(listener.getFamily()).isEqualTo(AddressFamily.INET6);
		assertThat(listener.isDualStack()).isTrue();
		assertThat(listener.getLocalAddress()).hasSize(16).containsOnly(0);
		assertThat(listener.getLocalAddressText()).isEqualTo("::");
		assertThat(listener.getPort()).isEqualTo(40007);
		assertThat(listener.getOptions()).extracting(SocketOption::getKind).containsExactly(SocketOptionKind.REUSE_ADDRESS,
				SocketOptionKind.IPV6_V6ONLY, SocketOptionKind.CONDITIONAL_ACCEPT, SocketOptionKind.WSK_EVENT_CALLBACK);
		assertThat(listener.getOptions()).extracting(SocketOption::getPhase).containsExactly(OptionPhase.BEFORE_BIND,
				OptionPhase.BEFORE_BIND, OptionPhase.BEFORE_BIND, OptionPhase.AFTER_BIND);
		SocketOption v6only = listener.getOptions().get(1);
		assertThat(v6only.getLevel()).isEqualTo(41);
		assertThat(v6only.getCode()).isEqualTo(27);
		assertThat(v6only.getValue()).isZero();
		SocketOption conditional = listener.getOptions().get(2);
		assertThat(conditional.getLevel()).isEqualTo(0xffff);
		assertThat(conditional.getCode()).isEqualTo(0x3002);
		assertThat(conditional.getValue()).isEqualTo(1);
		assertThat(listener.getOptions().get(3).getValue()).isEqualTo(0x200);
	}

	@Test
	void inspectRulesAreResolvedToRanges() {
		WskListener listener = model("dual_stack.wskl").getListeners().get(0);
		assertThat(listener.isConditionalAccept()).isTrue();
		assertThat(listener.getDefaultAction()).isEqualTo(InspectAction.REJECT);
		assertThat(listener.getInspectRules()).extracting(InspectRule::getAction).containsExactly(InspectAction.REJECT,
				InspectAction.ACCEPT, InspectAction.PEND, InspectAction.ACCEPT);
		InspectRule reject = listener.getInspectRules().get(0);
		assertThat(reject.getIndex()).isEqualTo(1);
		assertThat(reject.getRemote().getFamily()).isEqualTo(AddressFamily.INET);
		assertThat(IpAddresses.format(reject.getRemote().getNetwork())).isEqualTo("10.0.0.0");
		assertThat(reject.getRemote().getPrefixLength()).isEqualTo(8);
		assertThat(reject.getLocal().isAnyAddress()).isTrue();
		assertThat(reject.getLocal().getPortLow()).isZero();
		assertThat(reject.getLocal().getPortHigh()).isEqualTo(65535);
		InspectRule accept = listener.getInspectRules().get(1);
		assertThat(accept.getLocal().isAnyAddress()).isTrue();
		assertThat(accept.getLocal().getPortLow()).isEqualTo(40007);
		assertThat(accept.getLocal().getPortHigh()).isEqualTo(40007);
		InspectRule pend = listener.getInspectRules().get(2);
		assertThat(pend.getRemote().getFamily()).isEqualTo(AddressFamily.INET6);
		assertThat(IpAddresses.format(pend.getRemote().getNetwork())).isEqualTo("2001:db8::");
		assertThat(pend.getCheck().getName()).isEqualTo("Reputation");
		assertThat(pend.getTimeoutMillis()).isEqualTo(500);
		assertThat(pend.getTimeoutAction()).isEqualTo(InspectAction.REJECT);
		assertThat(pend.getOrigin()).isEqualTo("rule 3 of listener Public");
		assertThat(pend.getSourceFile()).isEqualTo("dual_stack.wskl");
		assertThat(pend.getSourceLine()).isEqualTo(15);
		assertThat(pend.getSourceColumn()).isEqualTo(3);
	}

	@Test
	void irpListenerKeepsQueueDepthAndReuse() {
		WskListener admin = model("dual_stack.wskl").getListeners().get(1);
		assertThat(admin.getFamily()).isEqualTo(AddressFamily.INET);
		assertThat(admin.isDualStack()).isFalse();
		assertThat(admin.getLocalAddressText()).isEqualTo("127.0.0.1");
		assertThat(admin.getOptions()).extracting(SocketOption::getKind).containsExactly(SocketOptionKind.EXCLUSIVE_ADDRESS_USE);
		assertThat(admin.getOptions().get(0).getCode()).isEqualTo(~4);
		assertThat(admin.getAcceptMode()).isInstanceOfSatisfying(IrpAccept.class, irp -> {
			assertThat(irp.getQueueDepth()).isEqualTo(2);
			assertThat(irp.isReuseIrps()).isTrue();
		});
		assertThat(admin.isConditionalAccept()).isFalse();
		assertThat(admin.getInspectRules()).isEmpty();
		assertThat(admin.getConnectionDispatch().isReceive()).isTrue();
		assertThat(admin.getConnectionDispatch().isDisconnect()).isFalse();
		assertThat(admin.getConnectionDispatch().isSendBacklog()).isFalse();
	}

	@Test
	void defaultsAreMadeExplicit() {
		WskDriver driver = model("irp_accept.wskl");
		WskListener listener = driver.getListeners().get(0);
		assertThat(listener.getAcceptMode()).isInstanceOfSatisfying(IrpAccept.class, irp -> {
			assertThat(irp.getQueueDepth()).isEqualTo(2);
			assertThat(irp.isReuseIrps()).isFalse();
		});
		assertThat(listener.getPendingCapacity()).isEqualTo(64);
		assertThat(model("conditional_accept.wskl").getListeners().get(0).getPendingCapacity()).isEqualTo(32);
	}

	@Test
	void eventModeListener() {
		WskListener listener = model("event_accept.wskl").getListeners().get(0);
		assertThat(listener.getAcceptMode()).isInstanceOfSatisfying(EventAccept.class,
				e -> assertThat(e.getEnabling()).isEqualTo(EventEnabling.PER_SOCKET));
		assertThat(listener.getConnectionDispatch().isSendBacklog()).isTrue();
	}

	@Test
	void bareIrpAcceptMeansOneFreedIrp() throws Exception {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("bare", ".wskl");
		try {
			java.nio.file.Files.writeString(file, "driver B pool tag 'Bare'\nlistener L on ipv4 0.0.0.0:80 {\n\taccept by irp\n}\n");
			WskListener listener = ModelLoading.codeModel(file).getListeners().get(0);
			assertThat(listener.getAcceptMode()).isInstanceOfSatisfying(IrpAccept.class, irp -> {
				assertThat(irp.getQueueDepth()).isEqualTo(1);
				assertThat(irp.isReuseIrps()).isFalse();
			});
			assertThat(listener.getConnectionDispatch().isReceive()).isFalse();
		} finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}
}

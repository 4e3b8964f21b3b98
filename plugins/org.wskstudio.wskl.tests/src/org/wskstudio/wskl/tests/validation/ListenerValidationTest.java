package org.wskstudio.wskl.tests.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wskstudio.wskl.tests.WsklInjectorProvider;
import org.wskstudio.wskl.validation.WsklIssueCodes;

@ExtendWith(InjectionExtension.class)
@InjectWith(WsklInjectorProvider.class)
class ListenerValidationTest extends ValidationTestSupport {

	private static String on(String familyAndAddress) {
		return HEADER + "listener L on " + familyAndAddress + " {\naccept by irp\n}\n";
	}

	@ParameterizedTest
	@CsvSource({ "ipv4 300.1.2.3:80", "ipv4 1.2.3.04:80", "ipv6 [1::2::3]:80", "ipv6 [12345::]:80" })
	void impossibleAddressesAreErrors(String address) {
		assertThat(issuesWith(on(address), WsklIssueCodes.INVALID_ADDRESS)).singleElement().satisfies(i -> {
			assertThat(isError(i)).isTrue();
			assertThat(i.getLineNumber()).isEqualTo(2);
			assertThat(i.getColumn()).isEqualTo(20);
		});
	}

	@ParameterizedTest
	@CsvSource({ "ipv4 [::]:80", "ipv6 0.0.0.0:80", "dual-stack 127.0.0.1:80" })
	void addressMustMatchTheFamily(String address) {
		assertThat(codes(on(address))).containsExactly(WsklIssueCodes.ADDRESS_FAMILY_MISMATCH);
	}

	@ParameterizedTest
	@CsvSource({ "ipv4 10.1.2.3:80", "ipv6 [::1]:80", "dual-stack [::]:80", "ipv6 [::ffff:10.0.0.1]:80" })
	void validAddressesAreFine(String address) {
		assertThat(codes(on(address))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "0", "65536", "99999" })
	void portMustBeAFixedTcpPort(int port) {
		assertThat(codes(on("ipv4 0.0.0.0:" + port))).containsExactly(WsklIssueCodes.INVALID_PORT);
	}

	@Test
	void reuseAndExclusiveAddressUseExcludeEachOther() {
		String model = HEADER + listener("L", 80, "options reuse-address, exclusive-address-use\naccept by irp");
		assertThat(codes(model)).containsExactly(WsklIssueCodes.CONFLICTING_OPTIONS);
	}

	@Test
	void duplicateOptionIsAWarning() {
		String model = HEADER + listener("L", 80, "options reuse-address, reuse-address\naccept by irp");
		assertThat(issuesWith(model, WsklIssueCodes.DUPLICATE_OPTION)).singleElement()
				.satisfies(i -> assertThat(isError(i)).isFalse());
	}

	@Test
	void twoListenersOnTheSameWildcardPortConflict() {
		String model = HEADER + listener("A", 80, "accept by irp") + listener("B", 80, "accept by irp");
		assertThat(issuesWith(model, WsklIssueCodes.BIND_CONFLICT)).singleElement().satisfies(i -> {
			assertThat(i.getLineNumber()).isEqualTo(5);
			assertThat(i.getMessage()).contains("'B'", "'A'", "port 80");
		});
	}

	@Test
	void dualStackWildcardConflictsWithIpv4OnTheSamePort() {
		String model = HEADER + "listener A on dual-stack [::]:80 {\naccept by irp\n}\n"
				+ "listener B on ipv4 127.0.0.1:80 {\naccept by irp\n}\n";
		assertThat(codes(model)).containsExactly(WsklIssueCodes.BIND_CONFLICT);
	}

	@Test
	void ipv6OnlyWildcardDoesNotConflictWithIpv4() {
		String model = HEADER + "listener A on ipv6 [::]:80 {\naccept by irp\n}\n"
				+ "listener B on ipv4 0.0.0.0:80 {\naccept by irp\n}\n";
		assertThat(codes(model)).isEmpty();
	}

	@Test
	void differentSpecificAddressesOrPortsDoNotConflict() {
		String model = HEADER + "listener A on ipv4 10.0.0.1:80 {\naccept by irp\n}\n"
				+ "listener B on ipv4 10.0.0.2:80 {\naccept by irp\n}\n" + listener("C", 81, "accept by irp");
		assertThat(codes(model)).isEmpty();
	}

	@Test
	void bothListenersWithReuseAddressMayShareThePort() {
		String model = HEADER + listener("A", 80, "options reuse-address\naccept by irp")
				+ listener("B", 80, "options reuse-address\naccept by irp");
		assertThat(codes(model)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "0", "65" })
	void irpQueueDepthIsBounded(int depth) {
		assertThat(codes(HEADER + listener("L", 80, "accept by irp queue " + depth))).containsExactly(WsklIssueCodes.INVALID_QUEUE_DEPTH);
	}

	@Test
	void irpQueueDepthInRangeIsFine() {
		assertThat(codes(HEADER + listener("L", 80, "accept by irp queue 64 reuse"))).isEmpty();
	}

	@Test
	void connectionEventNamedTwiceIsAWarning() {
		String model = HEADER + listener("L", 80, "accept by irp\nconnection handles receive, receive");
		assertThat(codes(model)).containsExactly(WsklIssueCodes.DUPLICATE_CONNECTION_EVENT);
	}
}

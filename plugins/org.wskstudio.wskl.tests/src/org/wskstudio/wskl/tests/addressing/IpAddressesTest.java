package org.wskstudio.wskl.tests.addressing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IpAddresses;

class IpAddressesTest {

	@ParameterizedTest
	@CsvSource({ "0.0.0.0,0.0.0.0", "192.168.1.10,192.168.1.10", "::,::", "[::1],::1", "2001:DB8::1,2001:db8::1",
			"2001:db8:0:0:1:0:0:1,2001:db8::1:0:0:1", "fe80:0:0:0:0:0:0:1,fe80::1", "::ffff:10.0.0.1,::ffff:10.0.0.1",
			"1:2:3:4:5:6:7:8,1:2:3:4:5:6:7:8", "2001:db8::,2001:db8::", "0:0:0:0:0:0:0:0,::" })
	void parsesAndFormatsCanonically(String text, String canonical) {
		byte[] address = IpAddresses.parse(text).orElseThrow();
		assertThat(IpAddresses.format(address)).isEqualTo(canonical);
		assertThat(IpAddresses.parse(canonical)).hasValueSatisfying(again -> assertThat(again).isEqualTo(address));
	}

	@ParameterizedTest
	@ValueSource(strings = { "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3", "1:2:3:4:5:6:7:8:9", "1::2::3",
			"12345::", "g::", ":1:2", "1.2.3.4:80", "" })
	void rejectsMalformedText(String text) {
		assertThat(IpAddresses.parse(text)).isEmpty();
	}

	@Test
	void cidrCoversWithinOneFamilyOnly() {
		Cidr ten = new Cidr(IpAddresses.parse("10.0.0.0").orElseThrow(), 8);
		Cidr tenOne = new Cidr(IpAddresses.parse("10.1.0.0").orElseThrow(), 16);
		Cidr mapped = new Cidr(IpAddresses.parse("::ffff:10.1.0.0").orElseThrow(), 112);
		assertThat(ten.covers(tenOne)).isTrue();
		assertThat(tenOne.covers(ten)).isFalse();
		assertThat(ten.covers(mapped)).isFalse();
		assertThat(ten.overlaps(tenOne)).isTrue();
		assertThat(ten.contains(IpAddresses.parse("10.255.0.1").orElseThrow())).isTrue();
		assertThat(ten.contains(IpAddresses.parse("11.0.0.1").orElseThrow())).isFalse();
	}

	@Test
	void hostBitsAreDetectedAndCleared() {
		Cidr cidr = new Cidr(IpAddresses.parse("10.1.2.3").orElseThrow(), 8);
		assertThat(cidr.hasHostBits()).isTrue();
		assertThat(cidr.normalized()).hasToString("10.0.0.0/8");
		assertThat(new Cidr(IpAddresses.parse("2001:db8::1").orElseThrow(), 32).normalized()).hasToString("[2001:db8::]/32");
	}
}

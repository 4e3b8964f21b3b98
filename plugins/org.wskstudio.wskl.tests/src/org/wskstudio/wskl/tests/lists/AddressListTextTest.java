package org.wskstudio.wskl.tests.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wskl.address.AddressLists;
import org.wskstudio.wskl.address.AddressLists.Line;

/** How a list file's text is read: lines that count, their positions, the range each stands for. */
class AddressListTextTest {

	@Test
	void commentsBlankLinesAndSurroundingWhitespaceDoNotCount() {
		List<Line> lines = AddressLists.lines("# a blocklist\n\n10.0.0.0/8\n   \t192.0.2.0/24   # TEST-NET-1\n#\n"
				+ "  [2001:db8::]/32\n2001:db8:1::5\n");
		assertThat(lines).extracting(Line::number).containsExactly(3, 4, 6, 7);
		assertThat(lines).extracting(Line::column).containsExactly(1, 5, 3, 1);
		assertThat(lines).extracting(Line::text).containsExactly("10.0.0.0/8", "192.0.2.0/24", "[2001:db8::]/32",
				"2001:db8:1::5");
		assertThat(lines).extracting(Line::rest).containsOnlyNulls();
	}

	@Test
	void windowsAndOldMacLineEndsAndAByteOrderMarkAreLineEnds() {
		List<Line> lines = AddressLists.lines("\uFEFF10.0.0.0/8\r\n\r\n192.0.2.0/24\r198.51.100.0/24");
		assertThat(lines).extracting(Line::number).containsExactly(1, 3, 4);
		assertThat(lines).extracting(Line::column).containsExactly(1, 1, 1);
		assertThat(lines).extracting(Line::text).containsExactly("10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24");
	}

	@Test
	void whatFollowsTheRangeIsKeptWithItsColumn() {
		Line line = AddressLists.lines("  10.9.0.0/16 ; SBL123  # from a feed\n").get(0);
		assertThat(line.text()).isEqualTo("10.9.0.0/16");
		assertThat(line.rest()).isEqualTo("; SBL123");
		assertThat(line.restColumn()).isEqualTo(15);
		assertThat(line.prefixColumn()).isEqualTo(12);
	}

	@Test
	void aLineStandsForItsRangeAndABareAddressForItsHost() {
		assertThat(AddressLists.range("10.1.0.0/16")).contains(new Cidr(new byte[] { 10, 1, 0, 0 }, 16));
		assertThat(AddressLists.range("192.0.2.7")).contains(new Cidr(new byte[] { (byte) 192, 0, 2, 7 }, 32));
		assertThat(AddressLists.range("[2001:db8::]/32").orElseThrow().prefixLength()).isEqualTo(32);
		assertThat(AddressLists.range("2001:db8::1").orElseThrow().prefixLength()).isEqualTo(128);
		assertThat(AddressLists.range("10.0.0.300/24")).isEmpty();
		assertThat(AddressLists.range("10.0.0.0/33")).isEmpty();
		assertThat(AddressLists.range("10.0.0.0/")).isEmpty();
		assertThat(AddressLists.range("10.0.0.0/x")).isEmpty();
		assertThat(AddressLists.range("example.com")).isEmpty();
	}

	@Test
	void anEmptyTextHasNoLines() {
		assertThat(AddressLists.lines("")).isEmpty();
		assertThat(AddressLists.lines("\n# only comments\n\n")).isEmpty();
	}
}

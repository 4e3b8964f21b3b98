package org.wskstudio.wsk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.trace.Json;

/** JSON-lines and SVG output. */
class TraceWritersTest {

	@Test
	void jsonEscapesControlCharactersAndQuotes() {
		assertThat(Json.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
		assertThat(Json.quote(null)).isEqualTo("null");
	}

	@Test
	void jsonLinesHaveFixedKeysAndViolationsCarryTheRule() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int closeComplete(Object dev, Irp irp, Object ctx) {
				k.IoFreeIrp(irp);
				return super.closeComplete(dev, irp, ctx);
			}
		};
		Scenario s = new Scenario("json");
		s.connect(org.wskstudio.wsk.sim.net.ConnectSpec.of(ms(1), addr("198.51.100.1:5000"), null, "Public")
				.disconnectAt(ms(5)));
		ScenarioResult r = run(s, bad);
		String[] lines = r.jsonLines().split("\n");
		assertThat(lines[0]).startsWith("{\"seq\":0,\"t\":0,\"actor\":\"WSK\",\"to\":\"DRIVER\",\"kind\":\"DriverEntry\"");
		assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"violation\"") && l.contains("\"rule\":\"IRP_DOUBLE_FREE\"")
				&& l.contains("\"t\":5000") && l.contains("\"element\":\"Public\""));
		assertThat(lines).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
		String svg = r.svg(500);
		assertThat(svg).startsWith("<svg").contains("Remote client", "WSK subsystem", "Driver")
				.contains("fill=\"#c00\" font-weight=\"bold\">IRP_DOUBLE_FREE").endsWith("</svg>\n");
	}

	@Test
	void svgNotesOmittedEvents() {
		Scenario s = new Scenario("many");
		for (int i = 0; i < 20; i++) {
			s.connect(ms(1 + i), "198.51.100." + (i + 1) + ":5000", "Public");
		}
		ScenarioResult r = run(s, new ListenerDriver());
		assertThat(r.svg(10)).contains("more events not drawn");
	}
}

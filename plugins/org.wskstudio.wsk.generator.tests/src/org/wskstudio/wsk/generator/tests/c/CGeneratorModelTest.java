package org.wskstudio.wsk.generator.tests.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wsk.generator.c.CLiterals;
import org.wskstudio.wsk.generator.c.CNaming;
import org.wskstudio.wsk.model.EventAccept;
import org.wskstudio.wsk.model.EventEnabling;
import org.wskstudio.wsk.model.IrpAccept;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskFactory;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/** Naming, literals, option order and the generator's own model checks. */
class CGeneratorModelTest {

	private static WskDriver model(String example) {
		return ModelLoading.codeModel(Examples.example(example + ".wskl"));
	}

	private static String source(List<GeneratedFile> files, String suffix) {
		return files.stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow().content();
	}

	@Test
	void poolTagIsReversedMulticharLiteral() {
		WskDriver d = WskFactory.eINSTANCE.createWskDriver();
		d.setPoolTag("Echo");
		d.setPoolTagValue('E' | 'c' << 8 | 'h' << 16 | 'o' << 24);
		assertThat(CLiterals.poolTag(d)).isEqualTo("((ULONG)'ohcE')");
		assertThat(CLiterals.poolTagDisplay(d)).isEqualTo("Echo");
		d.setPoolTagValue('A' | '\'' << 8 | 'B' << 16 | 'C' << 24);
		assertThat(CLiterals.poolTag(d)).isEqualTo("((ULONG)0x43422741UL)");
	}

	@Test
	void fileNamesAndSymbolsFollowThePrefix() {
		List<GeneratedFile> files = new CGenerator().generate(model("dual_stack"));
		assertThat(files).extracting(GeneratedFile::path)
				.containsExactly("echo_driver.h", "echo_driver.c", "echo_checks.c", "wsk_decls.h", "netio.def", "echo.mk");
		String c = source(files, "echo_driver.c");
		assertThat(c).contains("static WSK_ACCEPT_EVENT_FN     EchoPublic_AcceptEvent;")
				.contains("*AcceptSocketDispatch = &EchoPublicConnectionDispatch;")
				.contains("NonPagedPoolNx").doesNotContain("PendingInspectID")
				.doesNotContainPattern("return\\s+STATUS_[A-Z_]+\\s*:")
				.doesNotContainPattern("[^A-Za-z_]Inspect(Accept|Reject|Pend)[^A-Za-z_]");
		assertThat(source(files, "echo_driver.h")).contains("#define ECHO_POOL_TAG ((ULONG)'ohcE')")
				.contains("NTSTATUS\nEchoPublic_CompleteReputationCheck(");
	}

	@Test
	void optionsFollowTheModelOrderAroundBind() {
		String c = source(new CGenerator().generate(model("dual_stack")), "echo_driver.c");
		String open = c.substring(c.indexOf("EchoPublic_Open(PECHO_LISTENER Listener)\n{"));
		int reuse = open.indexOf("SOL_SOCKET, SO_REUSEADDR, 1");
		int v6only = open.indexOf("IPPROTO_IPV6, IPV6_V6ONLY, 0");
		int conditional = open.indexOf("SOL_SOCKET, SO_CONDITIONAL_ACCEPT, 1");
		int bind = open.indexOf("Echo_ListenerBind(Listener");
		int events = open.indexOf("Echo_ListenerEnableEvents(Listener, WSK_EVENT_ACCEPT");
		assertThat(List.of(reuse, v6only, conditional, bind, events)).doesNotContain(-1).isSorted();
	}

	@Test
	void namesThatWouldClashAreRejected() {
		WskDriver d = model("irp_accept");
		WskListener second = org.eclipse.emf.ecore.util.EcoreUtil.copy(d.getListeners().get(0));
		second.setName("Public");
		d.getListeners().add(second);
		assertThatThrownBy(() -> new CGenerator().generate(d)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("IrpAccPublic");
		assertThatThrownBy(() -> new CNaming("1bad")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void staticEventsWithAnIrpListenerAreRejected() {
		WskDriver d = model("irp_accept");
		WskListener l = org.eclipse.emf.ecore.util.EcoreUtil.copy(d.getListeners().get(0));
		l.setName("Other");
		EventAccept e = WskFactory.eINSTANCE.createEventAccept();
		e.setEnabling(EventEnabling.STATIC);
		l.setAcceptMode(e);
		d.getListeners().add(l);
		d.setStaticEventCallbacks(true);
		assertThat(d.getListeners().get(0).getAcceptMode()).isInstanceOf(IrpAccept.class);
		assertThatThrownBy(() -> new CGenerator().generate(d)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("static event callbacks");
	}
}

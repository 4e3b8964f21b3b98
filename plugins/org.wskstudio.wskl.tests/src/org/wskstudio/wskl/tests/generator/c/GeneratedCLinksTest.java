package org.wskstudio.wskl.tests.generator.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wskl.tests.Examples;

/**
 * Every example's C links, at -O2 with mingw-w64, into a native-subsystem PE driver image whose
 * every import resolves to ntoskrnl.exe or NETIO.SYS (the latter through the import library made
 * from the generated netio.def), and passes gcc's static analyzer.
 */
class GeneratedCLinksTest {

	/** The netio.sys exports netio.def lists. */
	static final List<String> NETIO_EXPORTS = List.of("WskRegister", "WskDeregister", "WskCaptureProviderNPI",
			"WskReleaseProviderNPI", "WskQueryProviderCharacteristics");

	static Stream<String> examples() {
		return Examples.validModels().stream().map(GeneratedC::exampleName);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void linksIntoANativeDriverImage(String example, @TempDir Path dir) {
		Map<String, String> files = GeneratedC.generate(example);
		GeneratedC.write(files, dir);
		Path image = dir.resolve(example + ".sys");

		GeneratedC.Result r = DriverImage.build(dir, units(files), image);
		assertThat(r.output()).as("build output").isEmpty();
		assertThat(r.exitCode()).as("build exit code").isZero();

		DriverImage.Facts facts = DriverImage.read(image);
		assertThat(facts.subsystem()).as("subsystem (1 = native)").isEqualTo(1);
		assertThat(facts.imageBase() + facts.entryPoint()).as("entry point is DriverEntry").isEqualTo(facts.driverEntry());
		assertThat(facts.imports().keySet()).as("imported modules").contains("ntoskrnl.exe", "NETIO.SYS")
				.isSubsetOf(DriverImage.KERNEL_MODULES);
		String sources = String.join("\n", files.values());
		assertThat(facts.imports().get("NETIO.SYS")).as("NETIO.SYS imports")
				.contains("WskRegister", "WskCaptureProviderNPI", "WskReleaseProviderNPI", "WskDeregister")
				.allSatisfy(f -> assertThat(sources).contains(f + "("));
		assertThat(facts.imports().get("ntoskrnl.exe")).as("ntoskrnl.exe imports")
				.contains("IoAllocateIrp", "IoFreeIrp", "ExAllocatePoolWithTag", "ExFreePoolWithTag");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyUnitPassesTheStaticAnalyzer(String example, @TempDir Path dir) {
		Map<String, String> files = GeneratedC.generate(example);
		GeneratedC.write(files, dir);
		for (String unit : units(files)) {
			GeneratedC.Result r = DriverImage.run(DriverImage.compileCommand(dir, unit, "-fanalyzer"));
			assertThat(r.output()).as(unit + ": -fanalyzer output").isEmpty();
			assertThat(r.exitCode()).as(unit + ": exit code").isZero();
		}
	}

	@Test
	void netioDefinitionsListTheDocumentedExports() {
		List<String> exports = CGenerator.netioDefinitions().lines().map(String::strip)
				.dropWhile(l -> !l.equals("EXPORTS")).skip(1).filter(l -> !l.isEmpty() && !l.startsWith(";")).toList();
		assertThat(exports).containsExactlyInAnyOrderElementsOf(NETIO_EXPORTS);
		assertThat(CGenerator.netioDefinitions()).contains("LIBRARY NETIO.SYS");
	}

	@Test
	void aCallToAnUndocumentedNetioFunctionDoesNotLink(@TempDir Path dir) {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("netio.def", CGenerator.netioDefinitions());
		files.put("wsk_decls.h", CGenerator.declarations());
		files.put("rogue.c", """
				#include <ntddk.h>
				#include "wsk_decls.h"

				/* Not a documented export of netio.sys, so not in netio.def. */
				NTSTATUS WskQuerySecretProviderState(PWSK_REGISTRATION Registration);

				static WSK_REGISTRATION Registration;

				DRIVER_INITIALIZE DriverEntry;

				NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
				{
				    UNREFERENCED_PARAMETER(DriverObject);
				    UNREFERENCED_PARAMETER(RegistryPath);
				    return WskQuerySecretProviderState(&Registration);
				}
				""");
		GeneratedC.write(files, dir);
		GeneratedC.Result r = DriverImage.build(dir, List.of("rogue.c"), dir.resolve("rogue.sys"));
		assertThat(r.exitCode()).as("link exit code").isNotZero();
		assertThat(r.output()).contains("undefined reference to `WskQuerySecretProviderState'");
		assertThat(dir.resolve("rogue.sys")).doesNotExist();
	}

	private static List<String> units(Map<String, String> files) {
		return files.keySet().stream().filter(f -> f.endsWith(".c")).toList();
	}
}

package org.wskstudio.wsk.generator.tests.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/**
 * Every example's C links, with the generated makefile (mingw-w64, -O2), into a native-subsystem
 * PE driver image whose entry point is DriverEntry and whose every import resolves to
 * ntoskrnl.exe or NETIO.SYS (the latter through the import library made from the generated
 * netio.def); and every unit passes gcc's static analyzer.
 */
class GeneratedCLinksTest {

	/** The documented netio.sys exports a WSK client may import. */
	static final List<String> NETIO_EXPORTS = List.of("WskRegister", "WskDeregister", "WskCaptureProviderNPI",
			"WskReleaseProviderNPI", "WskQueryProviderCharacteristics");

	static Stream<String> examples() {
		return GeneratedCCompilesTest.examples();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void linksIntoANativeDriverImage(String example, @TempDir Path dir) {
		Map<String, String> files = GeneratedC.generate(example);
		GeneratedC.write(files, dir);

		GeneratedC.Result r = DriverImage.make(dir, prefix(files) + ".mk");
		assertThat(r.output()).as("make output").isEmpty();
		assertThat(r.exitCode()).as("make exit code").isZero();

		Path image = dir.resolve(imageName(files));
		DriverImage.Facts facts = DriverImage.read(image);
		assertThat(facts.subsystem()).as("subsystem (1 = native)").isEqualTo(1);
		assertThat(facts.imageBase() + facts.entryPoint()).as("entry point = DriverEntry").isEqualTo(facts.driverEntry());
		assertThat(facts.imports().keySet()).as("imported modules").contains("ntoskrnl.exe", "NETIO.SYS")
				.isSubsetOf(DriverImage.KERNEL_MODULES);
		String sources = String.join("\n", files.values());
		assertThat(facts.imports().get("NETIO.SYS")).as("NETIO.SYS imports")
				.contains("WskRegister", "WskCaptureProviderNPI", "WskReleaseProviderNPI", "WskDeregister")
				.isSubsetOf(NETIO_EXPORTS).allSatisfy(f -> assertThat(sources).contains(f + "("));
		assertThat(facts.imports().get("ntoskrnl.exe")).as("ntoskrnl.exe imports")
				.contains("IoAllocateIrp", "IoFreeIrp", "ExAllocatePoolWithTag", "ExFreePoolWithTag");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyUnitPassesTheStaticAnalyzer(String example, @TempDir Path dir) {
		Map<String, String> files = GeneratedC.generate(example);
		GeneratedC.write(files, dir);
		GeneratedC.Result r = DriverImage.make(dir, prefix(files) + ".mk", "analyze");
		assertThat(r.output()).as("make analyze output").isEmpty();
		assertThat(r.exitCode()).as("make analyze exit code").isZero();
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
		Map<String, String> files = new LinkedHashMap<>(GeneratedC.generate("irp_accept"));
		String unit = files.keySet().stream().filter(f -> f.endsWith("_driver.c")).findFirst().orElseThrow();
		files.put(unit, files.get(unit) + """

				/* Not a documented export of netio.sys, so not in netio.def. */
				NTSTATUS WskQuerySecretProviderState(PWSK_REGISTRATION Registration);
				NTSTATUS RogueQuery(PWSK_REGISTRATION Registration);

				NTSTATUS RogueQuery(PWSK_REGISTRATION Registration)
				{
				    return WskQuerySecretProviderState(Registration);
				}
				""");
		GeneratedC.write(files, dir);
		GeneratedC.Result r = DriverImage.make(dir, prefix(files) + ".mk");
		assertThat(r.exitCode()).as("make exit code").isNotZero();
		assertThat(r.output()).contains("undefined reference to `WskQuerySecretProviderState'");
		assertThat(dir.resolve(imageName(files))).doesNotExist();
	}

	/**
	 * The rules' model elements ({@code PFX_ORIGIN}) are strings of a checked build only: the free
	 * image (the makefile's default, DBG=0) holds none of them, the checked one ({@code make DBG=1})
	 * every rule's, and both link warning-free.
	 */
	@Test
	void onlyACheckedBuildCarriesTheRulesModelElements(@TempDir Path dir) throws IOException {
		Map<String, String> files = GeneratedC.generate("conditional_accept");
		String origin = "rule 1 of listener Public (conditional_accept.wskl:14)";
		assertThat(files.get("guard_driver.c")).contains("GUARD_ORIGIN(\"" + origin + "\")");
		Path free = GeneratedC.write(files, dir.resolve("free"));
		Path checked = GeneratedC.write(files, dir.resolve("checked"));

		GeneratedC.Result r = DriverImage.make(free, prefix(files) + ".mk");
		assertThat(r.exitCode()).as(r.output()).isZero();
		GeneratedC.Result d = DriverImage.make(checked, prefix(files) + ".mk", "DBG=1");
		assertThat(d.exitCode()).as(d.output()).isZero();
		assertThat(d.output()).as("make output").isEmpty();

		String freeImage = new String(Files.readAllBytes(free.resolve(imageName(files))), StandardCharsets.ISO_8859_1);
		String checkedImage = new String(Files.readAllBytes(checked.resolve(imageName(files))),
				StandardCharsets.ISO_8859_1);
		assertThat(freeImage).doesNotContain("of listener Public");
		assertThat(checkedImage).contains(origin, "rule 3 of listener Public (conditional_accept.wskl:16)",
				"default of listener Public (conditional_accept.wskl:10)");
	}

	private static String imageName(Map<String, String> files) {
		return prefix(files) + ".sys";
	}

	/** The lower-case prefix, from the header's name ({@code guard_driver.h}). */
	private static String prefix(Map<String, String> files) {
		String header = files.keySet().stream().filter(f -> f.endsWith("_driver.h")).findFirst().orElseThrow();
		return header.substring(0, header.length() - "_driver.h".length());
	}
}

package org.wskstudio.wsk.generator.tests.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Case;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Raw;

/**
 * The generated C rule evaluation (canonical form, interval search, candidates) compiled for
 * the host with gcc and a minimal shim of the kernel types it uses, run on the cases of
 * {@link ClassifierTargetTest}: a million random requests per example listener and per large
 * generated model, every answer equal to first match over the rule list. The code under test
 * is cut from the generated files as they are: the rule types of the header, section 6 up to the
 * evaluation, and the listener's rule and classifier tables.
 */
class ClassifierHostCTest extends ClassifierTargetTest {

	/** The kernel names section 6 and the tables use, for a host compiler. */
	private static final String SHIM = """
			#include <stdint.h>
			#include <stdio.h>
			#include <stdlib.h>
			#include <string.h>
			typedef void VOID;
			typedef unsigned char UCHAR;
			typedef unsigned short USHORT;
			typedef uint32_t ULONG;
			typedef int32_t LONG;
			typedef unsigned char BOOLEAN;
			typedef uint64_t ULONGLONG;
			typedef const char *PCSTR;
			#define CONST const
			#define TRUE 1
			#define FALSE 0
			#define AF_INET 2
			#define AF_INET6 23
			#define _IRQL_requires_max_(x)
			#define _In_
			#define _In_opt_
			#define _Out_
			#define _In_reads_(x)
			#define RTL_NUMBER_OF(a) (sizeof(a) / sizeof((a)[0]))
			#define RtlZeroMemory(d, n) memset((d), 0, (n))
			#define RtlCopyMemory(d, s, n) memcpy((d), (s), (n))
			#define RtlEqualMemory(a, b, n) (memcmp((a), (b), (n)) == 0)
			#define RtlUshortByteSwap(x) ((USHORT)__builtin_bswap16(x))
			typedef enum { WskInspectReject, WskInspectAccept, WskInspectPend, WskInspectMax } WSK_INSPECT_ACTION;
			typedef struct { ULONGLONG Key; ULONG SerialNumber; } WSK_INSPECT_ID;
			typedef struct { USHORT sa_family; char sa_data[14]; } SOCKADDR;
			typedef struct { USHORT sin_family; USHORT sin_port; UCHAR sin_addr[4]; char sin_zero[8]; } SOCKADDR_IN;
			typedef struct { union { UCHAR Byte[16]; USHORT Word[8]; } u; } IN6_ADDR;
			typedef struct {
			    USHORT sin6_family; USHORT sin6_port; ULONG sin6_flowinfo; IN6_ADDR sin6_addr; ULONG sin6_scope_id;
			} SOCKADDR_IN6;
			""";

	/** Reads "family hex port family hex port" lines (remote, local), prints the rule index or -1. */
	private static final String MAIN = """

			static int Endpoint(SOCKADDR_IN6 *Storage, int Family, const char *Hex, unsigned Port)
			{
			    memset(Storage, 0, sizeof(*Storage));
			    if (Family == AF_INET) {
			        SOCKADDR_IN *V4 = (SOCKADDR_IN *)Storage;
			        V4->sin_family = AF_INET;
			        V4->sin_port = RtlUshortByteSwap((USHORT)Port);
			        for (int i = 0; i < 4; i++) { unsigned b; sscanf(Hex + 2 * i, "%2x", &b); V4->sin_addr[i] = (UCHAR)b; }
			        return 1;
			    }
			    if (Family == AF_INET6) {
			        Storage->sin6_family = AF_INET6;
			        Storage->sin6_port = RtlUshortByteSwap((USHORT)Port);
			        for (int i = 0; i < 16; i++) { unsigned b; sscanf(Hex + 2 * i, "%2x", &b); Storage->sin6_addr.u.Byte[i] = (UCHAR)b; }
			        return 1;
			    }
			    return 0;
			}

			int main(void)
			{
			    int RemoteFamily, LocalFamily;
			    unsigned RemotePort, LocalPort;
			    char RemoteHex[33], LocalHex[33];
			    SOCKADDR_IN6 Remote, Local;

			    while (scanf("%d %32s %u %d %32s %u", &RemoteFamily, RemoteHex, &RemotePort,
			                 &LocalFamily, LocalHex, &LocalPort) == 6) {
			        int HasRemote = Endpoint(&Remote, RemoteFamily, RemoteHex, RemotePort);
			        int HasLocal = Endpoint(&Local, LocalFamily, LocalHex, LocalPort);
			        const RULE_TYPE *Rule = EVALUATE(&CLASSIFIER, HasLocal ? (const SOCKADDR *)&Local : NULL,
			                                         HasRemote ? (const SOCKADDR *)&Remote : NULL);
			        printf("%ld\\n", Rule == NULL ? -1L : (long)(Rule - RULES));
			    }
			    return 0;
			}
			""";

	@TempDir
	Path dir;

	@Override
	String target() {
		return "the generated C";
	}

	/** Builds the listener's evaluation and feeds it the requests on stdin, one line each; reads its answers. */
	@Override
	int[] lookUp(Case c, List<Raw[]> requests) throws Exception {
		Path exe = build(c.driver(), c.listener(), "l" + c.seed());
		Process p = new ProcessBuilder(exe.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		Thread feeder = new Thread(() -> {
			try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII))) {
				StringBuilder line = new StringBuilder();
				for (Raw[] q : requests) {
					line.setLength(0);
					endpoint(line, q[0]).append(' ');
					endpoint(line, q[1]).append('\n');
					out.write(line.toString());
				}
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		feeder.start();
		int[] answers = new int[requests.size()];
		try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
			for (int i = 0; i < answers.length; i++) {
				String answer = in.readLine();
				assertThat(answer).as("answer " + i).isNotNull();
				answers[i] = Integer.parseInt(answer);
			}
		}
		feeder.join();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).isZero();
		return answers;
	}

	private static StringBuilder endpoint(StringBuilder s, Raw e) {
		if (e.address() == null) {
			return s.append("0 0 ").append(e.port());
		}
		s.append(e.address().length == 4 ? 2 : 23).append(' ');
		for (byte b : e.address()) {
			s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
		}
		return s.append(' ').append(e.port());
	}

	/** Cuts the evaluation out of the generated C, adds the shim and main, compiles with gcc -O2. */
	private Path build(WskDriver d, WskListener l, String name) throws Exception {
		String header = null;
		String source = null;
		for (GeneratedFile f : new CGenerator().generate(d)) {
			if (f.path().endsWith("_driver.h")) {
				header = f.content();
			} else if (f.path().endsWith("_driver.c")) {
				source = f.content();
			}
		}
		assertThat(header).isNotNull();
		assertThat(source).isNotNull();
		Matcher kind = Pattern.compile("typedef enum _(\\w+)_ADDRESS_KIND").matcher(header);
		assertThat(kind.find()).isTrue();
		String macro = kind.group(1);
		String types = cut(header, "typedef enum _" + macro + "_ADDRESS_KIND", "} " + macro + "_CLASSIFIER;");
		String evaluate = cut(source, "typedef struct _" + macro + "_ENDPOINT", "    return NULL;\n}\n");
		Matcher rules = Pattern.compile("static const " + macro + "_RULE (\\w+)Rules\\[\\] = \\{").matcher(source);
		String tables = null;
		String global = null;
		while (rules.find()) {
			if (rules.group(1).endsWith(l.getName())) {
				global = rules.group(1);
				tables = cut(source.substring(rules.start()), "static const", global + "Classifier = {");
				tables += source.substring(source.indexOf(global + "Classifier = {") + (global + "Classifier = {").length(),
						source.indexOf("};", source.indexOf(global + "Classifier = {")) + 2);
			}
		}
		assertThat(global).as("rule table of " + l.getName()).isNotNull();
		tables = tables.replaceAll(", \\.StartCheck = \\w+", "");
		Matcher evaluateName = Pattern.compile("(\\w+)_Evaluate\\(").matcher(evaluate);
		assertThat(evaluateName.find()).isTrue();
		String helpers = cut(source, "#define " + macro + "_MATCH_ANY ", "(Last) }\n");
		String program = SHIM + types + "\n" + evaluate + "\n" + helpers + "\n" + tables + "\n"
				+ "#define RULE_TYPE " + macro + "_RULE\n#define EVALUATE " + evaluateName.group(1) + "_Evaluate\n"
				+ "#define CLASSIFIER " + global + "Classifier\n#define RULES " + global + "Rules\n" + MAIN;
		Path c = dir.resolve(name + ".c");
		Path exe = dir.resolve(name);
		Files.writeString(c, program);
		Process gcc = new ProcessBuilder("gcc", "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror",
				"-Wno-unused-function", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
		String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(gcc.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(gcc.exitValue()).as(output).isZero();
		return exe;
	}

	/** From the first {@code from} to the end of the first {@code to} after it. */
	private static String cut(String text, String from, String to) {
		int start = text.indexOf(from);
		assertThat(start).as(from).isNotNegative();
		int end = text.indexOf(to, start);
		assertThat(end).as(to).isPositive();
		return text.substring(start, end + to.length());
	}
}

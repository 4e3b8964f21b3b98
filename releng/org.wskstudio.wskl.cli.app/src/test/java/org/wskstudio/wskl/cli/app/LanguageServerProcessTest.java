package org.wskstudio.wskl.cli.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code wskl lsp} as an editor sees it: a separate JVM running the command line's main class
 * with this module's class path (the classes the shaded wskl.jar is made of; the jar itself is
 * only packaged after the tests), driven over its standard input and output with framed
 * JSON-RPC. One session walks through what an editor does with a model and its scenario.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LanguageServerProcessTest {

	static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

	@TempDir
	Path workspace;

	@Test
	void anEditorSessionOverStandardInputAndOutput() throws Exception {
		String model = Files.readString(EXAMPLES.resolve("conditional_accept.wskl"));
		String scenario = Files.readString(EXAMPLES.resolve("conditional_accept.wsks"));
		Path modelFile = workspace.resolve("guarded.wskl");
		Path scenarioFile = workspace.resolve("guarded.wsks");
		Files.writeString(modelFile, model);
		Files.writeString(scenarioFile, scenario);
		String modelUri = uri(modelFile);
		String scenarioUri = uri(scenarioFile);

		try (LspClient client = new LspClient(startServer())) {
			JsonObject initialize = new JsonObject();
			initialize.add("processId", null);
			initialize.addProperty("rootUri", uri(workspace));
			// as VS Code: document symbols as a tree
			JsonObject documentSymbol = new JsonObject();
			documentSymbol.addProperty("hierarchicalDocumentSymbolSupport", true);
			JsonObject textDocument = new JsonObject();
			textDocument.add("documentSymbol", documentSymbol);
			JsonObject clientCapabilities = new JsonObject();
			clientCapabilities.add("textDocument", textDocument);
			initialize.add("capabilities", clientCapabilities);
			JsonObject capabilities = client.result(client.request("initialize", initialize)).getAsJsonObject()
					.getAsJsonObject("capabilities");
			for (String provider : List.of("hoverProvider", "definitionProvider", "documentSymbolProvider",
					"documentFormattingProvider", "completionProvider")) {
				assertTrue(capabilities.has(provider), provider + " in " + capabilities);
			}
			client.notify("initialized", new JsonObject());

			// didOpen of the model with a pool tag of seven characters: the validator's error, at its place
			String broken = model.replace("'Grd1'", "'TooLong'");
			client.notify("textDocument/didOpen", didOpen(modelUri, "wskl", broken));
			JsonObject published = client.diagnostics(modelUri, p -> p.getAsJsonArray("diagnostics").size() > 0);
			JsonObject diagnostic = published.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
			assertEquals(position(broken, broken.indexOf("'TooLong'")), diagnostic.getAsJsonObject("range").getAsJsonObject("start"));
			assertEquals(position(broken, broken.indexOf("'TooLong'") + "'TooLong'".length()),
					diagnostic.getAsJsonObject("range").getAsJsonObject("end"));
			assertEquals("org.wskstudio.wskl.invalidPoolTag", diagnostic.get("code").getAsString());
			assertTrue(diagnostic.get("message").getAsString().startsWith("The pool tag must be exactly four printable ASCII"),
					diagnostic.toString());
			assertEquals(1, diagnostic.get("severity").getAsInt());

			// didChange back to the valid text: the diagnostics are cleared
			JsonObject change = new JsonObject();
			change.add("textDocument", versioned(modelUri, 2));
			JsonArray changes = new JsonArray();
			JsonObject whole = new JsonObject();
			whole.addProperty("text", model);
			changes.add(whole);
			change.add("contentChanges", changes);
			client.notify("textDocument/didChange", change);
			client.diagnostics(modelUri, p -> p.getAsJsonArray("diagnostics").isEmpty());

			client.notify("textDocument/didOpen", didOpen(scenarioUri, "wsks", scenario));
			client.diagnostics(scenarioUri, p -> p.getAsJsonArray("diagnostics").isEmpty());

			// completion where a scenario names a listener: the model's listener, with its declaration
			int listenerReference = scenario.indexOf("-> Public") + "-> ".length();
			JsonElement completion = client.result(client.request("textDocument/completion",
					at(scenarioUri, position(scenario, listenerReference))));
			JsonArray items = completion.isJsonArray() ? completion.getAsJsonArray()
					: completion.getAsJsonObject().getAsJsonArray("items");
			JsonObject publicItem = item(items, "Public");
			assertTrue(publicItem != null, "Public among " + items);
			assertEquals("Listener Public (guarded.wskl:10): listener Public on ipv4 0.0.0.0:40009", publicItem.get("detail").getAsString());
			assertTrue(documentation(publicItem).startsWith("Listening socket: WskSocket("), publicItem.toString());
			// completion at the start of a step: the step keywords
			int stepStart = scenario.indexOf("at 1 ms");
			JsonElement keywords = client.result(client.request("textDocument/completion", at(scenarioUri, position(scenario, stepStart))));
			JsonArray keywordItems = keywords.isJsonArray() ? keywords.getAsJsonArray() : keywords.getAsJsonObject().getAsJsonArray("items");
			assertTrue(item(keywordItems, "at") != null && item(keywordItems, "expect") != null, "step keywords in " + keywordItems);
			assertTrue(documentation(item(keywordItems, "expect")).startsWith("What must come of the run"), keywordItems.toString());

			// hover on a keyword of the model: its WSK meaning; on the scenario's listener: the declaration
			JsonObject keywordHover = client.result(client.request("textDocument/hover",
					at(modelUri, position(model, model.indexOf("listener Public") + 2)))).getAsJsonObject();
			assertTrue(hoverText(keywordHover).contains("WSK_FLAG_LISTEN_SOCKET"), keywordHover.toString());
			JsonObject referenceHover = client.result(client.request("textDocument/hover",
					at(scenarioUri, position(scenario, listenerReference + 1)))).getAsJsonObject();
			assertTrue(hoverText(referenceHover).startsWith("Listener Public (guarded.wskl:10): listener Public on ipv4 0.0.0.0:40009"),
					referenceHover.toString());

			// go to definition: from the scenario into the model, at the listener's name
			JsonArray definitions = client.result(client.request("textDocument/definition",
					at(scenarioUri, position(scenario, listenerReference + 1)))).getAsJsonArray();
			assertEquals(1, definitions.size(), definitions.toString());
			JsonObject definition = definitions.get(0).getAsJsonObject();
			assertEquals(modelUri, definition.get("uri").getAsString());
			assertEquals(position(model, model.indexOf("listener Public") + "listener ".length()), definition.getAsJsonObject("range").getAsJsonObject("start"));
			// and from a pend rule to its deferred check
			JsonArray checkDefinitions = client.result(client.request("textDocument/definition",
					at(modelUri, position(model, model.indexOf("check Reputation timeout") + "check R".length())))).getAsJsonArray();
			assertEquals(position(model, model.indexOf("Reputation \"")),
					checkDefinitions.get(0).getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start"));

			// document symbols: the outline, the driver holding its check and its listener
			JsonArray symbols = client.result(client.request("textDocument/documentSymbol", document(modelUri))).getAsJsonArray();
			assertEquals(1, symbols.size(), symbols.toString());
			JsonObject driver = symbols.get(0).getAsJsonObject();
			assertEquals("GuardedServer", driver.get("name").getAsString());
			JsonArray children = driver.getAsJsonArray("children");
			assertEquals(List.of("Reputation", "Public"), List.of(children.get(0).getAsJsonObject().get("name").getAsString(),
					children.get(1).getAsJsonObject().get("name").getAsString()), children.toString());
			assertEquals("on ipv4 0.0.0.0:40009", children.get(1).getAsJsonObject().get("detail").getAsString());

			// formatting: a squeezed step gets its spaces back; the formatted text keeps its meaning
			String messy = scenario.replace("at 0 ms connect 10.1.2.3:5555 -> Public expect rejected",
					"at 0 ms    connect 10.1.2.3:5555   ->   Public expect    rejected");
			JsonObject messyChange = new JsonObject();
			messyChange.add("textDocument", versioned(scenarioUri, 2));
			JsonArray messyChanges = new JsonArray();
			JsonObject messyWhole = new JsonObject();
			messyWhole.addProperty("text", messy);
			messyChanges.add(messyWhole);
			messyChange.add("contentChanges", messyChanges);
			client.notify("textDocument/didChange", messyChange);
			JsonObject formatting = document(scenarioUri);
			JsonObject options = new JsonObject();
			options.addProperty("tabSize", 4);
			options.addProperty("insertSpaces", false);
			formatting.add("options", options);
			JsonArray edits = client.result(client.request("textDocument/formatting", formatting)).getAsJsonArray();
			assertFalse(edits.isEmpty(), "edits for " + messy);
			assertEquals(scenario, apply(messy, edits));

			// an unknown method and a message that is no JSON: error responses, and the server goes on
			JsonObject unknown = client.response(client.request("wskl/noSuchMethod", new JsonObject()));
			assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt(), unknown.toString());
			client.send("{\"jsonrpc\":\"2.0\",\"id\":9999,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":");
			JsonObject malformed = client.response(9999);
			assertEquals(-32700, malformed.getAsJsonObject("error").get("code").getAsInt(), malformed.toString());
			JsonObject stillThere = client.result(client.request("textDocument/hover",
					at(modelUri, position(model, model.indexOf("listener Public") + 2)))).getAsJsonObject();
			assertTrue(hoverText(stillThere).contains("WSK_FLAG_LISTEN_SOCKET"), stillThere.toString());

			// shutdown, then exit ends the process with 0
			client.result(client.request("shutdown", null));
			client.notify("exit", null);
			assertEquals(0, client.exitCode(Duration.ofSeconds(30)));
		}
	}

	/** An editor with one file open and no folder: the scenario still resolves the model next to it. */
	@Test
	void aScenarioOpenedWithoutAWorkspaceFindsTheModelNextToIt() throws Exception {
		String model = Files.readString(EXAMPLES.resolve("conditional_accept.wskl"));
		String scenario = Files.readString(EXAMPLES.resolve("conditional_accept.wsks"));
		Files.writeString(workspace.resolve("guarded.wskl"), model);
		Path scenarioFile = workspace.resolve("guarded.wsks");
		Files.writeString(scenarioFile, scenario);
		String scenarioUri = uri(scenarioFile);

		try (LspClient client = new LspClient(startServer())) {
			JsonObject initialize = new JsonObject();
			initialize.add("processId", null);
			initialize.add("rootUri", null);
			initialize.add("capabilities", new JsonObject());
			client.result(client.request("initialize", initialize));
			client.notify("initialized", new JsonObject());

			client.notify("textDocument/didOpen", didOpen(scenarioUri, "wsks", scenario));
			client.diagnostics(scenarioUri, p -> p.getAsJsonArray("diagnostics").isEmpty());
			int listenerReference = scenario.indexOf("-> Public") + "-> P".length();
			JsonArray definitions = client.result(client.request("textDocument/definition",
					at(scenarioUri, position(scenario, listenerReference)))).getAsJsonArray();
			assertEquals(uri(workspace.resolve("guarded.wskl")), definitions.get(0).getAsJsonObject().get("uri").getAsString());

			// an unknown listener is still an error at its place
			String unknown = scenario.replace("-> Public expect rejected", "-> Nowhere expect rejected");
			JsonObject change = new JsonObject();
			change.add("textDocument", versioned(scenarioUri, 2));
			JsonArray changes = new JsonArray();
			JsonObject whole = new JsonObject();
			whole.addProperty("text", unknown);
			changes.add(whole);
			change.add("contentChanges", changes);
			client.notify("textDocument/didChange", change);
			JsonObject diagnostic = client.diagnostics(scenarioUri, p -> p.getAsJsonArray("diagnostics").size() > 0)
					.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
			assertEquals(position(unknown, unknown.indexOf("Nowhere")), diagnostic.getAsJsonObject("range").getAsJsonObject("start"));

			client.result(client.request("shutdown", null));
			client.notify("exit", null);
			assertEquals(0, client.exitCode(Duration.ofSeconds(30)));
		}
	}

	/**
	 * A model that reads an address list: the list's bad line is a diagnostic on the model's
	 * {@code from "..."} string naming the list's line; content assist offers {@code from}, the
	 * hover explains it.
	 */
	@Test
	void anAddressListsProblemsShowOnTheModelsFromString() throws Exception {
		String model = Files.readString(EXAMPLES.resolve("blocklist.wskl"));
		Files.writeString(workspace.resolve("blocklist-drop.txt"), "10.0.0.0/8\n\n  10.0.0.300/24\n");
		Path modelFile = workspace.resolve("blocklist.wskl");
		Files.writeString(modelFile, model);
		String modelUri = uri(modelFile);
		int from = model.indexOf("from \"blocklist-drop.txt\"");

		try (LspClient client = new LspClient(startServer())) {
			JsonObject initialize = new JsonObject();
			initialize.add("processId", null);
			initialize.addProperty("rootUri", uri(workspace));
			initialize.add("capabilities", new JsonObject());
			client.result(client.request("initialize", initialize));
			client.notify("initialized", new JsonObject());

			client.notify("textDocument/didOpen", didOpen(modelUri, "wskl", model));
			JsonArray diagnostics = client.diagnostics(modelUri, p -> p.getAsJsonArray("diagnostics").size() > 0)
					.getAsJsonArray("diagnostics");
			assertEquals(1, diagnostics.size(), diagnostics.toString());
			JsonObject diagnostic = diagnostics.get(0).getAsJsonObject();
			assertEquals("org.wskstudio.wskl.ruleListEntry", diagnostic.get("code").getAsString());
			assertEquals("blocklist-drop.txt:3:3: '10.0.0.300/24' is not a valid IPv4 address.",
					diagnostic.get("message").getAsString());
			int string = from + "from ".length();
			assertEquals(position(model, string), diagnostic.getAsJsonObject("range").getAsJsonObject("start"));
			assertEquals(position(model, string + "\"blocklist-drop.txt\"".length()),
					diagnostic.getAsJsonObject("range").getAsJsonObject("end"));

			JsonElement completion = client.result(client.request("textDocument/completion",
					at(modelUri, position(model, from + "fr".length()))));
			JsonArray items = completion.isJsonArray() ? completion.getAsJsonArray()
					: completion.getAsJsonObject().getAsJsonArray("items");
			List<String> labels = new ArrayList<>();
			items.forEach(i -> labels.add(i.getAsJsonObject().get("label").getAsString()));
			assertEquals(List.of("from"), labels);

			JsonObject hover = client.result(client.request("textDocument/hover", at(modelUri, position(model, from + 1))))
					.getAsJsonObject();
			assertTrue(hoverText(hover).startsWith("An address list:"), hover.toString());

			client.result(client.request("shutdown", null));
			client.notify("exit", null);
			assertEquals(0, client.exitCode(Duration.ofSeconds(30)));
		}
	}

	/** The command line's main class in a JVM of its own, with the classes of wskl.jar. */
	static Process startServer() throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.wskstudio.wskl.cli.WsklCli", "lsp")
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
	}

	static String uri(Path path) {
		return path.toUri().toString().replace("file:///", "file:/").replace("file:/", "file:///");
	}

	static JsonObject didOpen(String uri, String language, String text) {
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		document.addProperty("languageId", language);
		document.addProperty("version", 1);
		document.addProperty("text", text);
		JsonObject params = new JsonObject();
		params.add("textDocument", document);
		return params;
	}

	static JsonObject versioned(String uri, int version) {
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		document.addProperty("version", version);
		return document;
	}

	static JsonObject document(String uri) {
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		JsonObject params = new JsonObject();
		params.add("textDocument", document);
		return params;
	}

	private static JsonObject at(String uri, JsonObject position) {
		JsonObject params = document(uri);
		params.add("position", position);
		return params;
	}

	/** The LSP position (zero-based line and UTF-16 column) of an offset. */
	static JsonObject position(String text, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		JsonObject position = new JsonObject();
		position.addProperty("line", line);
		position.addProperty("character", offset - lineStart);
		return position;
	}

	private static int offset(String text, JsonObject position) {
		int line = position.get("line").getAsInt();
		int offset = 0;
		for (int i = 0; i < line; i++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.get("character").getAsInt();
	}

	/** The text after the edits (LSP edits do not overlap; applied from the end). */
	static String apply(String text, JsonArray edits) {
		List<JsonObject> sorted = new ArrayList<>();
		edits.forEach(e -> sorted.add(e.getAsJsonObject()));
		sorted.sort(Comparator.comparingInt((JsonObject e) -> offset(text, e.getAsJsonObject("range").getAsJsonObject("start"))).reversed());
		StringBuilder result = new StringBuilder(text);
		for (JsonObject edit : sorted) {
			JsonObject range = edit.getAsJsonObject("range");
			result.replace(offset(text, range.getAsJsonObject("start")), offset(text, range.getAsJsonObject("end")),
					edit.get("newText").getAsString());
		}
		return result.toString();
	}

	private static JsonObject item(JsonArray items, String label) {
		for (JsonElement each : items) {
			if (label.equals(each.getAsJsonObject().get("label").getAsString())) {
				return each.getAsJsonObject();
			}
		}
		return null;
	}

	private static String documentation(JsonObject item) {
		JsonElement documentation = item.get("documentation");
		return documentation == null ? "" : documentation.isJsonObject()
				? documentation.getAsJsonObject().get("value").getAsString() : documentation.getAsString();
	}

	private static String hoverText(JsonObject hover) {
		JsonElement contents = hover.get("contents");
		return contents.isJsonObject() ? contents.getAsJsonObject().get("value").getAsString() : contents.toString();
	}

	static {
		// the examples are this repository's
		if (!new File(EXAMPLES.toFile(), "conditional_accept.wskl").isFile()) {
			throw new IllegalStateException("examples not found at " + EXAMPLES);
		}
	}
}

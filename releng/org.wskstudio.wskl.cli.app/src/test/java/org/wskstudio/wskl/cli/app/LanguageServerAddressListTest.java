package org.wskstudio.wskl.cli.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * An address list changed on disk re-validates the open model that reads it
 * ({@code workspace/didChangeWatchedFiles}, as an editor's file watcher sends it): a bad line
 * becomes a diagnostic on the model's {@code from "..."} string; the fixed list clears it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LanguageServerAddressListTest {

	@TempDir
	Path workspace;

	@Test
	void aChangedListRevalidatesTheModelThatReadsIt() throws Exception {
		String model = Files.readString(LanguageServerProcessTest.EXAMPLES.resolve("blocklist.wskl"));
		String list = Files.readString(LanguageServerProcessTest.EXAMPLES.resolve("blocklist-drop.txt"));
		Path modelFile = workspace.resolve("blocklist.wskl");
		Path listFile = workspace.resolve("blocklist-drop.txt");
		Files.writeString(modelFile, model);
		Files.writeString(listFile, list);
		String uri = LanguageServerProcessTest.uri(modelFile);
		int lines = (int) list.lines().count();

		try (LspClient client = new LspClient(LanguageServerProcessTest.startServer())) {
			JsonObject initialize = new JsonObject();
			initialize.add("processId", null);
			initialize.addProperty("rootUri", LanguageServerProcessTest.uri(workspace));
			initialize.add("capabilities", new JsonObject());
			client.result(client.request("initialize", initialize));
			client.notify("initialized", new JsonObject());
			client.notify("textDocument/didOpen", LanguageServerProcessTest.didOpen(uri, "wskl", model));
			client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").isEmpty());
			client.forgetReceived();

			Files.writeString(listFile, list + "10.0.0.300/24\n");
			client.notify("workspace/didChangeWatchedFiles", changed(listFile));
			JsonArray diagnostics = client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").size() > 0)
					.getAsJsonArray("diagnostics");
			assertEquals(1, diagnostics.size(), diagnostics.toString());
			JsonObject diagnostic = diagnostics.get(0).getAsJsonObject();
			assertEquals("org.wskstudio.wskl.ruleListEntry", diagnostic.get("code").getAsString());
			assertEquals("blocklist-drop.txt:" + (lines + 1) + ":1: '10.0.0.300/24' is not a valid IPv4 address.",
					diagnostic.get("message").getAsString());
			assertEquals(1, diagnostic.get("severity").getAsInt());
			int from = model.indexOf("\"blocklist-drop.txt\"");
			assertEquals(LanguageServerProcessTest.position(model, from), diagnostic.getAsJsonObject("range").getAsJsonObject("start"));
			assertEquals(LanguageServerProcessTest.position(model, from + "\"blocklist-drop.txt\"".length()),
					diagnostic.getAsJsonObject("range").getAsJsonObject("end"));

			client.forgetReceived(); // the publishes from before the bad line (empty) must not count as "cleared"
			Files.writeString(listFile, list);
			client.notify("workspace/didChangeWatchedFiles", changed(listFile));
			client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").isEmpty());

			// a list removed from disk: the model's string says it cannot be read
			Files.delete(listFile);
			client.notify("workspace/didChangeWatchedFiles", event(listFile, 3));
			JsonObject missing = client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").size() > 0)
					.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
			assertEquals("org.wskstudio.wskl.ruleListUnreadable", missing.get("code").getAsString());

			client.result(client.request("shutdown", null));
			client.notify("exit", null);
			assertEquals(0, client.exitCode(Duration.ofSeconds(30)));
		}
	}

	private static JsonObject changed(Path file) {
		return event(file, 2);
	}

	/** didChangeWatchedFiles parameters with one event (1 created, 2 changed, 3 deleted). */
	private static JsonObject event(Path file, int type) {
		JsonObject change = new JsonObject();
		change.addProperty("uri", LanguageServerProcessTest.uri(file));
		change.addProperty("type", type);
		JsonArray changes = new JsonArray();
		changes.add(change);
		JsonObject params = new JsonObject();
		params.add("changes", changes);
		return params;
	}
}

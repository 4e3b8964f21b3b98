package org.wskstudio.wskl.cli.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The quick fixes as code actions of {@code wskl lsp}, over standard input and output as an
 * editor asks for them: the diagnostics the server published go back in a
 * {@code textDocument/codeAction} request; the answer's workspace edit, applied and sent as a
 * change, makes the diagnostic go away.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LanguageServerCodeActionTest {

	@TempDir
	Path workspace;

	@Test
	void quickFixesComeAsCodeActionsWhoseEditsRemoveTheProblem() throws Exception {
		String model = Files.readString(LanguageServerProcessTest.EXAMPLES.resolve("conditional_accept.wskl"));
		// rule 3 is never used: rules 1 and 2, the halves of 10.0.0.0/8, together match every address of it
		String unreachable = model.replace("\t\treject remote 10.0.0.0/8\n",
				"\t\treject remote 10.0.0.0/9\n\t\treject remote 10.128.0.0/9\n\t\taccept remote 10.0.0.0/8\n");
		String fixed = model.replace("\t\treject remote 10.0.0.0/8\n", "\t\treject remote 10.0.0.0/9\n\t\treject remote 10.128.0.0/9\n");
		Path file = workspace.resolve("guarded.wskl");
		Files.writeString(file, unreachable);
		String uri = LanguageServerProcessTest.uri(file);

		try (LspClient client = new LspClient(LanguageServerProcessTest.startServer())) {
			JsonObject initialize = new JsonObject();
			initialize.add("processId", null);
			initialize.addProperty("rootUri", LanguageServerProcessTest.uri(workspace));
			initialize.add("capabilities", new JsonObject());
			JsonObject capabilities = client.result(client.request("initialize", initialize)).getAsJsonObject()
					.getAsJsonObject("capabilities");
			JsonElement provider = capabilities.get("codeActionProvider");
			assertTrue(provider != null && (provider.isJsonObject() || provider.getAsBoolean()), capabilities.toString());
			client.notify("initialized", new JsonObject());

			client.notify("textDocument/didOpen", LanguageServerProcessTest.didOpen(uri, "wskl", unreachable));
			JsonArray diagnostics = client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").size() > 0)
					.getAsJsonArray("diagnostics");
			assertEquals(1, diagnostics.size(), diagnostics.toString());
			JsonObject diagnostic = diagnostics.get(0).getAsJsonObject();
			assertEquals("org.wskstudio.wskl.unreachableRule", diagnostic.get("code").getAsString());
			assertTrue(diagnostic.get("message").getAsString().startsWith("Rule 3 is never used: rules 1 (line 14) and 2 (line 15) together"),
					diagnostic.toString());

			JsonArray actions = codeActions(client, uri, diagnostic);
			assertEquals(1, actions.size(), actions.toString());
			JsonObject action = actions.get(0).getAsJsonObject();
			assertEquals("Remove the unreachable rule", action.get("title").getAsString());
			assertEquals("quickfix", action.get("kind").getAsString());
			assertEquals(diagnostic, action.getAsJsonArray("diagnostics").get(0));
			JsonArray edits = action.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri);
			assertEquals(1, edits.size(), edits.toString());
			JsonObject edit = edits.get(0).getAsJsonObject();
			assertEquals("", edit.get("newText").getAsString());
			int line = unreachable.substring(0, unreachable.indexOf("\t\taccept remote 10.0.0.0/8")).split("\n", -1).length - 1;
			assertEquals(LanguageServerProcessTest.position(unreachable, unreachable.indexOf("\t\taccept remote 10.0.0.0/8")),
					edit.getAsJsonObject("range").getAsJsonObject("start"));
			assertEquals(line + 1, edit.getAsJsonObject("range").getAsJsonObject("end").get("line").getAsInt());
			String applied = LanguageServerProcessTest.apply(unreachable, edits);
			assertEquals(fixed, applied);

			change(client, uri, 2, applied);
			client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").isEmpty());

			// a problem with two fixes (the default action): both offered, in the Eclipse editor's order
			String noDefault = fixed.replace("\t\tdefault reject\n", "");
			change(client, uri, 3, noDefault);
			JsonObject missing = client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").toString().contains("missingDefaultAction"))
					.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
			assertEquals("org.wskstudio.wskl.missingDefaultAction", missing.get("code").getAsString());
			JsonArray twoActions = codeActions(client, uri, missing);
			assertEquals(2, twoActions.size(), twoActions.toString());
			assertEquals("Add 'default reject'", twoActions.get(0).getAsJsonObject().get("title").getAsString());
			assertEquals("Add 'default accept'", twoActions.get(1).getAsJsonObject().get("title").getAsString());
			String withDefault = LanguageServerProcessTest.apply(noDefault,
					twoActions.get(0).getAsJsonObject().getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri));
			assertEquals(fixed, withDefault);
			change(client, uri, 4, withDefault);
			client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").isEmpty());

			client.result(client.request("shutdown", null));
			client.notify("exit", null);
			assertEquals(0, client.exitCode(Duration.ofSeconds(30)));
		}
	}

	/** An unknown listener in a scenario: one "Change to" action per name in scope, here the model's listener. */
	@Test
	void anUnknownNameInAScenarioIsChangedToOneInScope() throws Exception {
		String model = Files.readString(LanguageServerProcessTest.EXAMPLES.resolve("conditional_accept.wskl"));
		String scenario = Files.readString(LanguageServerProcessTest.EXAMPLES.resolve("conditional_accept.wsks"));
		Files.writeString(workspace.resolve("guarded.wskl"), model);
		Path file = workspace.resolve("guarded.wsks");
		String unknown = scenario.replaceFirst("-> Public expect rejected", "-> Publik expect rejected");
		Files.writeString(file, unknown);
		String uri = LanguageServerProcessTest.uri(file);

		try (LspClient client = new LspClient(LanguageServerProcessTest.startServer())) {
			JsonObject initialize = new JsonObject();
			initialize.add("processId", null);
			initialize.addProperty("rootUri", LanguageServerProcessTest.uri(workspace));
			initialize.add("capabilities", new JsonObject());
			client.result(client.request("initialize", initialize));
			client.notify("initialized", new JsonObject());

			client.notify("textDocument/didOpen", LanguageServerProcessTest.didOpen(uri, "wsks", unknown));
			JsonObject diagnostic = client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").size() > 0)
					.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
			assertEquals(LanguageServerProcessTest.position(unknown, unknown.indexOf("Publik")),
					diagnostic.getAsJsonObject("range").getAsJsonObject("start"));
			JsonArray actions = codeActions(client, uri, diagnostic);
			assertTrue(actions.size() >= 1, actions.toString());
			JsonObject action = actions.get(0).getAsJsonObject();
			assertEquals("Change to 'Public'", action.get("title").getAsString());
			String applied = LanguageServerProcessTest.apply(unknown,
					action.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri));
			assertEquals(scenario, applied);
			change(client, uri, 2, applied);
			client.diagnostics(uri, p -> p.getAsJsonArray("diagnostics").isEmpty());

			client.result(client.request("shutdown", null));
			client.notify("exit", null);
			assertEquals(0, client.exitCode(Duration.ofSeconds(30)));
		}
	}

	private static JsonArray codeActions(LspClient client, String uri, JsonObject diagnostic) throws Exception {
		JsonObject params = LanguageServerProcessTest.document(uri);
		params.add("range", diagnostic.getAsJsonObject("range"));
		JsonObject context = new JsonObject();
		JsonArray only = new JsonArray();
		only.add(diagnostic);
		context.add("diagnostics", only);
		params.add("context", context);
		return client.result(client.request("textDocument/codeAction", params)).getAsJsonArray();
	}

	private static void change(LspClient client, String uri, int version, String text) throws Exception {
		JsonObject change = new JsonObject();
		change.add("textDocument", LanguageServerProcessTest.versioned(uri, version));
		JsonArray changes = new JsonArray();
		JsonObject whole = new JsonObject();
		whole.addProperty("text", text);
		changes.add(whole);
		change.add("contentChanges", changes);
		client.notify("textDocument/didChange", change);
	}
}

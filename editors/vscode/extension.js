// WSK Studio for VS Code: starts `wskl lsp` (the language server of .wskl and .wsks files in
// wskl.jar) as a language client, and runs `wskl simulate` on the active model.
'use strict';

const path = require('path');
const fs = require('fs');
const os = require('os');
const cp = require('child_process');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { listNames, listGlob } = require('./lists');

let client;
let output;
let listWatcher;

/** The java to run: the setting, else $JAVA_HOME/bin/java, else java on the PATH. */
function javaPath() {
  const configured = vscode.workspace.getConfiguration('wskl').get('java.path');
  if (configured) {
    return configured;
  }
  if (process.env.JAVA_HOME) {
    const java = path.join(process.env.JAVA_HOME, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (fs.existsSync(java)) {
      return java;
    }
  }
  return 'java';
}

/** The wskl.jar to run: the setting, else the one packed into the extension. */
function jarPath(context) {
  const configured = vscode.workspace.getConfiguration('wskl').get('jar.path');
  return configured || context.asAbsolutePath(path.join('server', 'wskl.jar'));
}

function startClient(context) {
  const jar = jarPath(context);
  if (!fs.existsSync(jar)) {
    vscode.window.showErrorMessage(`WSKL: no wskl.jar at ${jar}; set "wskl.jar.path" (build it with ./wskl --version in the WSK Studio repository).`);
    return Promise.resolve();
  }
  const server = {
    command: javaPath(),
    args: ['-jar', jar, 'lsp'],
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'wskl' },
      { scheme: 'file', language: 'wsks' },
    ],
    outputChannel: output,
    // models and scenarios changed on disk (not in an editor) are built again by the server
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{wskl,wsks}') },
  };
  client = new LanguageClient('wskl', 'WSKL language server', server, clientOptions);
  return client.start().then(watchLists);
}

/**
 * Watches the address lists the workspace's models read (`from "drop.txt"`) and sends their
 * changes to the server, which re-validates the models reading them. Called again when a model
 * changes, since the lists it names may have changed.
 */
async function watchLists() {
  const names = [];
  for (const model of await vscode.workspace.findFiles('**/*.wskl', '**/node_modules/**')) {
    try {
      names.push(...listNames(Buffer.from(await vscode.workspace.fs.readFile(model)).toString('utf8')));
    } catch (e) {
      // a model removed meanwhile
    }
  }
  const glob = listGlob(names);
  if (listWatcher && listWatcher.glob === glob) {
    return;
  }
  if (listWatcher) {
    listWatcher.watcher.dispose();
    listWatcher = undefined;
  }
  if (!glob) {
    return;
  }
  const watcher = vscode.workspace.createFileSystemWatcher(glob);
  const send = (type) => (uri) => {
    if (client && client.isRunning()) {
      client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri.toString(), type }] });
    }
  };
  watcher.onDidCreate(send(1));
  watcher.onDidChange(send(2));
  watcher.onDidDelete(send(3));
  listWatcher = { glob, watcher };
}

/** The model to simulate for the active file: a .wskl itself; for a .wsks the model next to it that declares its driver. */
function modelFor(file) {
  if (file.endsWith('.wskl')) {
    return { model: file, scenarios: [] };
  }
  const text = fs.readFileSync(file, 'utf8');
  const driver = /\bscenario\s+\w+\s+for\s+(\w+)/.exec(text);
  const folder = path.dirname(file);
  const models = fs.readdirSync(folder).filter((name) => name.endsWith('.wskl')).map((name) => path.join(folder, name));
  const model = models.find((candidate) => driver && new RegExp(`\\bdriver\\s+${driver[1]}\\b`).test(fs.readFileSync(candidate, 'utf8')));
  return model ? { model, scenarios: [file] } : undefined;
}

async function simulate(context, resource) {
  const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri;
  if (!uri || uri.scheme !== 'file' || !/\.(wskl|wsks)$/.test(uri.fsPath)) {
    vscode.window.showWarningMessage('WSKL: open a .wskl model (or a .wsks scenario) to simulate.');
    return;
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document && document.isDirty) {
    await document.save();
  }
  const target = modelFor(uri.fsPath);
  if (!target) {
    vscode.window.showErrorMessage(`WSKL: no model next to ${path.basename(uri.fsPath)} declares its driver.`);
    return;
  }
  const svg = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wskl-simulate-')), path.basename(target.model, '.wskl') + '.svg');
  const extra = vscode.workspace.getConfiguration('wskl').get('simulate.arguments') || [];
  const args = ['-jar', jarPath(context), 'simulate', target.model, ...target.scenarios, '--svg', svg, ...extra];
  output.show(true);
  output.appendLine(`$ ${javaPath()} ${args.join(' ')}`);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Simulating ${path.basename(target.model)}` }, () =>
    new Promise((resolve) => {
      const run = cp.spawn(javaPath(), args, { cwd: path.dirname(target.model) });
      run.stdout.on('data', (data) => output.append(data.toString()));
      run.stderr.on('data', (data) => output.append(data.toString()));
      run.on('error', (error) => {
        vscode.window.showErrorMessage(`WSKL: could not run ${javaPath()}: ${error.message} (setting "wskl.java.path")`);
        resolve();
      });
      run.on('close', (code) => {
        output.appendLine(`wskl simulate ended with exit code ${code}`);
        const pictures = fs.readdirSync(path.dirname(svg)).filter((name) => name.endsWith('.svg')).map((name) => path.join(path.dirname(svg), name));
        if (pictures.length === 0) {
          vscode.window.showErrorMessage('WSKL: the simulation wrote no timeline; see the "WSKL" output.');
        }
        openTimeline(pictures.sort());
        if (code !== 0 && pictures.length > 0) {
          vscode.window.showWarningMessage(`WSKL: the simulation of ${path.basename(target.model)} found problems (exit code ${code}); see the "WSKL" output.`);
        }
        resolve();
      });
    }));
}

/** Opens the SVG timeline beside the editor (VS Code shows SVG files as images); of several runs, the one picked. */
async function openTimeline(pictures) {
  let picture = pictures[0];
  if (pictures.length > 1) {
    const runs = pictures.map((file) => ({ label: path.basename(file, '.svg'), file }));
    const picked = await vscode.window.showQuickPick(runs, { placeHolder: `${pictures.length} runs: the timeline of which one?` });
    picture = picked && picked.file;
  }
  if (picture) {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(picture), { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }
}

function activate(context) {
  output = vscode.window.createOutputChannel('WSKL');
  context.subscriptions.push(output);
  context.subscriptions.push(vscode.commands.registerCommand('wskl.simulate', (resource) => simulate(context, resource)));
  context.subscriptions.push(vscode.commands.registerCommand('wskl.restartServer', async () => {
    if (client) {
      await client.stop();
    }
    await startClient(context);
  }));
  context.subscriptions.push(vscode.workspace.onDidSaveTextDocument((document) => {
    if (document.languageId === 'wskl') {
      watchLists();
    }
  }));
  context.subscriptions.push({ dispose: () => listWatcher && listWatcher.watcher.dispose() });
  return startClient(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

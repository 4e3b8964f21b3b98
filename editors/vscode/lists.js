// The address lists the models read (`reject remote from "drop.txt"`): the language server
// re-validates a model when one of its lists changes on disk, so the client watches those
// files and tells it (workspace/didChangeWatchedFiles). No vscode API here, so node tests it.
'use strict';

const path = require('path');

/** The file names of the lists a model's text reads (comments skipped), as the model writes them. */
function listNames(text) {
  const names = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  for (const match of code.matchAll(/\bfrom\s+"([^"\r\n]+)"/g)) {
    names.push(match[1]);
  }
  return names;
}

/** One glob for the lists' base names anywhere in the workspace, or undefined when there are none. */
function listGlob(names) {
  const bases = [...new Set(names.map((name) => path.posix.basename(name.replace(/\\/g, '/'))))]
    .filter((base) => base.length > 0)
    .map((base) => base.replace(/[{}[\]*?,!]/g, (c) => `[${c}]`))
    .sort();
  if (bases.length === 0) {
    return undefined;
  }
  return bases.length === 1 ? `**/${bases[0]}` : `**/{${bases.join(',')}}`;
}

module.exports = { listNames, listGlob };

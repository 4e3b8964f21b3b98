#!/usr/bin/env bash
# Packs the VS Code extension into a .vsix with npm packages only (@vscode/vsce, and
# vscode-languageclient inside the extension), with wskl.jar in server/ so that the extension
# needs nothing but a Java 17+. Run by the build (pom.xml, phase package) or by hand:
#   editors/vscode/build-vsix.sh releng/org.wskstudio.wskl.cli.app/target/wskl.jar OUT.vsix [JAR_TOOL]
# Without npm on the PATH, or when npm cannot get the packages (offline and not in npm's cache),
# it says so and builds nothing (exit 0): the Java build does not depend on node. Everything
# after the install (packing, the content check) fails the build when it fails.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WSKL_JAR="$(realpath "$1")"
VSIX="$(realpath -m "$2")"
JAR_TOOL="${3:-jar}"

if ! command -v npm >/dev/null 2>&1; then
  echo "[WARNING] vsix: npm is not on the PATH, so the VS Code extension is not built (Debian: apt-get install nodejs npm)"
  exit 0
fi
if [ ! -f "$WSKL_JAR" ]; then
  echo "[ERROR] vsix: no wskl.jar at $WSKL_JAR (build releng/org.wskstudio.wskl.cli.app first)" >&2
  exit 1
fi

cd "$HERE"
# npm ci only when package-lock.json changed since the last install (it starts from an empty node_modules)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if ! npm ci --prefer-offline --no-audit --no-fund; then
    echo "[WARNING] vsix: npm ci failed (offline, and the packages are not in npm's cache?), so the VS Code extension is not built"
    exit 0
  fi
fi

# the client's own logic without VS Code (the address lists to watch)
node --test test/

mkdir -p server "$(dirname "$VSIX")"
cp "$WSKL_JAR" server/wskl.jar
rm -f "$VSIX"
npx --no-install vsce package --allow-missing-repository --skip-license --out "$VSIX"

# The .vsix must hold the client, its language client library, the grammars, the language
# configuration and the server.
listing="$("$JAR_TOOL" tf "$VSIX")"
for entry in extension/package.json extension/extension.js extension/lists.js extension/language-configuration.json \
    extension/syntaxes/wskl.tmLanguage.json extension/syntaxes/wsks.tmLanguage.json \
    extension/node_modules/vscode-languageclient/node.js extension/server/wskl.jar; do
  if ! grep -qx "$entry" <<<"$listing"; then
    echo "[ERROR] vsix: $VSIX lacks $entry" >&2
    exit 1
  fi
done
if grep -q "^extension/node_modules/@vscode/vsce/" <<<"$listing"; then
  echo "[ERROR] vsix: $VSIX holds the packaging tool (a dev dependency)" >&2
  exit 1
fi
echo "vsix: $VSIX ($(wc -l <<<"$listing") entries; install with: code --install-extension $VSIX)"

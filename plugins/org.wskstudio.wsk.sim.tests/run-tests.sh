#!/usr/bin/env bash
# Compiles the simulator and its tests with javac and runs them with the JUnit console launcher,
# until the Tycho build runs them. Needs junit-platform-console-standalone 1.14.0 and
# assertj-core 3.27.6 in the local Maven repository (mvn dependency:get fetches them).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
ju=$repo/org/junit/platform/junit-platform-console-standalone/1.14.0/junit-platform-console-standalone-1.14.0.jar
aj=$repo/org/assertj/assertj-core/3.27.6/assertj-core-3.27.6.jar
for jar in "$ju" "$aj"; do
  [ -f "$jar" ] || { echo "missing $jar" >&2; exit 2; }
done
out=${OUT:-$(mktemp -d)}
mkdir -p "$out/main" "$out/test"
javac --release 17 -Xlint:all -Werror -d "$out/main" $(find "$here/../org.wskstudio.wsk.sim/src" -name '*.java')
javac --release 17 -d "$out/test" -cp "$out/main:$ju:$aj" $(find "$here/src" -name '*.java')
java -jar "$ju" execute --disable-banner --details=summary -cp "$out/main:$out/test:$aj" \
  --select-package org.wskstudio.wsk.sim "$@"

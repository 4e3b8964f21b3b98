#!/usr/bin/env bash
# Starts the WSK Studio product built by this module (no native launcher: the equinox executable
# feature is not on Maven Central, so the Java launcher jar is run).
#
#   releng/org.wskstudio.product/run-wskstudio.sh [FILE.wskl] [WORKSPACE_DIR]
#   releng/org.wskstudio.product/run-wskstudio.sh --simulate EXAMPLE [WORKSPACE_DIR]
#
# FILE is opened in the editor once the workbench is up (system property wskstudio.open, read by
# org.wskstudio.wskl.ui's startup). --simulate EXAMPLE (e.g. conditional_accept; or the workspace
# path of a .wskl/.wsks file, /project/x.wskl) sets wskstudio.simulate, read by
# org.wskstudio.wskl.ui.simulation's startup (SimulationStartup): it installs the WSKL examples
# into the project wskl-examples if needed, opens the model, runs the example's scenarios (its
# .wsks) with the WSK Simulation launch configuration Run As would use and shows the Simulation
# view. The product is the materialized folder under target/products; WSK_PRODUCT_DIR overrides it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../scripts/find-jdk.sh
source "$ROOT/releng/scripts/find-jdk.sh"
JAVA_HOME="$(wsk_find_jdk 21)" || exit 1

PRODUCT="${WSK_PRODUCT_DIR:-$HERE/target/products/org.wskstudio.product/linux/gtk/x86_64/wskstudio}"
if [ ! -d "$PRODUCT" ]; then
  echo "run-wskstudio: no product at $PRODUCT; build it with ./mvnw -B verify" >&2
  exit 1
fi
LAUNCHER="$(ls "$PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar | head -n1)"
ARGS=()
if [ "${1:-}" = "--simulate" ]; then
  if [ -z "${2:-}" ]; then
    echo "run-wskstudio: --simulate needs an example name (e.g. conditional_accept) or a workspace path" >&2
    exit 2
  fi
  ARGS+=("-Dwskstudio.simulate=$2")
  shift 2
  FILE=""
else
  FILE="${1:-}"
  shift $(( $# > 0 ? 1 : 0 ))
fi
WORKSPACE="${1:-${TMPDIR:-/tmp}/wskstudio-workspace}"
if [ -n "$FILE" ]; then
  ARGS+=("-Dwskstudio.open=$(readlink -f "$FILE")")
fi
exec "$JAVA_HOME/bin/java" "${ARGS[@]}" -Xmx1g -jar "$LAUNCHER" \
  -os linux -ws gtk -arch x86_64 -data "$WORKSPACE" -nosplash

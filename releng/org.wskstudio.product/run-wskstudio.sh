#!/usr/bin/env bash
# Starts the WSK Studio product built by this module (no native launcher: the equinox executable
# feature is not on Maven Central, so the Java launcher jar is run).
#
#   releng/org.wskstudio.product/run-wskstudio.sh [FILE.wskl] [WORKSPACE_DIR]
#
# FILE is opened in the editor once the workbench is up (system property wskstudio.open, read by
# org.wskstudio.wskl.ui's startup). The product is taken from the archive or the materialized
# folder under target/products; WSK_PRODUCT_DIR overrides it.
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
FILE="${1:-}"
WORKSPACE="${2:-${TMPDIR:-/tmp}/wskstudio-workspace}"
ARGS=()
if [ -n "$FILE" ]; then
  ARGS+=("-Dwskstudio.open=$(readlink -f "$FILE")")
fi
exec "$JAVA_HOME/bin/java" "${ARGS[@]}" -Xmx1g -jar "$LAUNCHER" \
  -os linux -ws gtk -arch x86_64 -data "$WORKSPACE" -nosplash

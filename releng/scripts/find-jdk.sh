# Sourced by ./mvnw and ./wskl: wsk_find_jdk MIN prints the home of a JDK whose
# feature version is at least MIN, or explains on stderr and returns 1.

wsk_java_feature() { # $1 = java home; prints the feature version (17, 21, 25...)
  local v=""
  # the JDK's release file says it without starting a JVM
  [ -f "$1/release" ] && v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n1)"
  [ -n "$v" ] || v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)"
  echo "${v%%.*}"
}

wsk_find_jdk() {
  local min="$1" best="" best_v=0 home v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v="$(wsk_java_feature "$JAVA_HOME")"
    if [ "${v:-0}" -ge "$min" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for home in ${WSK_JDK_SEARCH_PATH:-/usr/lib/jvm}/*/; do
    home="${home%/}"
    [ -x "$home/bin/javac" ] || continue
    v="$(wsk_java_feature "$home")"
    if [ "${v:-0}" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best="$home"; best_v="$v"; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  echo "WSK Studio: this build needs a JDK $min or newer (Tycho 5 and the Eclipse platform require it)." >&2
  echo "WSK Studio: none found in \$JAVA_HOME or ${WSK_JDK_SEARCH_PATH:-/usr/lib/jvm}." >&2
  echo "WSK Studio: install one (for example Debian's openjdk-21-jdk or a Temurin 25 JDK) or set JAVA_HOME." >&2
  return 1
}

# Sourced by ./mvnw and ./wskl: makes sure the Debian packages a command needs are installed.
#
#   wsk_ensure_packages WHO NEED...
#
# Each NEED is "CHECK|PACKAGE|WHY": CHECK is "cmd:NAME" (NAME is a command on the PATH) or
# "deb:NAME" (dpkg-query says the package NAME is installed); PACKAGE is the Debian package that
# brings it; WHY says on stderr what it is for. The needs of each command are listed below, in
# one place. When something is missing:
#   - as root: runs `apt-get update` once, then `apt-get install -y` of the missing packages,
#     saying on stderr which and why, and checks again;
#   - otherwise: prints the one command to run (sudo apt-get install -y ...) and returns 1, so
#     the caller stops before a half-run build.

# What the generated C needs on the host (the C target compiles and runs it under ASan/UBSan).
WSK_NEEDS_HOST_C=(
  "cmd:gcc|gcc|the host C compiler, for the generated C run on Linux"
  "deb:libc6-dev|libc6-dev|the C library headers, for the generated C run on Linux"
  "deb:libasan8|libasan8|the AddressSanitizer runtime of gcc 12, for the generated C run under ASan"
  "deb:libubsan1|libubsan1|the UndefinedBehaviorSanitizer runtime of gcc 12, for the generated C run under UBSan"
  "cmd:addr2line|binutils|addr2line, which names the C function and line of a crash in the generated C"
)
# What ./mvnw -B verify needs besides the host C: the Windows kernel C compile tests and the UI tests.
WSK_NEEDS_VERIFY=(
  "${WSK_NEEDS_HOST_C[@]}"
  "cmd:x86_64-w64-mingw32-gcc|gcc-mingw-w64-x86-64|the C compile tests (generated driver C against the mingw-w64 kernel headers)"
  "cmd:make|make|the link tests (the generated <prefix>.mk builds the .sys with mingw-w64)"
  "cmd:xvfb-run|xvfb|the UI tests (a virtual X display for the workbench)"
  "deb:libgtk-3-0|libgtk-3-0|the UI tests (SWT needs libgtk-3.so.0 to start a workbench)"
)
# What runs wskl.jar (./wskl looks for a JDK 17 or newer).
WSK_NEED_JDK="cmd:javac|openjdk-17-jdk-headless|running wskl.jar (a JDK 17 or newer)"
# What bootstraps the Maven wrapper when its Maven is not yet unpacked.
WSK_NEED_MAVEN="cmd:mvn|maven|bootstrapping the Maven wrapper (its Maven 3.9 is fetched by the machine's Maven, once)"

# 0 when the CHECK holds.
wsk_need_met() {
  local check="$1"
  case "$check" in
    cmd:*) command -v "${check#cmd:}" >/dev/null 2>&1 ;;
    deb:*) [ "$(dpkg-query -W -f='${Status}' "${check#deb:}" 2>/dev/null)" = "install ok installed" ] ;;
    *) echo "ensure-packages: unknown check '$check'" >&2; return 2 ;;
  esac
}

# Prints the packages of the unmet NEEDs, one a line, without repeats, in the order given.
wsk_missing_packages() {
  local need check rest pkg seen=" "
  for need in "$@"; do
    check="${need%%|*}"; rest="${need#*|}"; pkg="${rest%%|*}"
    case "$seen" in *" $pkg "*) continue ;; esac
    if ! wsk_need_met "$check"; then
      echo "$pkg"
      seen="$seen$pkg "
    fi
  done
}

wsk_ensure_packages() {
  local who="$1"; shift
  local missing=() need check rest pkg why
  mapfile -t missing < <(wsk_missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0

  if [ "$(id -u)" != 0 ]; then
    echo "$who: missing Debian packages:" >&2
    for need in "$@"; do
      check="${need%%|*}"; rest="${need#*|}"; pkg="${rest%%|*}"; why="${rest#*|}"
      case " ${missing[*]} " in *" $pkg "*) echo "$who:   $pkg: $why" >&2 ;; esac
    done
    echo "$who: install them with this command, then run this one again:" >&2
    echo "sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi

  echo "$who: installing Debian packages: ${missing[*]}" >&2
  for need in "$@"; do
    check="${need%%|*}"; rest="${need#*|}"; pkg="${rest%%|*}"; why="${rest#*|}"
    case " ${missing[*]} " in *" $pkg "*) echo "$who:   $pkg: $why" >&2 ;; esac
  done
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get update -qq >&2 || ! apt-get install -y -qq "${missing[@]}" >&2; then
    echo "$who: apt-get could not install ${missing[*]}" >&2
    return 1
  fi
  local still=()
  mapfile -t still < <(wsk_missing_packages "$@")
  if [ "${#still[@]}" -gt 0 ]; then
    echo "$who: still missing after apt-get install: ${still[*]}" >&2
    return 1
  fi
}

#!/bin/sh
# check.sh -- compile-checks the WSK Studio C reference with mingw-w64's
# kernel headers (Debian package gcc-mingw-w64-x86-64).
#
# Every unit must compile with zero diagnostics:
#   x86_64-w64-mingw32-gcc -fsyntax-only -std=c11 -Wall -Wextra -Werror \
#       -Wno-multichar -I/usr/share/mingw-w64/include/ddk -I. -I$DECLS
# where $DECLS holds wsk_decls.h: the one copy, the C generator's resource.
# and also to an object (-c) at -O0 and -O2 (flow warnings such as
# -Wmaybe-uninitialized only exist with optimisation).  Objects go to a
# temporary directory; nothing is written into the source tree.
#
# Usage: ./check.sh            (CC, DDK may be overridden from the environment)
# Exit status: 0 when every check passes.

set -u
cd "$(dirname "$0")" || exit 2

CC=${CC:-x86_64-w64-mingw32-gcc}
NM=${NM:-x86_64-w64-mingw32-nm}
DDK=${DDK:-/usr/share/mingw-w64/include/ddk}
DECLS=../plugins/org.wskstudio.wsk.generator/src/org/wskstudio/wsk/generator/c
FLAGS="-std=c11 -Wall -Wextra -Werror -Wno-multichar -I$DDK -I. -I$DECLS"

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "check.sh: $CC not found (apt-get install -y gcc-mingw-w64-x86-64)" >&2
    exit 2
fi

OUT=$(mktemp -d) || exit 2
trap 'rm -rf "$OUT"' EXIT INT TERM

passed=0
failed=0

# run LABEL COMMAND... : passes when the command succeeds and prints nothing.
run() {
    label=$1
    shift
    if output=$("$@" 2>&1) && [ -z "$output" ]; then
        passed=$((passed + 1))
        printf 'PASS  %s\n' "$label"
    else
        failed=$((failed + 1))
        printf 'FAIL  %s\n' "$label"
        printf '%s\n' "$output" | sed 's/^/      /'
    fi
}

# expect_fail LABEL COMMAND... : passes when the command fails.
expect_fail() {
    label=$1
    shift
    if "$@" >/dev/null 2>&1; then
        failed=$((failed + 1))
        printf 'FAIL  %s (compiled, should not)\n' "$label"
    else
        passed=$((passed + 1))
        printf 'PASS  %s\n' "$label"
    fi
}

# symbols OBJECT NAME... : NAME must be defined (T/t) in OBJECT, or, when
# written as U:NAME, referenced but undefined (kernel imports appear as
# __imp_NAME: mingw's ntddk.h declares them dllimport).
symbols() {
    object=$1
    shift
    table=$("$NM" "$object") || return 1
    for want in "$@"; do
        case $want in
        U:*) printf '%s\n' "$table" | grep -Eq " U (__imp_)?${want#U:}\$" ||
                 { echo "$object: ${want#U:} is not an undefined reference"; return 1; } ;;
        *)   printf '%s\n' "$table" | grep -Eq " [Tt] $want\$" ||
                 { echo "$object: $want is not defined"; return 1; } ;;
        esac
    done
}

echo "== compiler: $("$CC" --version | head -n 1)"
echo "== flags:    $FLAGS"

# ---- 1. the three drivers (event_accept in both event modes) -------------
for unit in \
    "irp_accept.c" \
    "event_accept.c" \
    "event_accept.c -DEVTACC_STATIC_EVENTS=1" \
    "conditional_accept.c"
do
    # shellcheck disable=SC2086
    set -- $unit
    run "syntax   $unit" "$CC" -fsyntax-only $FLAGS "$@"
    run "-c -O0   $unit" "$CC" -c -O0 $FLAGS "$@" -o "$OUT/unit.o"
    run "-c -O2   $unit" "$CC" -c -O2 $FLAGS "$@" -o "$OUT/unit.o"
    if [ -s "$OUT/unit.o" ] && command -v "$NM" >/dev/null 2>&1; then
        run "symbols  $unit" symbols "$OUT/unit.o" DriverEntry \
            U:WskRegister U:WskCaptureProviderNPI U:WskReleaseProviderNPI \
            U:WskDeregister U:IoAllocateIrp U:IoFreeIrp
    fi
    rm -f "$OUT/unit.o"
done

# ---- 2. headers ---------------------------------------------------------------
printf '#include <ntddk.h>\n#include "wsk_decls.h"\n#include "wsk_decls.h"\n' > "$OUT/decls_twice.c"
run "header   wsk_decls.h (after ntddk.h, included twice)" \
    "$CC" -fsyntax-only $FLAGS "$OUT/decls_twice.c"

printf '#include "wsk_decls.h"\n' > "$OUT/decls_alone.c"
expect_fail "header   wsk_decls.h without ntddk.h is rejected (#error)" \
    "$CC" -fsyntax-only $FLAGS "$OUT/decls_alone.c"

for header in irp_accept.h event_accept.h conditional_accept.h; do
    printf '#include "%s"\n' "$header" > "$OUT/self.c"
    run "header   $header is self-contained" "$CC" -fsyntax-only $FLAGS "$OUT/self.c"
done

# A role-typed callback must be assignable to its dispatch slot (and a
# mismatched one must not be).
cat > "$OUT/roles.c" <<'EOF'
#include <ntddk.h>
#include "wsk_decls.h"
static WSK_ACCEPT_EVENT_FN  A;
static WSK_INSPECT_EVENT_FN I;
static WSK_ABORT_EVENT_FN   B;
NTSTATUS WSKAPI A(PVOID c, ULONG f, PSOCKADDR l, PSOCKADDR r, PWSK_SOCKET s,
                  PVOID *ac, CONST WSK_CLIENT_CONNECTION_DISPATCH **ad)
{ (void)c; (void)f; (void)l; (void)r; (void)s; *ac = NULL; *ad = NULL;
  return STATUS_REQUEST_NOT_ACCEPTED; }
WSK_INSPECT_ACTION WSKAPI I(PVOID c, PSOCKADDR l, PSOCKADDR r, PWSK_INSPECT_ID id)
{ (void)c; (void)l; (void)r; (void)id; return WskInspectReject; }
NTSTATUS WSKAPI B(PVOID c, PWSK_INSPECT_ID id) { (void)c; (void)id; return STATUS_SUCCESS; }
const WSK_CLIENT_LISTEN_DISPATCH D = { A, I, B };
EOF
run "roles    WSK_*_FN fit WSK_CLIENT_LISTEN_DISPATCH" "$CC" -fsyntax-only $FLAGS "$OUT/roles.c"
sed 's/{ A, I, B }/{ A, B, I }/' "$OUT/roles.c" > "$OUT/roles_bad.c"
expect_fail "roles    swapped dispatch slots are rejected" \
    "$CC" -fsyntax-only $FLAGS "$OUT/roles_bad.c"

# ---- 3. the seed's defects must not appear ---------------------------------------
SOURCES="$DECLS/wsk_decls.h irp_accept.h irp_accept.c event_accept.h event_accept.c conditional_accept.h conditional_accept.c"

# verdict LABEL HITS : passes when HITS is empty.
verdict() {
    if [ -z "$2" ]; then
        passed=$((passed + 1))
        printf 'PASS  lint     %s\n' "$1"
    else
        failed=$((failed + 1))
        printf 'FAIL  lint     %s\n' "$1"
        printf '%s\n' "$2" | sed 's/^/      /'
    fi
}
# shellcheck disable=SC2086
verdict "no 'return STATUS_...:' (colon for semicolon)" \
    "$(grep -nE 'return[[:space:]]+STATUS_[A-Z_]+[[:space:]]*:' $SOURCES)"
# shellcheck disable=SC2086
verdict "no InspectAccept/Reject/Pend without the Wsk prefix" \
    "$(grep -nE '(^|[^A-Za-z_])Inspect(Accept|Reject|Pend)([^A-Za-z_]|$)' $SOURCES)"
# shellcheck disable=SC2086
verdict "*AcceptSocketDispatch is assigned &table or NULL" \
    "$(grep -nE '\*AcceptSocketDispatch[[:space:]]*=' $SOURCES | grep -vE '=[[:space:]]*(&[A-Za-z_][A-Za-z_0-9]*|NULL);')"
# shellcheck disable=SC2086
verdict "no NonPagedPool without Nx" \
    "$(grep -nE 'NonPagedPool([^A-Za-z]|$)' $SOURCES)"
# shellcheck disable=SC2086
verdict "no untagged ExAllocatePool(" \
    "$(grep -nE 'ExAllocatePool[[:space:]]*\(' $SOURCES)"
# shellcheck disable=SC2086
verdict "no single global PendingInspectID" \
    "$(grep -nE 'PendingInspectID' $SOURCES)"

echo "== $passed passed, $failed failed"
[ "$failed" -eq 0 ]

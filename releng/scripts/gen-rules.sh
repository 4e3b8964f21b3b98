#!/usr/bin/env bash
# Writes a WSKL model with a blocklist of N rules, for benchmarks of `wskl check` and the
# generators at scale (README "Benchmark"):
#   releng/scripts/gen-rules.sh N [FILE]      (default FILE: out/bench/blocklist_N.wskl)
# The listener rejects N distinct /24 networks (1.0.0.0/24, 1.0.1.0/24, ... in address order
# from 1.0.0.0), then accepts 192.168.0.0/16 on its local port, pends 172.16.0.0/12 with a
# deferred check, and accepts by default: a model of the kind a country block or a reputation
# feed gives, with no problems for the checker.
set -euo pipefail
count=${1:?usage: gen-rules.sh N [FILE]}
file=${2:-out/bench/blocklist_${count}.wskl}
if ! [[ $count =~ ^[0-9]+$ ]] || (( count < 1 || count > 4000000 )); then
	echo "gen-rules.sh: N must be a number from 1 to 4000000, not '$count'" >&2
	exit 2
fi
mkdir -p "$(dirname "$file")"
tmp=$(mktemp "${file}.XXXXXX")
trap 'rm -f "$tmp"' EXIT
{
	printf 'driver Blocklist prefix Blk pool tag %s\n\n' "'Blk1'"
	printf 'deferred check Reputation "asks the reputation service about the remote address"\n\n'
	printf 'listener Public on ipv4 0.0.0.0:40009 {\n'
	printf '\toptions conditional-accept\n\taccept by event per-socket\n\tinspect max pending 32 {\n'
	awk -v n="$count" 'BEGIN { for (i = 0; i < n; i++) { x = 65536 + i; printf "\t\treject remote %d.%d.%d.0/24\n", int(x / 65536), int(x / 256) % 256, x % 256 } }'
	printf '\t\taccept remote 192.168.0.0/16 local port 40009\n'
	printf '\t\tpend remote 172.16.0.0/12 with check Reputation timeout 500 ms else reject\n'
	printf '\t\tdefault accept\n\t}\n\tconnection handles receive, disconnect\n}\n'
} >"$tmp"
mv "$tmp" "$file"
trap - EXIT
echo "$file: $count reject rules"

#!/usr/bin/env bash
# Times `./wskl check` on generated blocklist models (releng/scripts/gen-rules.sh), one run per
# size, and prints the wall time and the peak resident set size that /usr/bin/time -v reports
# (JVM start included). The figures in README "Benchmark" come from it:
#   releng/scripts/bench-check.sh [N...]        (default: 10000 100000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
sizes=("$@")
(( ${#sizes[@]} )) || sizes=(10000 100000)
if [ ! -x /usr/bin/time ]; then
	echo "bench-check.sh: needs /usr/bin/time (Debian package 'time')" >&2
	exit 1
fi
./wskl --version >/dev/null # builds wskl.jar first when it is stale, outside the timing
printf '%-8s  %-10s  %-12s  %s\n' rules "wall (s)" "peak RSS" "wskl check says"
for n in "${sizes[@]}"; do
	model=$(releng/scripts/gen-rules.sh "$n" | sed 's/: .*//')
	report=$(mktemp)
	set +e
	summary=$(/usr/bin/time -v -o "$report" ./wskl check "$model" | tail -n 1)
	set -e
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")
	rm -f "$report"
	printf '%-8s  %-10s  %-12s  %s\n' "$n" "$wall" "$((rss / 1024)) MB" "$summary"
done

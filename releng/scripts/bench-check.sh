#!/usr/bin/env bash
# Times the command line on generated blocklist models (releng/bench/blocklist-model.sh N: an
# accept, a pend and N - 2 reject rules), one run per size and command: `./wskl check`,
# `./wskl generate --target c` and `./wskl generate --target java`. Prints the wall time and the
# peak resident set size that /usr/bin/time -v reports (JVM start included), the size of what
# was generated, and the load average before each run. The figures in README "Benchmark" come
# from it:
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
work=out/bench
mkdir -p "$work"
printf '%-8s  %-17s  %-9s  %-9s  %-9s  %-6s  %s\n' rules command "wall (s)" "peak RSS" output load "wskl says"
for n in "${sizes[@]}"; do
	model="$work/blocklist_$n.wskl"
	releng/bench/blocklist-model.sh "$n" >"$model"
	for command in check "generate c" "generate java"; do
		args=(check "$model")
		out=
		if [ "$command" != check ]; then
			out="$work/generated_${n}_${command#generate }"
			rm -rf "$out"
			args=(generate --target "${command#generate }" -o "$out" "$model")
		fi
		load=$(cut -d' ' -f1 /proc/loadavg)
		report=$(mktemp)
		set +e
		summary=$(/usr/bin/time -v -o "$report" ./wskl "${args[@]}" 2>&1 | tail -n 1)
		set -e
		wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")
		rm -f "$report"
		size=-
		[ -n "$out" ] && size="$(du -sm "$out" | cut -f1) MB"
		[ -n "$out" ] && summary="$(find "$out" -type f | wc -l) files"
		printf '%-8s  %-17s  %-9s  %-9s  %-9s  %-6s  %s\n' "$n" "$command" "$wall" "$((rss / 1024)) MB" "$size" "$load" "$summary"
	done
done

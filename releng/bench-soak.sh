#!/bin/sh
# Peak memory and speed of long soaks (`wskl simulate MODEL --random N --jobs J`): the peak
# resident set size of the whole JVM at each soak length, with the heap capped (a soak whose
# memory grew with its length would run out of heap or show a growing peak), and simulated
# requests per second with 1 and 2 jobs. A figure, not a test.
# Usage: releng/bench-soak.sh [LENGTHS] [RATE_LENGTH]
#   LENGTHS      soak lengths for the memory column (default "100000 1000000 10000000")
#   RATE_LENGTH  soak length for the 1-job / 2-job rate (default 1000000)
# Environment: MODEL (default examples/conditional_accept.wskl), HEAP (-Xmx, default 256m),
# SHARD (--shard-size, default the command's). Needs GNU time (/usr/bin/time).
set -e
cd "$(dirname "$0")/.."
LENGTHS=${1:-"100000 1000000 10000000"}
RATE_N=${2:-1000000}
MODEL=${MODEL:-examples/conditional_accept.wskl}
HEAP=${HEAP:-256m}
SHARD_ARG=${SHARD:+--shard-size $SHARD}
./wskl simulate "$MODEL" --random 10 >/dev/null   # builds wskl.jar when it is stale
export WSKL_NO_BUILD=1

# run N JOBS: prints "seconds rate peak_MB"
run() {
	out=$(JAVA_TOOL_OPTIONS="-Xmx$HEAP" /usr/bin/time -f 'PEAK_KB %M' \
		./wskl simulate "$MODEL" --random "$1" --seed 1 --jobs "$2" $SHARD_ARG 2>&1 >/dev/null) || {
		echo "failed: $(echo "$out" | grep -v JAVA_TOOL_OPTIONS | tail -n 3)" >&2
		return 1
	}
	secs=$(echo "$out" | sed -n 's/.* simulated in \([0-9.]*\) s.*/\1/p')
	peak=$(echo "$out" | sed -n 's/^PEAK_KB \([0-9]*\)$/\1/p')
	awk -v n="$1" -v s="$secs" -v k="$peak" 'BEGIN { printf "%s %.0f %.0f\n", s, n / s, k / 1024 }'
}

echo "model $MODEL, heap -Xmx$HEAP, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-12s %-5s %10s %12s %14s\n' requests jobs seconds requests/s "peak RSS MB"
for n in $LENGTHS; do
	set -- $(run "$n" 2)
	printf '%-12s %-5s %10s %12s %14s\n' "$n" 2 "$1" "$2" "$3"
done
for j in 1 2; do
	set -- $(run "$RATE_N" "$j")
	printf '%-12s %-5s %10s %12s %14s\n' "$RATE_N" "$j" "$1" "$2" "$3"
done

#!/bin/sh
# Simulated requests per second of the Java twin and of the C driver (built with ASan/UBSan, in
# its own process) on the same seeded random soak of every example. A figure, not a test.
# Usage: releng/bench-targets.sh [REQUESTS]   (default 20000; needs gcc for the C target)
set -e
cd "$(dirname "$0")/.."
N=${1:-20000}
printf '%-22s %-6s %12s %14s\n' model target seconds requests/s
for model in examples/*.wskl; do
	for target in java c; do
		line=$(./wskl simulate "$model" --random "$N" --seed 9 --target "$target" 2>&1 >/dev/null |
			grep 'requests simulated in' || true)
		secs=$(echo "$line" | sed -n 's/.* in \([0-9.]*\) s\( .*\)\{0,1\}$/\1/p')
		if [ -n "$secs" ]; then
			rate=$(awk -v n="$N" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
			printf '%-22s %-6s %12s %14s\n' "$(basename "$model")" "$target" "$secs" "$rate"
		else
			printf '%-22s %-6s %12s\n' "$(basename "$model")" "$target" "failed"
		fi
	done
done

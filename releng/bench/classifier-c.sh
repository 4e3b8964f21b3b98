#!/bin/bash
# Lookups per second of the generated C classifier (Pfx_Evaluate of the listener's
# PfxLsnClassifier: binary search over the intervals, then the candidates), compiled for the
# host with gcc -O2: ./wskl generate --target c of the N-rule blocklist model
# (releng/bench/blocklist-model.sh), the generated driver source included as it is, the host
# build's ntddk.h and wskhost*.c (plugins/org.wskstudio.wskl.simulate/host) for the kernel
# names. The remote addresses: half the first addresses of random intervals, half uniform over
# IPv4. A figure, not a test. Usage: releng/bench/classifier-c.sh [N ...]  (default 10 1000 100000)
set -e
cd "$(dirname "$0")/../.."
root=$PWD
work=releng/org.wskstudio.bench/target/classifier-c
mkdir -p "$work"
cat > "$work/bench.c" <<'C'
#include "block_driver.c"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ADDRESSES 4096
#define LOOKUPS 50000000UL

int main(void)
{
    static SOCKADDR_IN Remote[ADDRESSES];
    SOCKADDR_IN Local;
    const PFX_CLASSIFIER *Classifier = &BlockPublicClassifier;
    unsigned long Seed = 1, Index, Matched = 0;
    struct timespec Start, End, CpuStart, CpuEnd;
    double Seconds, CpuSeconds;

    memset(&Local, 0, sizeof(Local));
    Local.sin_family = AF_INET;
    Local.sin_port = RtlUshortByteSwap(40009);
    for (Index = 0; Index < ADDRESSES; Index++) {
        Seed = Seed * 6364136223846793005UL + 1442695040888963407UL;
        memset(&Remote[Index], 0, sizeof(Remote[Index]));
        Remote[Index].sin_family = AF_INET;
        Remote[Index].sin_port = RtlUshortByteSwap((USHORT)(1024 + (Seed >> 40) % 60000));
        if (Index % 2 == 0) {
            ULONG Start = Classifier->Ipv4Starts[(Seed >> 33) % Classifier->Ipv4Count];
            UCHAR *Bytes = (UCHAR *)&Remote[Index].sin_addr;
            Bytes[0] = (UCHAR)(Start >> 24);
            Bytes[1] = (UCHAR)(Start >> 16);
            Bytes[2] = (UCHAR)(Start >> 8);
            Bytes[3] = (UCHAR)Start;
        } else {
            ULONG Address = (ULONG)(Seed >> 32);
            memcpy(&Remote[Index].sin_addr, &Address, 4);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &Start);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &CpuStart);
    for (Index = 0; Index < LOOKUPS; Index++) {
        const PFX_RULE *Rule = Block_Evaluate(Classifier, (const SOCKADDR *)&Local,
                                              (const SOCKADDR *)&Remote[Index % ADDRESSES]);
        Matched += (Rule != NULL && Rule != &BlockPublicRules[RTL_NUMBER_OF(BlockPublicRules) - 1]); /* not the default */
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &CpuEnd);
    clock_gettime(CLOCK_MONOTONIC, &End);
    Seconds = (double)(End.tv_sec - Start.tv_sec) + (double)(End.tv_nsec - Start.tv_nsec) / 1e9;
    CpuSeconds = (double)(CpuEnd.tv_sec - CpuStart.tv_sec) + (double)(CpuEnd.tv_nsec - CpuStart.tv_nsec) / 1e9;
    /* per CPU second as well: on a shared machine the wall clock also counts other processes' turns */
    printf("%lu lookups in %.2f s (%.2f s of CPU): %.0f lookups/s, %.0f per CPU second; %lu matched a rule\n",
           LOOKUPS, Seconds, CpuSeconds, LOOKUPS / Seconds, LOOKUPS / CpuSeconds, Matched);
    return 0;
}
C
host=plugins/org.wskstudio.wskl.simulate/host
printf '%8s  %s\n' rules "generated C lookup, gcc -O2"
for n in "${@:-10 1000 100000}"; do
	for m in $n; do
		dir="$work/rules$m"
		rm -rf "$dir"
		mkdir -p "$dir"
		releng/bench/blocklist-model.sh "$m" > "$work/blocklist$m.wskl"
		./wskl generate --target c -o "$dir" "$work/blocklist$m.wskl" >/dev/null
		# PFX_ names of the bench are the model's BLOCK_ ones
		sed 's/PFX_/BLOCK_/g' "$work/bench.c" > "$dir/bench.c"
		for part in wskhost wskhost_kernel wskhost_wsk; do
			gcc -std=gnu11 -O2 -w -I"$host" -I"$dir" -Dmain=WskHostMain -c "$host/$part.c" -o "$dir/$part.o"
		done
		gcc -std=gnu11 -O2 -w -I"$host" -I"$dir" "$dir/bench.c" "$dir/block_checks.c" "$dir/wskhost.o" \
			"$dir/wskhost_kernel.o" "$dir/wskhost_wsk.o" -o "$dir/bench"
		printf '%8s  %s\n' "$m" "$("$dir/bench")"
	done
done

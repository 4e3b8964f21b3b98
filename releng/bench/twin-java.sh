#!/bin/bash
# JMH on the generated Java twins of the blocklist models of 10, 1,000 and 100,000 rules:
# lookups per second of the twin's classifier beside a linear scan of the same rules
# (ClassifierBenchmark), and simulated requests per second and driver loads per second
# (InspectAcceptBenchmark). Writes the blocklist models
# and their twins (./wskl generate --target java) under releng/org.wskstudio.bench/target/twins,
# builds the benchmarks jar, runs it. A figure, not a test. Extra arguments go to JMH, e.g.
#   releng/bench/twin-java.sh ClassifierBenchmark -f 1 -wi 1 -i 2 -r 1     (one benchmark, short)
set -e
cd "$(dirname "$0")/../.."
twins=releng/org.wskstudio.bench/target/twins
for n in 10 1000 100000; do
	mkdir -p "$twins/rules$n"
	releng/bench/blocklist-model.sh "$n" > "$twins/blocklist$n.wskl"
	./wskl generate --target java -o "$twins/rules$n" "$twins/blocklist$n.wskl" >/dev/null
done
./mvnw -B -q -Pbench -pl releng/org.wskstudio.target,releng/org.wskstudio.bench -am package -DskipTests
source releng/scripts/find-jdk.sh
JAVA_HOME="$(wsk_find_jdk 17)"
"$JAVA_HOME/bin/java" -jar releng/org.wskstudio.bench/target/benchmarks.jar \
	-jvmArgs "-Dwsk.bench.twins=$PWD/$twins" "$@"

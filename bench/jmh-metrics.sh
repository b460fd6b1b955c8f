#!/usr/bin/env bash
# Measures what recording metrics costs per item and stage (JMH), against the no-op collector as
# the baseline, with 1 and 2 threads. Installs tgmd from this checkout into the local Maven
# repository, builds benchmarks/target/benchmarks.jar and runs it; the results are printed and
# kept in bench/out/jmh-metrics.txt. Extra arguments go to JMH (e.g. -prof gc).
#   JAVA_HOME   the JDK to use (default: the `java` on PATH)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== installing tgmd (mvn install -DskipTests)" >&2
mvn -q -B -Dstyle.color=never install -DskipTests
echo "== building benchmarks/target/benchmarks.jar" >&2
mvn -q -B -Dstyle.color=never -f benchmarks/pom.xml package
mkdir -p bench/out

echo "== $("$java" -version 2>&1 | head -n 1); $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ);$(uptime | sed 's/.*,  *load/ load/')" >&2
"$java" -jar benchmarks/target/benchmarks.jar 'RecordingBenchmark|ClockBenchmark' \
  -f 1 -wi 3 -w 1s -i 5 -r 2s \
  -rf text -rff bench/out/jmh-metrics.txt \
  "$@"
echo
echo "== results (ns per item; noop is the baseline):"
cat bench/out/jmh-metrics.txt

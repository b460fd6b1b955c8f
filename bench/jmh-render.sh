#!/usr/bin/env bash
# Measures the render functions on the fetch and process stages' hot path (JMH, C1 only as
# bin/tgmd runs): one reply snippet (SnippetBenchmark). Installs tgmd from this checkout into the
# local Maven repository, builds benchmarks/target/benchmarks.jar and runs it; the results are
# printed and kept in bench/out/jmh-render.txt. Extra arguments go to JMH.
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
echo "== $("$java" -version 2>&1 | head -n 1); $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)" >&2
"$java" -jar benchmarks/target/benchmarks.jar 'SnippetBenchmark' \
  -wi 3 -w 1s -i 5 -r 2s \
  -rf text -rff bench/out/jmh-render.txt \
  "$@"
echo
echo "== results (ns per snippet):"
cat bench/out/jmh-render.txt

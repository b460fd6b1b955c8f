#!/usr/bin/env bash
# Runs JMH benchmarks of benchmarks/: installs tgmd from this checkout into the local Maven
# repository, builds benchmarks/target/benchmarks.jar and runs the benchmarks matching REGEX; the
# results are printed and kept in bench/out/jmh-NAME.txt. Extra arguments go to JMH.
#   bench/jmh.sh NAME REGEX [JMH arguments...]
#   JAVA_HOME   the JDK to use (default: the `java` on PATH)
set -euo pipefail

name=${1:?NAME}; regex=${2:?REGEX}; shift 2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== installing tgmd (mvn install -DskipTests)" >&2
mvn -q -B -Dstyle.color=never install -DskipTests
echo "== building benchmarks/target/benchmarks.jar" >&2
mvn -q -B -Dstyle.color=never -f benchmarks/pom.xml package
mkdir -p bench/out

echo "== $("$java" -version 2>&1 | head -n 1); $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ);$(uptime | sed 's/.*,  *load/ load/')" >&2
"$java" -jar benchmarks/target/benchmarks.jar "$regex" \
  -wi 3 -w 1s -i 5 -r 2s \
  -rf text -rff "bench/out/jmh-$name.txt" \
  "$@"
echo
echo "== results:"
cat "bench/out/jmh-$name.txt"

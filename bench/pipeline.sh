#!/usr/bin/env bash
# The pipeline's speed:
#  1. against a source costing 1 ms per 100-item page (like a remote API), with real rendering:
#     is the wall time close to the slowest stage's own time, not the sum of the stages?
#  2. the 200,000-message generated export end to end with --workers 2 and --workers 1,
#     alternating (A B A B ...), medians and their ratio.
#   bench/pipeline.sh [PAIRS=5]
source "$(dirname "$0")/common.sh"
pairs=${1:-5}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
input=$(generated 200000)
machine

echo "== building benchmarks/target/benchmarks.jar" >&2
(cd "$root" && mvn -q -B install -DskipTests >/dev/null && mvn -q -B -f benchmarks/pom.xml package >/dev/null)
echo "== 1. simulated remote source (100,000 messages)"
"$java" "${tgmd_jvm[@]}" -Xmx1g -cp "$root/benchmarks/target/benchmarks.jar" \
  dev.tgmd.benchmarks.SimulatedRemoteSource "$input" 100000 5

echo "== 2. the 200,000-message export, --workers 2 against --workers 1, $pairs pairs"
"$tgmd" --version >/dev/null
fresh_runs
w2=(); w1=()
for i in $(seq 1 "$pairs"); do
  for w in 2 1; do
    read -r wall _ < <(run_timed "$out/pipeline.log" "$tgmd" export "$input" --out "$(fresh_out "w$w")" --no-metrics --quiet --workers "$w")
    echo "pair $i, --workers $w: $wall s"
    if [[ $w == 2 ]]; then w2+=("$wall"); else w1+=("$wall"); fi
  done
done
m2=$(printf '%s\n' "${w2[@]}" | median); m1=$(printf '%s\n' "${w1[@]}" | median)
printf 'median --workers 2: %.2f s, --workers 1: %.2f s; 1 worker / 2 workers = %.2f\n' "$m2" "$m1" "$(echo "$m1 / $m2" | bc -l)"

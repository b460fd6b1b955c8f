#!/usr/bin/env bash
# Times `tgmd export` end to end (the process as a user runs it: Java's start included) on a
# generated export, RUNS times, and reports each run and the median: wall time, messages/s, MB/s
# of result.json, peak RSS (VmHWM, read from outside).
#   bench/export.sh [MESSAGES=200000] [RUNS=5] [extra tgmd export options...]
# e.g. bench/export.sh 1600000 3        (about 1 GB)
#      TGMD_JAVA_OPTS=-XX:TieredStopAtLevel=1 bench/export.sh
source "$(dirname "$0")/common.sh"
n=${1:-200000}; runs=${2:-5}; shift $(( $# < 2 ? $# : 2 ))
input=$(generated "$n")
size_mb=$(du -m "$input/result.json" | cut -f1)
machine
echo "input: $n messages, result.json $size_mb MB; options: --no-metrics $*; TGMD_JAVA_OPTS='${TGMD_JAVA_OPTS:-}'"
"$tgmd" --version >/dev/null  # build first, outside the timing
fresh_runs
walls=(); rss=()
for i in $(seq 1 "$runs"); do
  read -r wall peak < <(run_timed "$out/export.log" "$tgmd" export "$input" --out "$(fresh_out export)" --no-metrics --quiet "$@")
  printf 'run %d: %.2f s, %.0f messages/s, %.1f MB/s, peak RSS %.0f MiB\n' "$i" "$wall" \
    "$(echo "$n / $wall" | bc -l)" "$(echo "$size_mb / $wall" | bc -l)" "$peak"
  walls+=("$wall"); rss+=("$peak")
done
mw=$(printf '%s\n' "${walls[@]}" | median)
mr=$(printf '%s\n' "${rss[@]}" | median)
printf 'median: %.2f s, %.0f messages/s, %.1f MB/s, peak RSS %.0f MiB (max %.0f)\n' "$mw" \
  "$(echo "$n / $mw" | bc -l)" "$(echo "$size_mb / $mw" | bc -l)" "$mr" \
  "$(printf '%s\n' "${rss[@]}" | sort -n | tail -n1)"

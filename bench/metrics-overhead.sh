#!/usr/bin/env bash
# What metrics cost an export: the 200,000-message generated export with metrics on (default
# interval, 5 s) and with --no-metrics, alternating (A B B A ...), PAIRS pairs; reports each pair,
# the medians and the median of the pairs' ratios (on / off). Target: at most 1.01.
#   bench/metrics-overhead.sh [PAIRS=7] [MESSAGES=200000]
source "$(dirname "$0")/common.sh"
pairs=${1:-7}; n=${2:-200000}
input=$(generated "$n")
machine
"$tgmd" --version >/dev/null
fresh_runs
on=(); off=(); ratios=()
for i in $(seq 1 "$pairs"); do
  # ABBA: odd pairs run metrics on first, even pairs off first (the order of a pair shows here)
  if (( i % 2 )); then
    read -r a _ < <(run_timed "$out/overhead.log" "$tgmd" export "$input" --out "$(fresh_out on)" --quiet)
    read -r b _ < <(run_timed "$out/overhead.log" "$tgmd" export "$input" --out "$(fresh_out off)" --quiet --no-metrics)
  else
    read -r b _ < <(run_timed "$out/overhead.log" "$tgmd" export "$input" --out "$(fresh_out off)" --quiet --no-metrics)
    read -r a _ < <(run_timed "$out/overhead.log" "$tgmd" export "$input" --out "$(fresh_out on)" --quiet)
  fi
  r=$(echo "$a / $b" | bc -l)
  printf 'pair %d: metrics on %.3f s, off %.3f s, ratio %.3f\n' "$i" "$a" "$b" "$r"
  on+=("$a"); off+=("$b"); ratios+=("$r")
done
printf 'median: on %.3f s, off %.3f s; median ratio on/off %.3f\n' \
  "$(printf '%s\n' "${on[@]}" | median)" "$(printf '%s\n' "${off[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)"

#!/usr/bin/env bash
# What every run costs before and around its messages: `tgmd --version` (Java's start and the
# command line) and the README's demo export (104 messages, metrics and the vault on), each timed
# from outside as a user runs it, through one or more launchers side by side, alternated in every
# round (the order turned around each round), medians of RUNS rounds.
#   bench/start.sh [RUNS=10] [LAUNCHER...]       (default: this checkout's bin/tgmd)
# e.g. bench/start.sh 10 /tmp/old/bin/tgmd bin/tgmd   (a clone built at an earlier commit)
source "$(dirname "$0")/common.sh"
rounds=${1:-10}; shift || true
launchers=("$@")
(( ${#launchers[@]} )) || launchers=("$tgmd")
machine
for l in "${launchers[@]}"; do
  "$l" --version >/dev/null  # builds the jar, its class-data archive and SQLite's library
done
fresh_runs
demo="$root/examples/demo-export"
declare -A times
for i in $(seq 1 "$rounds"); do
  order=("${launchers[@]}")
  if (( i % 2 == 0 )); then
    order=(); for (( k = ${#launchers[@]} - 1; k >= 0; k-- )); do order+=("${launchers[k]}"); done
  fi
  for l in "${order[@]}"; do
    read -r v _ < <(run_timed "$out/start.log" "$l" --version)
    read -r d _ < <(run_timed "$out/start.log" "$l" export "$demo" --out "$(fresh_out start)" --quiet)
    times[$l/version]+="$v "; times[$l/demo]+="$d "
  done
done
# of_times KEY median|range: the median of the times kept under KEY, or their "lowest-highest"
of_times() {
  if [[ $2 == median ]]; then
    printf '%s\n' ${times[$1]} | median
  else
    printf '%s\n' ${times[$1]} | sort -n | sed -n '1p;$p' | paste -sd- -
  fi
}
first=${launchers[0]}
for l in "${launchers[@]}"; do
  mv=$(of_times "$l/version" median); md=$(of_times "$l/demo" median)
  printf '%s: --version %.3f s (%s), demo export %.3f s (%s)\n' "$l" "$mv" \
    "$(of_times "$l/version" range)" "$md" "$(of_times "$l/demo" range)"
  if [[ $l != "$first" ]]; then
    fv=$(of_times "$first/version" median); fd=$(of_times "$first/demo" median)
    printf '  against %s: --version %.3f, demo %.3f\n' "$first" "$(echo "$mv / $fv" | bc -l)" "$(echo "$md / $fd" | bc -l)"
  fi
done

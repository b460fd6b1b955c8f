#!/usr/bin/env bash
# The vault's cost, measured side by side in one run (runs alternated, ABBA, medians):
#  1. a fresh export of FRESH messages (default 200000) into a new OUT, with the archive and with
#     --no-archive: the ratio is what the archive costs; and in each pair the floor of that cost,
#     the same messages stored by a plain JDBC loop (bench/ArchiveFloor.java, on tgmd's jar);
#  2. a fresh export of RERUN messages (default 60000) into a new OUT, and a rerun of the same
#     export into that OUT (nothing new: no file is rewritten): the ratio is what a rerun costs.
#   bench/vault.sh [RUNS=5] [FRESH=200000] [RERUN=60000]
# Wall time from outside (Java's start included), peak RSS (VmHWM) polled from /proc.
source "$(dirname "$0")/common.sh"
runs=${1:-5}; fresh=${2:-200000}; rerun=${3:-60000}
machine
"$tgmd" --version >/dev/null  # build first, outside the timing

big=$(generated "$fresh")
small=$(generated "$rerun")
fresh_runs
stage_floors
echo "1. fresh export of $fresh messages ($(du -m "$big/result.json" | cut -f1) MB), archive on vs --no-archive"
on=(); off=(); on_rss=(); off_rss=(); cost=(); floor_wall=(); floor_cpu=()
for i in $(seq 1 "$runs"); do
  # ABBA: odd pairs run --no-archive first, even pairs the archive first
  if (( i % 2 )); then
    read -r w p < <(run_timed "$out/vault.log" "$tgmd" export "$big" --out "$(fresh_out off)" --no-metrics --quiet --no-archive)
    read -r w2 p2 < <(run_timed "$out/vault.log" "$tgmd" export "$big" --out "$(fresh_out on)" --no-metrics --quiet)
  else
    read -r w2 p2 < <(run_timed "$out/vault.log" "$tgmd" export "$big" --out "$(fresh_out on)" --no-metrics --quiet)
    read -r w p < <(run_timed "$out/vault.log" "$tgmd" export "$big" --out "$(fresh_out off)" --no-metrics --quiet --no-archive)
  fi
  read -r fw fc < <(stage_floor ArchiveFloor "$big/result.json" "$(fresh_out floor).sqlite")
  off+=("$w"); off_rss+=("$p"); on+=("$w2"); on_rss+=("$p2")
  cost+=("$(echo "$w2 - $w" | bc -l)"); floor_wall+=("$fw"); floor_cpu+=("$fc")
  printf 'run %d: --no-archive %.2f s (%.0f MiB), archive %.2f s (%.0f MiB); the bare insert %.2f s (CPU %.2f s)\n' \
    "$i" "$w" "$p" "$w2" "$p2" "$fw" "$fc"
done
mon=$(printf '%s\n' "${on[@]}" | median); moff=$(printf '%s\n' "${off[@]}" | median)
printf 'median: --no-archive %.2f s, archive %.2f s: ratio %.3f; peak RSS %s vs %s MiB\n' "$moff" "$mon" \
  "$(echo "$mon / $moff" | bc -l)" "$(printf '%s\n' "${off_rss[@]}" | median)" "$(printf '%s\n' "${on_rss[@]}" | median)"
printf 'the archive added %.2f s (median of the pairs); 15%% of --no-archive is %.2f s; the bare insert alone: wall %.2f s, CPU %.2f s\n' \
  "$(printf '%s\n' "${cost[@]}" | median)" "$(echo "$moff * 0.15" | bc -l)" \
  "$(printf '%s\n' "${floor_wall[@]}" | median)" "$(printf '%s\n' "${floor_cpu[@]}" | median)"

echo "2. $rerun messages: fresh export into a new OUT vs a rerun with nothing new into the same OUT"
first=(); again=()
for i in $(seq 1 "$runs"); do
  again_out=$(fresh_out rerun)
  read -r w p < <(run_timed "$out/vault.log" "$tgmd" export "$small" --out "$again_out" --no-metrics --quiet)
  read -r w2 p2 < <(run_timed "$out/vault.log" "$tgmd" export "$small" --out "$again_out" --no-metrics --quiet)
  first+=("$w"); again+=("$w2")
  printf 'run %d: fresh %.2f s, rerun %.2f s\n' "$i" "$w" "$w2"
done
mf=$(printf '%s\n' "${first[@]}" | median); ma=$(printf '%s\n' "${again[@]}" | median)
printf 'median: fresh %.2f s, rerun %.2f s: ratio %.3f\n' "$mf" "$ma" "$(echo "$ma / $mf" | bc -l)"

#!/usr/bin/env bash
# tgmd against the floor, side by side in one run (runs alternated, medians): the floor is one
# Jackson streaming pass over every token of result.json (bench/Floor.java, built from tgmd's own
# jar, run with bin/tgmd's JVM options); tgmd exports the same file as a user runs it (metrics and
# the vault archive on) with --workers 1 and --workers 2. Prints wall, CPU (user + system) and peak
# RSS for each, and the ratios issue 12 asks about: tgmd / floor (wall, CPU), workers 1 / workers 2.
# Each round also measures the floors of two more stages, each in a plain loop on tgmd's jar: the
# archive's (bench/ArchiveFloor.java: the same messages inserted into a new SQLite file) and the
# write stage's (bench/WriteFloor.java: the files the round's export wrote, written again).
#   bench/floor.sh [RUNS=5] [MESSAGES=200000]
source "$(dirname "$0")/common.sh"
runs=${1:-5}; n=${2:-200000}
machine
"$tgmd" --version >/dev/null  # build first, outside the timing
input=$(generated "$n")
fresh_runs
stage_floors
echo "$n messages ($(du -m "$input/result.json" | cut -f1) MB)"
declare -A wall cpu rss
for i in $(seq 1 "$runs"); do
  read -r w c p < <(run_measured "$out/floor.log" java "${tgmd_jvm[@]}" -cp "$root/target/tgmd.jar:$floor_classes" Floor "$input/result.json")
  wall[floor]+="$w "; cpu[floor]+="$c "; rss[floor]+="$p "
  line=$(printf 'run %d: floor %.2f s (CPU %.2f s)' "$i" "$w" "$c")
  # ABBA: the second export of a pair runs measurably slower here, so odd rounds run --workers 1
  # first and even rounds --workers 2 first
  order="1 2"; (( i % 2 )) || order="2 1"
  for k in $order; do
    notes=$(fresh_out "w$k")
    read -r w c p < <(run_measured "$out/floor.log" "$tgmd" export "$input" --out "$notes" --quiet --workers "$k")
    wall[w$k]+="$w "; cpu[w$k]+="$c "; rss[w$k]+="$p "
    line+=$(printf ', --workers %d %.2f s (CPU %.2f s, %.0f MiB)' "$k" "$w" "$c" "$p")
  done
  # the floors of two stages besides the read: the archive's inserts, the notes' writing
  read -r aw ac < <(stage_floor ArchiveFloor "$input/result.json" "$(fresh_out archive).sqlite")
  read -r ww wc < <(stage_floor WriteFloor "$notes" "$(fresh_out write)")
  wall[archive]+="$aw "; cpu[archive]+="$ac "; wall[write]+="$ww "; cpu[write]+="$wc "
  echo "$line$(printf '; archive floor %.2f s (CPU %.2f s), write floor %.2f s (CPU %.2f s)' "$aw" "$ac" "$ww" "$wc")"
done
med() { tr ' ' '\n' <<<"$1" | grep . | median; }
fw=$(med "${wall[floor]}"); fc=$(med "${cpu[floor]}")
for k in floor w1 w2; do
  printf 'median %-6s wall %.3f s, CPU %.3f s, peak RSS %.0f MiB\n' "$k" "$(med "${wall[$k]}")" "$(med "${cpu[$k]}")" "$(med "${rss[$k]}")"
done
for k in archive write; do
  printf 'median %-7s floor: wall %.3f s, CPU %.3f s\n' "$k" "$(med "${wall[$k]}")" "$(med "${cpu[$k]}")"
done
for k in w1 w2; do
  printf 'tgmd %s / floor: wall %.2fx, CPU %.2fx\n' "$k" "$(echo "$(med "${wall[$k]}") / $fw" | bc -l)" "$(echo "$(med "${cpu[$k]}") / $fc" | bc -l)"
done
printf -- '--workers 1 / --workers 2 (wall): %.2fx\n' "$(echo "$(med "${wall[w1]}") / $(med "${wall[w2]}")" | bc -l)"

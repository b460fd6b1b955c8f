#!/usr/bin/env bash
# The read stage of two builds side by side (bench/Read.java: tgmd's reader alone over the generated
# export, in one JVM per run, the second of two reads counted so that both are compiled alike):
# PAIRS runs alternated ABBA, the medians of the reads' CPU time and the median of the pairs'
# ratios. The read is one thread's CPU, far steadier here than an export's wall time.
#   bench/read.sh OLD.jar NEW.jar [PAIRS=10] [MESSAGES=200000]
source "$(dirname "$0")/common.sh"
old=${1:?OLD.jar}; new=${2:?NEW.jar}; pairs=${3:-10}; n=${4:-200000}
machine
input=$(generated "$n")
classes="$out/read-classes"
mkdir -p "$classes"
javac -nowarn -cp "$old" -d "$classes" "$root/bench/Read.java"
# one read's CPU seconds with the jar $1
one() {
  java "${tgmd_jvm[@]}" -cp "$1:$classes" Read "$input" 2 2>/dev/null \
    | sed -n 's/.* CPU \([0-9.]*\) s$/\1/p' | tail -n 1
}
o=(); w=(); ratios=()
for i in $(seq 1 "$pairs"); do
  if (( i % 2 )); then a=$(one "$old"); b=$(one "$new"); else b=$(one "$new"); a=$(one "$old"); fi
  o+=("$a"); w+=("$b"); ratios+=("$(echo "$b / $a" | bc -l)")
  printf 'pair %d: old %.3f s, new %.3f s of CPU\n' "$i" "$a" "$b"
done
printf 'median CPU: old %.3f s, new %.3f s; median of the ratios new / old %.3f\n' \
  "$(printf '%s\n' "${o[@]}" | median)" "$(printf '%s\n' "${w[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)"

#!/usr/bin/env bash
# Two builds of tgmd side by side in one run (runs alternated ABBA, medians): each exports the same
# generated export into a new OUT with bin/tgmd's JVM options, metrics and the vault on.
#   bench/ab.sh OLD.jar NEW.jar [RUNS=5] [MESSAGES=200000]
# Build OLD.jar from an earlier commit with, for instance:
#   git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -B -q -Dmaven.test.skip=true package)
# and pass /tmp/old/target/tgmd.jar. Prints wall and CPU (user + system) per run and the ratios.
# JVM options instead of bin/tgmd's for either side (SQLite's library path is always added), to
# weigh an option with the same jar on both sides:
#   AB_JVM_OLD="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx176m" bench/ab.sh J J
source "$(dirname "$0")/common.sh"
old=${1:?OLD.jar}; new=${2:?NEW.jar}; runs=${3:-5}; n=${4:-200000}
machine
"$tgmd" --version >/dev/null  # builds target/tgmd.jar and unpacks SQLite's library
input=$(generated "$n")
fresh_runs
sqlite=(-Dorg.sqlite.lib.path="$root/target/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so)
read -r -a jvm_old <<<"${AB_JVM_OLD:-${tgmd_jvm[*]}}"
read -r -a jvm_new <<<"${AB_JVM_NEW:-${tgmd_jvm[*]}}"
echo "$n messages ($(du -m "$input/result.json" | cut -f1) MB): $old (${jvm_old[*]}) against $new (${jvm_new[*]})"
ow=(); oc=(); nw=(); nc=()
# one export with the jar $1 (old or new side: $2), printing "<wall s> <cpu s> <peak RSS MiB>"
one() {
  local -n opts="jvm_$2"
  run_measured "$out/ab.log" java "${opts[@]}" "${sqlite[@]}" -jar "$1" export "$input" \
    --out "$(fresh_out ab)" --quiet
}
for i in $(seq 1 "$runs"); do
  # ABBA: the second of a pair runs measurably slower here (the first's files just deleted), so
  # odd pairs run OLD first and even pairs NEW first
  if (( i % 2 )); then
    read -r w c p < <(one "$old" old)
    read -r w2 c2 p2 < <(one "$new" new)
  else
    read -r w2 c2 p2 < <(one "$new" new)
    read -r w c p < <(one "$old" old)
  fi
  ow+=("$w"); oc+=("$c"); nw+=("$w2"); nc+=("$c2")
  printf 'run %d: old %.2f s (CPU %.2f s, %.0f MiB), new %.2f s (CPU %.2f s, %.0f MiB)\n' "$i" "$w" "$c" "$p" "$w2" "$c2" "$p2"
done
mow=$(printf '%s\n' "${ow[@]}" | median); moc=$(printf '%s\n' "${oc[@]}" | median)
mnw=$(printf '%s\n' "${nw[@]}" | median); mnc=$(printf '%s\n' "${nc[@]}" | median)
printf 'median old: wall %.2f s, CPU %.2f s; new: wall %.2f s, CPU %.2f s\n' "$mow" "$moc" "$mnw" "$mnc"
printf 'new / old: wall %.3f, CPU %.3f\n' "$(echo "$mnw / $mow" | bc -l)" "$(echo "$mnc / $moc" | bc -l)"

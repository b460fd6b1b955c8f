# Shared helpers for the bench/ scripts (sourced, not run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${BENCH_OUT:-$root/bench/out}"
tgmd="$root/bin/tgmd"
mkdir -p "$out"

# bin/tgmd's JVM options (but its class-data archive and SQLite's library path), for the scripts
# that run the jar or a floor program with java directly.
tgmd_jvm=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -Xmx176m)
if read -r thp 2>/dev/null </sys/kernel/mm/transparent_hugepage/enabled && [[ $thp == *"[madvise]"* ]]; then
  tgmd_jvm+=(-XX:+UseTransparentHugePages)
fi

# fresh_runs: the timing scripts call it first. Each run then writes into a new folder (fresh_out),
# and all of them are removed when the script ends, none between runs. On ext4, creating a file
# scans past every inode of its block group deleted in the last minute (six while the inode
# table's block is dirty, as it stays after an rm, even after a sync): with the last run's 1,800
# files just deleted, an export's system time went from 0.8 s to 2.5 s and its wall time up by a
# second, the benchmark's doing, not tgmd's. So fresh_runs also waits until BENCH_SETTLE seconds
# (default 370) have passed since the last script removed its runs; BENCH_SETTLE=0 skips the
# wait (and the first runs' figures then carry that cost).
runs="$out/runs"
fresh_runs() {
  local settled="$out/.runs-removed" wait_s
  if [[ -d "$runs" ]]; then  # left by a script killed before it could remove them
    rm -rf "$runs"; sync; : >"$settled"
  fi
  if [[ -f "$settled" ]]; then
    wait_s=$(( ${BENCH_SETTLE:-370} - ($(date +%s) - $(stat -c %Y "$settled")) ))
    if (( wait_s > 0 )); then
      echo "bench: waiting $wait_s s for the files removed at $(date -r "$settled" +%H:%M:%S) to settle (BENCH_SETTLE=0 skips)" >&2
      sleep "$wait_s"
    fi
  fi
  mkdir -p "$runs"
  trap 'rm -rf "$runs"; sync; : >"$out/.runs-removed"' EXIT
}

# fresh_out NAME: prints a folder under $runs that no run has used yet (the export creates it).
fresh_out() {
  printf '%s/%s-%s\n' "$runs" "$1" "${EPOCHREALTIME/[.,]/}"
}

# stage_floors: compiles the bench's floor programs (Floor, ArchiveFloor, WriteFloor) against
# tgmd's jar into $floor_classes. stage_floor CLASS ARGS...: runs ArchiveFloor or WriteFloor, which
# print "... wall W s, CPU C s", and prints "W C".
floor_classes="$out/floor-classes"
stage_floors() {
  mkdir -p "$floor_classes"
  javac -nowarn -cp "$root/target/tgmd.jar" -d "$floor_classes" "$root/bench/Floor.java" \
    "$root/bench/ArchiveFloor.java" "$root/bench/WriteFloor.java"
}
stage_floor() {
  java "${tgmd_jvm[@]}" -Xmx600m \
    -Dorg.sqlite.lib.path="$root/target/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so \
    -cp "$root/target/tgmd.jar:$floor_classes" "$@" 2>/dev/null \
    | sed -n 's/.* wall \([0-9.]*\) s, CPU \([0-9.]*\) s$/\1 \2/p'
}

# generated MESSAGES: prints the folder of a generated export of that many messages (seed 42),
# generating it once.
generated() {
  local n=$1 dir="$out/gen-$1"
  if [[ ! -f "$dir/result.json" ]]; then
    "$tgmd" generate --messages "$n" --out "$dir" --seed 42 >&2
  fi
  printf '%s\n' "$dir"
}

# run_timed LOG CMD...: runs CMD, prints "<wall seconds> <peak RSS in MiB>", measured from outside
# (wall clock around the process; VmHWM from /proc, polled while it runs), once the writes of what
# ran before are on disk. The poll starts no process (bash builtins only; `read -t` on a pipe no one
# writes is the sleep): an awk and a sleep per poll cost 0.17 s of CPU a second, which run_measured
# counted as the command's and which the command lost to them on 2 cores.
run_timed() {
  local log=$1; shift
  local start end pid peak=0 key value rest tick
  sync  # the writes of the run before are on disk: writing them back is not this run's time
  exec {tick}<> <(:)
  start=${EPOCHREALTIME/[.,]/}
  "$@" >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    while read -r key value rest; do
      if [[ $key == VmHWM: ]]; then
        (( value > peak )) && peak=$value
        break
      fi
    done <"/proc/$pid/status" 2>/dev/null || true
    read -r -t 0.02 -u "$tick" rest || true
  done
  exec {tick}<&-
  wait "$pid" || { echo "failed: $* (see $log)" >&2; return 1; }
  end=${EPOCHREALTIME/[.,]/}
  awk -v s="$start" -v e="$end" -v p="$peak" 'BEGIN {printf "%.3f %.1f\n", (e - s) / 1e6, p / 1024}'
}

# run_measured LOG CMD...: as run_timed, and the CPU time it used (user + system, its children
# included, from the shell's own accounting): prints "<wall s> <cpu s> <peak RSS MiB>".
run_measured() {
  local log=$1; shift
  times >"$out/.times0"  # here, not in $(...) or a pipe: a subshell has no children of its own
  run_timed "$log" "$@" >"$out/.timed" || return 1
  times >"$out/.times1"
  awk 'function secs(line,   n, f, i, m, s) {
         n = split(line, f, " "); s = 0
         for (i = 1; i <= n; i++) { split(f[i], m, "m"); sub("s", "", m[2]); s += m[1] * 60 + m[2] }
         return s }
       FILENAME ~ /times0/ && FNR == 2 { b = secs($0) }
       FILENAME ~ /times1/ && FNR == 2 { a = secs($0) }
       FILENAME ~ /timed/ { w = $1; p = $2 }
       END { printf "%.3f %.3f %.1f\n", w, a - b, p }' "$out/.times0" "$out/.times1" "$out/.timed"
}

# median: the median of the numbers on standard input
median() {
  sort -n | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

machine() {
  printf 'machine: %s cores, %s, %s\n' "$(nproc)" "$(java -version 2>&1 | head -n1)" "$(date -u +%Y-%m-%dT%H:%MZ)"
}

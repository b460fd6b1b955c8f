# Shared helpers for the bench/ scripts (sourced, not run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${BENCH_OUT:-$root/bench/out}"
tgmd="$root/bin/tgmd"
mkdir -p "$out"

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
# (wall clock around the process; VmHWM from /proc, polled while it runs).
run_timed() {
  local log=$1; shift
  local start end pid peak=0 hwm
  start=$(date +%s%N)
  "$@" >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$hwm" && "$hwm" -gt "$peak" ]] && peak=$hwm
    sleep 0.02
  done
  wait "$pid" || { echo "failed: $* (see $log)" >&2; return 1; }
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" -v p="$peak" 'BEGIN {printf "%.3f %.1f\n", (e - s) / 1e9, p / 1024}'
}

# median: the median of the numbers on standard input
median() {
  sort -n | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

machine() {
  printf 'machine: %s cores, %s, %s\n' "$(nproc)" "$(java -version 2>&1 | head -n1)" "$(date -u +%Y-%m-%dT%H:%MZ)"
}

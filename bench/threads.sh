#!/usr/bin/env bash
# Where an export's CPU goes, thread by thread: runs one export of the generated export and prints
# the user and system CPU seconds of each thread name (summed over threads of one name), polled
# from /proc/PID/task/*/stat every 0.1 s while it runs (a thread's last reading before it ends).
#   bench/threads.sh [MESSAGES=200000] [tgmd export options...]
source "$(dirname "$0")/common.sh"
n=${1:-200000}; shift || true
machine
"$tgmd" --version >/dev/null  # build first, outside the measurement
input=$(generated "$n")
fresh_runs
"$tgmd" export "$input" --out "$(fresh_out threads)" --quiet "$@" >"$out/threads.log" 2>&1 &
pid=$!
declare -A user sys name
exec {tick}<> <(:)  # the poll starts no process: builtins only, `read -t` on this pipe is the sleep
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    tid=${t##*/}
    read -r stat 2>/dev/null <"$t/stat" || continue  # (stderr first: a thread may end meanwhile)
    comm=${stat#*(}; comm=${comm%)*}
    read -r -a f <<<"${stat##*) }"
    name[$tid]=${comm// /_}
    [[ ${user[$tid]:-0} -lt ${f[11]} ]] && user[$tid]=${f[11]}
    [[ ${sys[$tid]:-0} -lt ${f[12]} ]] && sys[$tid]=${f[12]}
  done
  read -r -t 0.1 -u "$tick" _ || true
done
wait "$pid" || { echo "failed (see $out/threads.log)" >&2; exit 1; }
ticks=$(getconf CLK_TCK)
for tid in "${!name[@]}"; do echo "${name[$tid]} ${user[$tid]:-0} ${sys[$tid]:-0}"; done |
  awk -v hz="$ticks" '{u[$1] += $2; s[$1] += $3}
    END {for (k in u) if (u[k] + s[k] > 0) printf "%7.2f s  (user %6.2f, system %5.2f)  %s\n", (u[k] + s[k]) / hz, u[k] / hz, s[k] / hz, k}' |
  sort -rn

#!/usr/bin/env bash
# bench/truth.sh [MESSAGES] [RUNS]: checks tgmd's report against what is measured from outside the
# process, run by run: the wall clock around bin/tgmd and the peak RSS the kernel reports for it
# (GNU time's %M, the process's VmHWM at exit), and the files left on disk against the totals.
# Runs the demo export and a generated export of MESSAGES messages (default 200000), RUNS times
# each (default 3). Prints one line per run and exits non-zero when a figure disagrees:
#   duration_s more than 50 ms off the wall clock, rss_mb_peak more than 1% off the OS's peak,
#   totals.notes / totals.bytes_written not what is on disk.
source "$(dirname "$0")/common.sh"
n=${1:-200000}
runs=${2:-3}
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
"$tgmd" --version >/dev/null 2>&1 # builds the jar and the CDS archive, outside the measured runs
big=$(generated "$n")
fail=0
check() {
  local name=$1 input=$2 i
  for ((i = 1; i <= runs; i++)); do
    local dest="$out/truth-$name" start end
    rm -rf "$dest"
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$out/truth.time" "$tgmd" export "$input" --out "$dest" --quiet >"$out/truth.log" 2>&1 \
      || { echo "export failed: see $out/truth.log" >&2; return 1; }
    end=$(date +%s%N)
    python3 - "$dest" "$start" "$end" "$(cat "$out/truth.time")" "$name" <<'PY' || fail=1
import json, os, sys
dest, start, end, max_rss_kb, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
r = json.load(open(os.path.join(dest, "export_metrics.json")))
wall = (end - start) / 1e9
dur = r["run"]["duration_s"]
rss = r["resources"]["rss_mb_peak"]
os_rss = max_rss_kb / 1024
notes = size = 0
for d, _, files in os.walk(dest):
    for f in files:
        # the report (its JSON and its page), the vault's index of chats and the list of missing
        # media are not among the notes and media that totals count (docs/metrics.md)
        top = d == dest
        if d[len(dest):].startswith("/.tgmd") or (top and f in (
                "export_metrics.json", "export_metrics.html", "Telegram chats.md",
                "export_missing_media.txt")):
            continue
        notes += f.endswith(".md") and "/media" not in d[len(dest):]
        size += os.path.getsize(os.path.join(d, f))
t = r["totals"]
ok_dur = wall - 0.05 <= dur <= wall
ok_rss = abs(rss - os_rss) <= 0.01 * os_rss
ok_disk = t["notes"] == notes and t["bytes_written"] == size
print(f"{name:5} wall {wall:7.3f} s  duration_s {dur:7.3f} s ({(dur - wall) * 1000:+6.1f} ms)  "
      f"rss_mb_peak {rss:6.1f}  OS max RSS {os_rss:6.1f} MiB ({(rss / os_rss - 1) * 100:+5.2f} %)  "
      f"notes {t['notes']}/{notes} bytes {t['bytes_written']}/{size}  "
      + ("ok" if ok_dur and ok_rss and ok_disk else "DISAGREES"))
sys.exit(0 if ok_dur and ok_rss and ok_disk else 1)
PY
  done
}
check demo "$root/examples/demo-export"
check "$((n / 1000))k" "$big"
exit $fail

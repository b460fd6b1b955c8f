#!/usr/bin/env bash
# bench/truth.sh [MESSAGES] [RUNS]: checks tgmd's report against what is measured from outside the
# process, run by run: the span the report claims against the OS's clocks, the peak RSS the kernel
# reports for it (GNU time's %M, the process's VmHWM at exit), and the files left on disk against
# the totals. Runs the demo export and a generated export of MESSAGES messages (default 200000),
# RUNS times each (default 3). Prints one line per run and exits non-zero when a figure disagrees:
#   started_at before the launch (the clock outside, read just before it) or more than 20 ms after;
#   finished_at after the report's file was written (its mtime, the kernel's coarse clock: a tick
#   of slack) or more than 50 ms before; duration_s not finished_at - started_at (to the
#   millisecond) or longer than the wall clock around bin/tgmd; rss_mb_peak above the OS's peak,
#   or below it by more than 1% or 2 MiB, whichever is larger (what writing the report, the
#   summary and Java's exit touch after the reading); totals.notes / totals.bytes_written not what
#   is on disk.
# What comes after the report's file (the summary, Java's exit) is printed, not limited.
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
def instant(text):  # ISO-8601 UTC to the millisecond, as the report writes it, in epoch ns
    from datetime import datetime, timezone
    d = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    return round(d.timestamp() * 1000) * 1_000_000
began, finished = instant(r["run"]["started_at"]), instant(r["run"]["finished_at"])
written = os.stat(os.path.join(dest, "export_metrics.json")).st_mtime_ns
after_start = (began - start) / 1e6      # ms from the launch to the report's start
before_file = (written - finished) / 1e6  # ms from the report's end to its file
after_file = (end - written) / 1e6        # ms from the file to the process's end
ms = 1_000_000
# the kernel stamps a file's mtime from its coarse clock, up to a tick (4 ms here) behind
ok_dur = (start - ms <= began <= start + 20 * ms and finished - 5 * ms <= written <= finished + 50 * ms
          and abs(dur - (finished - began) / 1e9) <= 0.0015 and dur <= wall)
ok_rss = rss <= os_rss + 0.01 and os_rss - rss <= max(0.01 * os_rss, 2.0)
ok_disk = t["notes"] == notes and t["bytes_written"] == size
print(f"{name:5} wall {wall:7.3f} s  duration_s {dur:7.3f} s ({(dur - wall) * 1000:+6.1f} ms: "
      f"start {after_start:+5.1f}, report {before_file:4.1f}, exit {after_file:4.1f} ms)  "
      f"rss_mb_peak {rss:6.1f} of {os_rss:6.1f} MiB ({(rss / os_rss - 1) * 100:+5.2f} %)  "
      f"notes {t['notes']}/{notes} bytes {t['bytes_written']}/{size}  "
      + ("ok" if ok_dur and ok_rss and ok_disk else "DISAGREES"))
sys.exit(0 if ok_dur and ok_rss and ok_disk else 1)
PY
  done
}
check demo "$root/examples/demo-export"
check "$((n / 1000))k" "$big"
exit $fail

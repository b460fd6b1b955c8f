#!/usr/bin/env bash
# Checks tgmd's OpenMetrics file with a real parser: Python's prometheus_client, whose OpenMetrics
# parser (text_string_to_metric_families) is strict about the format (# EOF, _total, units, types).
# Runs the demo export with --openmetrics, parses the file, and compares a few figures with
# export_metrics.json. Needs python3 with prometheus_client: Debian's python3-prometheus-client,
# installed here when missing and running as root; otherwise the check says it is skipped.
source "$(dirname "$0")/common.sh"

py=/usr/bin/python3
[[ -x "$py" ]] || py="$(command -v python3 || true)"
if [[ -z "$py" ]] || ! "$py" -c 'import prometheus_client' 2>/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3-prometheus-client >/dev/null
    py=/usr/bin/python3
  else
    echo "openmetrics-check: skipped: no python3 with prometheus_client (apt-get install python3-prometheus-client)" >&2
    exit 0
  fi
fi

work="$out/openmetrics-check"
rm -rf "$work"
mkdir -p "$work"
"$tgmd" export "$root/examples/demo-export" --out "$work/notes" --quiet --progress json \
  --openmetrics "$work/tgmd.prom" > /dev/null 2> "$work/progress.jsonl"

"$py" - "$work/tgmd.prom" "$work/notes/export_metrics.json" <<'PY'
import json, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families

text = open(sys.argv[1], encoding="utf-8").read()
report = json.load(open(sys.argv[2], encoding="utf-8"))
families = {f.name: f for f in text_string_to_metric_families(text)}

def value(family, sample=None, **labels):
    for s in families[family].samples:
        if (sample is None or s.name == sample) and all(s.labels.get(k) == v for k, v in labels.items()):
            return s.value
    raise SystemExit(f"openmetrics-check: no sample {family} {labels}")

checks = [
    (value("tgmd_run_success"), 1.0),
    (value("tgmd_run_duration_seconds"), report["run"]["duration_s"]),
    (value("tgmd_messages", "tgmd_messages_total"), report["totals"]["messages"]),
    (value("tgmd_peak_rss_bytes"), round(report["resources"]["rss_mb_peak"] * 2**20)),
]
for stage, s in report["stages"].items():
    checks.append((value("tgmd_stage_busy_seconds", "tgmd_stage_busy_seconds_total", stage=stage), s["total_s"]))
for cache, c in report["caches"].items():
    checks.append((value("tgmd_cache_hits", "tgmd_cache_hits_total", cache=cache), c["hits"]))
for got, want in checks:
    if float(got) != float(want):
        raise SystemExit(f"openmetrics-check: {got} != {want}")
assert families["tgmd_stage_busy_seconds"].unit == "seconds"
assert families["tgmd_run_status"].type == "stateset"
print(f"openmetrics-check: ok: {len(families)} families parsed, {len(checks)} figures equal to export_metrics.json")
PY

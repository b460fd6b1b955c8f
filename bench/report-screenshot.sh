#!/usr/bin/env bash
# Renders the HTML report of the demo export in headless Chromium and saves a screenshot, to look
# at what a user sees when they open OUT/export_metrics.html.
#   bench/report-screenshot.sh [PNG]     (default: bench/out/report.png)
# Installs Debian's chromium when it is missing and this runs as root; otherwise says so and stops.
# The page must render offline: Chromium runs with the network off (--no-proxy-server and a proxy
# that does not exist), so anything it would fetch shows up as missing in the screenshot.
source "$(dirname "$0")/common.sh"

png="${1:-$out/report.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    browser="$(command -v chromium)"
  else
    echo "report-screenshot: skipped: no chromium (apt-get install chromium)" >&2
    exit 0
  fi
fi

notes="$out/screenshot-notes"
rm -rf "$notes"
"$tgmd" export "$root/examples/demo-export" --out "$notes" --quiet --metrics-interval 100ms > /dev/null
page="$notes/export_metrics.html"
test -f "$page"

"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' \
  --window-size=1280,2000 --screenshot="$png" "file://$page" 2>/dev/null
test -s "$png"
echo "report-screenshot: $png ($(du -k "$png" | cut -f1) KiB) from $page"

#!/usr/bin/env bash
# The HTML reader against the JSON reader on the same chat: generates one chat of MESSAGES
# messages in both forms (`tgmd generate --chats 1 --format html`: result.json, and the chat's
# pages chats/chat_001/messages*.html), then times `tgmd export --media none` on each,
# alternately (json html json html ...), RUNS times: wall time, messages/s, peak RSS (the maximum
# resident set size /usr/bin/time -v reports), and the medians and the ratio of HTML's messages/s
# to JSON's.
#   bench/html.sh [MESSAGES=100000] [RUNS=3] [extra tgmd export options...]
source "$(dirname "$0")/common.sh"
n=${1:-100000}; runs=${2:-3}; shift $(( $# < 2 ? $# : 2 ))
dir="$out/gen-html-$n"
if [[ ! -f "$dir/chats/chat_001/messages.html" ]]; then
  "$tgmd" generate --messages "$n" --chats 1 --format html --out "$dir" --seed 42 >&2
fi
json_mb=$(du -m "$dir/result.json" | cut -f1)
html_mb=$(cat "$dir"/chats/chat_001/messages*.html | wc -c | awk '{printf "%.0f", $1 / 1048576}')
pages=$(ls "$dir"/chats/chat_001/messages*.html | wc -l)
machine
echo "input: one chat of $n messages; result.json $json_mb MB; HTML $pages pages, $html_mb MB; options: --no-metrics --media none $*"
"$tgmd" --version >/dev/null  # build first, outside the timing
fresh_runs
declare -A walls rss
for i in $(seq 1 "$runs"); do
  for form in json html; do
    input=$dir; [[ $form == html ]] && input=$dir/chats/chat_001
    start=$(date +%s%N)
    /usr/bin/time -v -o "$out/time-$form.txt" "$tgmd" export "$input" \
      --out "$(fresh_out "$form")" --no-metrics --quiet --media none "$@" >"$out/export-$form.log" 2>&1 \
      || { echo "failed: $form (see $out/export-$form.log)" >&2; exit 1; }
    end=$(date +%s%N)
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", (e - s) / 1e9}')
    peak=$(awk -F: '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$out/time-$form.txt")
    printf 'run %d %-4s: %.2f s, %.0f messages/s, peak RSS %.0f MiB\n' "$i" "$form" "$wall" \
      "$(echo "$n / $wall" | bc -l)" "$peak"
    walls[$form]+="$wall "; rss[$form]+="$peak "
  done
done
for form in json html; do
  mw=$(printf '%s\n' ${walls[$form]} | median)
  mr=$(printf '%s\n' ${rss[$form]} | median)
  printf 'median %-4s: %.2f s, %.0f messages/s, peak RSS %.0f MiB\n' "$form" "$mw" \
    "$(echo "$n / $mw" | bc -l)" "$mr"
  eval "median_$form=$mw"
done
printf 'HTML messages/s / JSON messages/s: %.2f\n' "$(echo "$median_json / $median_html" | bc -l)"

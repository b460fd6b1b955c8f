#!/usr/bin/env bash
# Measures the render functions on the hot path (JMH, C1 only as bin/tgmd runs): one reply snippet
# (SnippetBenchmark), ns per snippet; results kept in bench/out/jmh-render.txt. Extra arguments go
# to JMH. See bench/jmh.sh.
exec "$(dirname "$0")/jmh.sh" render 'SnippetBenchmark' "$@"

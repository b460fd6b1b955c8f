#!/usr/bin/env bash
# Measures the render and write functions on the hot path (JMH, C1 only as bin/tgmd runs): one
# reply snippet (SnippetBenchmark) and one message's text as Markdown (MarkdownTextBenchmark), ns
# each; a note's body written as UTF-8 through a Writer and through layout.Utf8 (Utf8Benchmark),
# µs each. Results kept in bench/out/jmh-render.txt. Extra arguments go to JMH. See bench/jmh.sh.
exec "$(dirname "$0")/jmh.sh" render 'SnippetBenchmark|MarkdownTextBenchmark|Utf8Benchmark' "$@"

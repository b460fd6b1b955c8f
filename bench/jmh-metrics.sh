#!/usr/bin/env bash
# Measures what recording metrics costs per item and stage (JMH), against the no-op collector as
# the baseline (ns per item), with 1 and 2 threads; results kept in bench/out/jmh-metrics.txt.
# Extra arguments go to JMH (e.g. -prof gc). See bench/jmh.sh.
exec "$(dirname "$0")/jmh.sh" metrics 'RecordingBenchmark|ClockBenchmark' -f 1 "$@"

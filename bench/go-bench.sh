#!/usr/bin/env bash
# Go's side of the runtime benchmarks: bench/go/chan_test.go runs the JMH suite's rows
# (ping-pong, 1P/1C over 16 and 1024 slots, 4P/4C over 16, a select over four channels with and
# without buffers, spawn and join) with Go's testing.B on GOMAXPROCS=2, and prints each row's
# median ns per element over the runs, beside the runs themselves.
#
#   bench/go-bench.sh              5 runs of every row, 2 s each (about 3 minutes)
#   bench/go-bench.sh --smoke      1 run of every row, 0.2 s each
#   bench/go-bench.sh [RUNS] [BENCHTIME] [REGEX]
#
# Needs a Go toolchain on the PATH (Debian: apt-get install golang-go); the project's build does
# not. Results: stdout and bench/results/go-<date>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "go-bench: no 'go' on the PATH (Debian: apt-get install golang-go)" >&2; exit 2; }

runs=5 benchtime=2s regex=.
if [ "${1:-}" = "--smoke" ]; then runs=1 benchtime=0.2s; shift; fi
runs=${1:-$runs} benchtime=${2:-$benchtime} regex=${3:-$regex}

mkdir -p bench/results bench/work
out="bench/results/go-$(date -u +%Y%m%d-%H%M%S).txt"
{
  echo "# $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# $(go version), GOMAXPROCS=2, $runs runs of $benchtime, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out"
(cd bench/go && GOCACHE="${GOCACHE:-$PWD/../work/go-cache}" \
  go test -run '^$' -bench "$regex" -benchtime "$benchtime" -count "$runs" -cpu 2) | tee -a "$out"
echo "# medians (ns per element):" | tee -a "$out"
python3 -c '
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r"(Benchmark\S+?)(-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
    if m:
        runs.setdefault(m.group(1), []).append(float(m.group(3)))
for name, v in runs.items():
    print("%-28s %10.1f   (%s)" % (name, statistics.median(v), " ".join("%g" % x for x in v)))
' "$out" | sort | tee -a "$out.medians"
cat "$out.medians" >> "$out" && rm "$out.medians"
echo "Results written to $out"
